// A Vite plugin for the web build (web/vite.config.ts): a brotli (.br) and a gzip (.gz) copy beside
// each text file written to web/dist, compressed once at their best, which the server's @fastify/static
// sends by Accept-Encoding (preCompressed) instead of compressing each download again.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing; source maps are read by developer tools only. */
const TEXT = /\.(?:html|js|mjs|css|svg|json|geojson|txt)$/;
/** Below this, the copies save less than they cost. */
const MIN_BYTES = 1024;

export function precompress(): Plugin {
  return {
    name: 'phaseline:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      await Promise.all(
        Object.keys(bundle)
          .filter((name) => TEXT.test(name))
          .map(async (name) => {
            const path = join(dir, name);
            const source = await readFile(path);
            if (source.length < MIN_BYTES) return;
            const brotli = brotliCompressSync(source, {
              params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
            });
            await writeFile(`${path}.br`, brotli);
            await writeFile(`${path}.gz`, gzipSync(source, { level: 9 }));
          }),
      );
    },
  };
}
