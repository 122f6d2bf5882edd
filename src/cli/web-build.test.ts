/** `npm start` rebuilds the web UI only when its sources changed (scripts/web-sources.mjs). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STAMP, webBuildIsCurrent, webSourcesDigest } from '../../scripts/web-sources.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project tree with one web source, one shared source, and a build stamped with the digest. */
function builtProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'phaseline-web-build-'));
  roots.push(root);
  mkdirSync(join(root, 'web/src'), { recursive: true });
  mkdirSync(join(root, 'src/core'), { recursive: true });
  mkdirSync(join(root, 'web/dist'), { recursive: true });
  writeFileSync(join(root, 'web/src/main.tsx'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src/core/index.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'web/dist/index.html'), '<!doctype html>');
  writeFileSync(join(root, STAMP), `${webSourcesDigest(root)}\n`);
  return root;
}

describe('the web build stamp', () => {
  it('is current when nothing changed since the build', () => {
    expect(webBuildIsCurrent(builtProject())).toBe(true);
  });

  it('is stale when a web source, a shared core source, or a new file changed', () => {
    const edited = builtProject();
    writeFileSync(join(edited, 'web/src/main.tsx'), 'export const a = 2;\n');
    expect(webBuildIsCurrent(edited)).toBe(false);

    const shared = builtProject();
    writeFileSync(join(shared, 'src/core/index.ts'), 'export const b = 3;\n');
    expect(webBuildIsCurrent(shared)).toBe(false);

    const added = builtProject();
    writeFileSync(join(added, 'web/src/new.tsx'), '');
    expect(webBuildIsCurrent(added)).toBe(false);
  });

  it('is stale without a build or without a stamp', () => {
    const noStamp = builtProject();
    rmSync(join(noStamp, STAMP));
    expect(webBuildIsCurrent(noStamp)).toBe(false);

    const noBuild = builtProject();
    rmSync(join(noBuild, 'web/dist/index.html'));
    expect(webBuildIsCurrent(noBuild)).toBe(false);
  });

  it('depends on the path as well as the bytes', () => {
    const a = builtProject();
    const b = builtProject();
    rmSync(join(b, 'web/src/main.tsx'));
    writeFileSync(join(b, 'web/src/other.tsx'), 'export const a = 1;\n');
    expect(webSourcesDigest(a)).not.toBe(webSourcesDigest(b));
  });
});
