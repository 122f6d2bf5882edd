/** A client of an event stream, for tests: collects the events and waits for them (no timing asserted). */
import { expect } from 'vitest';

export interface EventStream {
  events: Array<{ event: string; data: unknown }>;
  /** Resolves once `count` events named `event` have arrived. */
  until(event: string, count: number): Promise<void>;
  close(): void;
}

export async function openEvents(origin: string, url: string, token: string): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(`${origin}${url}`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: EventStream['events'] = [];
  const waiters: Array<() => void> = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event) events.push({ event, data: data ? JSON.parse(data) : null });
          for (const wake of waiters.splice(0)) wake();
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  const count = (event: string) => events.filter((e) => e.event === event).length;
  return {
    events,
    until: (event, n) =>
      new Promise<void>((resolve) => {
        const check = () => (count(event) >= n ? resolve() : waiters.push(check));
        check();
      }),
    close: () => controller.abort(),
  };
}

