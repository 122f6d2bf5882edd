// The web UI's build: root is this folder, output in web/dist (served by the Phaseline server).
// In development, `npm run dev:web` proxies /api to a server started with `phaseline serve`.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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
            // Observable Plot and d3: only the lazily loaded compliance chart needs them.
            { name: 'plot', test: /node_modules[\\/](@observablehq|d3|d3-[a-z-]+|internmap|delaunator|robust-predicates|interval-tree-1d|binary-search-bounds|isoformat)[\\/]/ },
            // Only the map page needs MapLibre: its own chunk, loaded with that page alone.
            { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre|earcut|kdbush|supercluster|pbf|gl-matrix)[\\/]/ },
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
