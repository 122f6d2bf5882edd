// What the web UI's build reads, and one digest of it: `npm start` rebuilds web/dist only when the
// digest differs from the one the last build wrote beside it (scripts/build-web.mjs).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The folders and files, relative to the project's root, whose contents go into the bundle. */
export const WEB_SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/contract', 'src/core', 'scripts/vite-precompress.ts', 'package-lock.json'];

/** Where the build's digest is kept, inside the build's output so that removing web/dist forgets it. */
export const STAMP = 'web/dist/.sources-sha256';

function* filesUnder(path) {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    yield* filesUnder(join(path, entry.name));
  }
}

/** SHA-256 over every source file's path (with forward slashes) and bytes, in a fixed order. */
export function webSourcesDigest(root) {
  const hash = createHash('sha256');
  for (const source of WEB_SOURCES) {
    for (const file of filesUnder(join(root, source))) {
      hash.update(relative(root, file).split(sep).join('/'));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/** Whether web/dist was built from the sources as they are now. */
export function webBuildIsCurrent(root) {
  const stamp = join(root, STAMP);
  return existsSync(join(root, 'web/dist/index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === webSourcesDigest(root);
}
