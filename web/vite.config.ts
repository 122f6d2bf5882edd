// The web UI's build: root is this folder, output in web/dist (served by the Phaseline server).
// In development, `npm run dev:web` proxies /api to a server started with `phaseline serve`.
import react from '@vitejs/plugin-react';
import { defineConfig, normalizePath, type Plugin } from 'vite';
import { precompress } from '../scripts/vite-precompress.ts';

const ZOD_CONFIG = normalizePath(`${import.meta.dirname}/src/zodConfig.ts`);

/**
 * Every `import ... from 'zod'` in the web bundle (src/contract's schemas included) resolves to
 * src/zodConfig.ts, which sets zod's `jitless` and re-exports zod. So each module that builds a
 * schema depends on the setting and runs after it, whatever chunk either lands in: with the setting
 * imported first by main.tsx only, a chunk of shared code (src/contract) ran before it and zod's
 * probe for `new Function` showed as a CSP violation. Subpaths (`zod/v4`, `zod/mini`) would go
 * around it, so they are refused.
 */
function zodJitless(): Plugin {
  return {
    name: 'phaseline:zod-jitless',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || normalizePath(importer.split('?')[0]!) === ZOD_CONFIG) return null;
      if (source === 'zod') return ZOD_CONFIG;
      if (source.startsWith('zod/')) this.error(`${importer} imports "${source}": import "zod", which web/src/zodConfig.ts configures for the CSP`);
      return null;
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [zodJitless(), react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/ },
            // Observable Plot and d3: only the lazily loaded compliance chart needs them. Not
            // robust-predicates, which Turf's point-in-polygon (every page) shares with d3-delaunay:
            // in this chunk it made every page download Plot.
            { name: 'plot', test: /node_modules[\\/](@observablehq|d3|d3-[a-z-]+|internmap|delaunator|interval-tree-1d|binary-search-bounds|isoformat)[\\/]/ },
            // Only the map page needs MapLibre: its own chunk, loaded with that page alone.
            { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre|earcut|kdbush|supercluster|pbf|gl-matrix)[\\/]/ },
            // jsdiff: only the document page's word diffs need it.
            { name: 'diff', test: /node_modules[\\/]diff[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
    },
  },
});
