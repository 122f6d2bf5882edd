/** The CLI's file helpers and progress lines: backpressure, files complete or absent, errors naming the path. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileError, FileError, inputFileSize, writeChunks, writeFileFromChunks } from './files.ts';
import { fixedClock } from '../server/clock.ts';
import type { CliIo } from './context.ts';
import { fileProgress } from './progress.ts';
import { tempDataDir } from './test/run.ts';
import { slowReader } from './test/streams.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function folder(): string {
  const data = tempDataDir();
  cleanups.push(data.remove);
  return data.dir;
}

async function* chunks(...texts: string[]): AsyncGenerator<string> {
  for (const text of texts) yield text;
}

describe('writeChunks', () => {
  it('waits for drain before each write once the stream asks it to', async () => {
    const slow = slowReader(4);
    await writeChunks(chunks('first chunk', 'second chunk', 'third chunk', 'x'), slow.stream);
    expect(slow.received).toEqual(['first chunk', 'second chunk', 'third chunk', 'x']);
    expect(slow.bufferedAtWrite).toEqual([0, 0, 0, 0]);
  });

  it('keeps writing while the stream has room', async () => {
    const roomy = slowReader(1_000);
    await writeChunks(chunks('aa', 'bb', 'cc'), roomy.stream);
    expect(roomy.bufferedAtWrite).toEqual([0, 2, 4]);
  });

  it('fails with the error of a stream that breaks while it waits for drain', async () => {
    const broken = slowReader(1, 5, Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await expect(writeChunks(chunks('a', 'b', 'c'), broken.stream)).rejects.toMatchObject({ code: 'EPIPE' });
    expect(broken.received).toEqual(['a']);
  });
});

describe('writeFileFromChunks', () => {
  it('writes the file and returns its size, leaving nothing else behind', async () => {
    const dir = folder();
    const path = join(dir, 'out.json');
    expect(await writeFileFromChunks(path, chunks('[', '1,2', ']'))).toBe(5);
    expect(readFileSync(path, 'utf8')).toBe('[1,2]');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('leaves an existing file as it was, and no partial file, when the chunks fail half-way', async () => {
    const dir = folder();
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'the previous export\n');
    async function* failing(): AsyncGenerator<string> {
      yield 'id,status\n';
      throw new Error('the database went away');
    }
    await expect(writeFileFromChunks(path, failing())).rejects.toThrow('the database went away');
    expect(readFileSync(path, 'utf8')).toBe('the previous export\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('names the path it cannot write', async () => {
    const dir = folder();
    await expect(writeFileFromChunks(join(dir, 'missing', 'out.csv'), chunks('x'))).rejects.toThrow(
      new FileError(`cannot write ${join(dir, 'missing', 'out.csv')}: no such file or directory`),
    );
    // A directory where the file should go: the temporary file beside it is removed again.
    const target = join(dir, 'taken');
    mkdirSync(target);
    await expect(writeFileFromChunks(target, chunks('x'))).rejects.toThrow(`cannot write ${target}: is a directory`);
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('inputFileSize and fileError', () => {
  it('gives the size of a file, and names a missing file or a directory', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.csv'), 'abc');
    expect(await inputFileSize(join(dir, 'a.csv'))).toBe(3);
    await expect(inputFileSize(join(dir, 'b.csv'))).rejects.toThrow(`cannot read ${join(dir, 'b.csv')}: no such file or directory`);
    await expect(inputFileSize(dir)).rejects.toThrow(`cannot read ${dir}: is a directory`);
  });

  it('leaves errors that are not the file system as they are', () => {
    const domain = Object.assign(new Error('Line 3: bad'), { code: 'rule_violation' });
    expect(fileError(domain, 'read', 'a.csv')).toBe(domain);
  });
});

describe('fileProgress without a terminal', () => {
  it('prints a plain line each time another interval of rows has been read, and none at the end', () => {
    let stderr = '';
    const io: CliIo = { env: {}, stdout: () => {}, stderr: (t) => (stderr += t), clock: fixedClock('2026-06-20T12:00:00Z'), progress: false };
    const progress = fileProgress(io, 'Importing', 4 * 1_048_576, 1_000);
    progress.update(999, 1_000_000);
    progress.update(1_000, 1_048_576);
    progress.update(1_500, 1_500_000);
    progress.update(3_200, 3_500_000);
    progress.update(3_300, 4 * 1_048_576);
    progress.stop();
    expect(stderr).toBe('Importing: 1,000 rows read (25% of 4.0 MB)\nImporting: 3,200 rows read (83% of 4.0 MB)\n');
  });
});
