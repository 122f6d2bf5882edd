/** Writable streams for tests: a slow reader that records how full its buffer was at each write, and a fake terminal. */
import { Writable } from 'node:stream';

export interface RecordingStream {
  stream: Writable;
  /** The chunks received, in order. */
  received: string[];
  /** writableLength (bytes still buffered) at the moment of each write() call. */
  bufferedAtWrite: number[];
}

/** A reader that takes each chunk `delayMs` after it arrives, with a buffer of `highWaterMark` bytes. */
export function slowReader(highWaterMark: number, delayMs = 5, fail?: Error): RecordingStream {
  const received: string[] = [];
  const bufferedAtWrite: number[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      received.push(chunk.toString());
      setTimeout(() => done(fail), delayMs);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string) => {
    bufferedAtWrite.push(stream.writableLength);
    return write(chunk);
  }) as typeof stream.write;
  return { stream, received, bufferedAtWrite };
}

/** A stream that says it is a terminal (so that progress bars draw on it) and keeps what is drawn. */
export function fakeTerminal(columns = 120): { stream: Writable & { isTTY: true; columns: number }; drawn(): string } {
  let drawn = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        drawn += chunk.toString();
        done();
      },
    }),
    { isTTY: true as const, columns },
  );
  return { stream, drawn: () => drawn };
}
