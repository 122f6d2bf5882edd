import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/phaseline.js', import.meta.url));
const exec = promisify(execFile);

describe('the phaseline bin', () => {
  it('prints its help through node bin/phaseline.js', async () => {
    const { stdout, stderr } = await exec(process.execPath, [BIN, '--help']);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: phaseline \[options\] \[command\]/);
    for (const command of ['serve [options]', 'migrate', 'demo', 'agreements', 'matrix [options] <agreement>']) {
      expect(stdout).toContain(command);
    }
  });

  it('sets a non-zero exit code on a usage error', async () => {
    const failure = await exec(process.execPath, [BIN, 'matrix']).then(
      () => null,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect(failure?.stderr).toContain("phaseline: missing required argument 'agreement'");
  });
});
