/**
 * Files the CLI reads and writes: errors that name the path, and long output streamed with
 * backpressure, to a file that appears only once it is complete.
 */
import { once } from 'node:events';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';

/** A file cannot be read or written: exit code 1, naming the path. */
export class FileError extends Error {
  override name = 'FileError';
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
};

/** A system call's error (ENOENT, EACCES...) as a FileError naming `path` and what was being done; any other error as it is. */
export function fileError(err: unknown, verb: 'read' | 'write', path: string): unknown {
  if (!(err instanceof Error) || !('syscall' in err)) return err;
  const code = String((err as NodeJS.ErrnoException).code);
  return new FileError(`cannot ${verb} ${path}: ${REASONS[code] ?? err.message}`);
}

/** The size of a readable regular file, or a FileError naming it. */
export async function inputFileSize(path: string): Promise<number> {
  const info = await stat(path).catch((err: unknown) => {
    throw fileError(err, 'read', path);
  });
  if (info.isDirectory()) throw new FileError(`cannot read ${path}: is a directory`);
  return info.size;
}

export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw fileError(err, 'read', path);
  }
}

/**
 * Writes every chunk to `stream`, waiting for 'drain' whenever it asks to, so that a slow reader
 * (a pipe, a disk) holds back the producer instead of the memory filling. Leaves the stream open.
 */
export async function writeChunks(chunks: AsyncIterable<string>, stream: NodeJS.WritableStream): Promise<void> {
  let failure: Error | null = null;
  // An error between two writes (EPIPE when the reader goes away) would otherwise be unhandled.
  const onError = (err: Error) => {
    failure ??= err;
  };
  stream.on('error', onError);
  try {
    for await (const chunk of chunks) {
      if (failure) throw failure;
      // once() rejects if the stream fails while we wait.
      if (!stream.write(chunk)) await once(stream, 'drain');
    }
    if (failure) throw failure;
  } finally {
    stream.off('error', onError);
  }
}

/**
 * Streams the chunks into `path` through a temporary file beside it, renamed over `path` at the
 * end: a failed export leaves no truncated file that looks complete. Returns the bytes written.
 */
export async function writeFileFromChunks(path: string, chunks: AsyncIterable<string>): Promise<number> {
  const partial = `${path}.${process.pid}.partial`;
  const handle = await open(partial, 'w').catch((err: unknown) => {
    throw fileError(err, 'write', path);
  });
  const stream = handle.createWriteStream();
  try {
    await writeChunks(chunks, stream);
    stream.end();
    await once(stream, 'close');
    await rename(partial, path);
    return stream.bytesWritten;
  } catch (err) {
    stream.destroy();
    await rm(partial, { force: true });
    throw fileError(err, 'write', path);
  }
}

/** Writes `data` to `path` through a temporary file beside it, renamed over `path`: complete or not at all. Returns the bytes written. */
export async function writeWholeFile(path: string, data: string | Uint8Array): Promise<number> {
  const partial = `${path}.${process.pid}.partial`;
  try {
    await writeFile(partial, data);
    await rename(partial, path);
    return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  } catch (err) {
    await rm(partial, { force: true });
    throw fileError(err, 'write', path);
  }
}
