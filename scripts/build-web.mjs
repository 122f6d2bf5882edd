#!/usr/bin/env node
// Builds the web UI into web/dist and records the digest of its sources there. With --if-changed
// (what `npm start` runs) it skips the build when web/dist was built from the sources as they are.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP, webBuildIsCurrent, webSourcesDigest } from './web-sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv.includes('--if-changed') && webBuildIsCurrent(root)) {
  console.log('web/dist is up to date with its sources: not rebuilding (npm run build forces it)');
  process.exit(0);
}
// The digest is taken before building: a source edited during the build makes the next start rebuild.
const digest = webSourcesDigest(root);
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(join(root, STAMP), `${digest}\n`);
