#!/usr/bin/env node
// The browser tests drive Debian's Chromium (Playwright's own download cannot work here).
// Exits 0 when /usr/bin/chromium is there; as root, installs the `chromium` package first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot) {
  console.log(`${CHROMIUM} not found: installing the Debian package "chromium" with apt-get…`);
  const result = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], { stdio: 'inherit' });
  if (result.status === 0 && existsSync(CHROMIUM)) process.exit(0);
  console.error(`Installing chromium failed (exit ${result.status ?? result.signal}); ${CHROMIUM} is still missing.`);
  process.exit(1);
}

console.error(
  [
    `The end-to-end tests need Chromium at ${CHROMIUM}, and it is not installed.`,
    'Install it as root, then run the tests again:',
    '',
    '  sudo apt-get update && sudo apt-get install -y chromium',
    '',
  ].join('\n'),
);
process.exit(1);
