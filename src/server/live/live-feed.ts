/**
 * Live updates over Server-Sent Events, filtered per reader.
 *
 * One poller per agreement per process reads the agreement's change counter (freshness.ts) once
 * an interval: on PostgreSQL that is one query, so a write another process committed is seen within
 * the interval; on PGlite the counter lives in memory. When the counter moved, every stream open on
 * that agreement recomputes its reader's fingerprint (a hash of what this reader may see, e.g. the
 * document view built for them) and sends an event only if it differs from the last one sent. A
 * reader is therefore never told that something changed which they may not see: an edit of a stance
 * confidential to another party leaves their fingerprint, and their stream, unchanged.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Freshness } from '../views/freshness.ts';

export interface LiveFeedOptions {
  freshness: Freshness;
  /** How often each watched agreement's counter is read, in milliseconds (default 1000). */
  intervalMs?: number;
}

interface Watch {
  version: string | null;
  listeners: Set<() => void>;
  timer: NodeJS.Timeout;
  polling: boolean;
}

export function liveFeed({ freshness, intervalMs = 1000 }: LiveFeedOptions) {
  const watches = new Map<string, Watch>();
  /** How to end each open stream, for a server that shuts down. */
  const enders = new Set<() => void>();

  async function poll(agreementId: string, watch: Watch): Promise<void> {
    if (watch.polling) return;
    watch.polling = true;
    try {
      const state = await freshness.agreement(agreementId);
      const version = state?.version ?? null;
      if (version !== watch.version) {
        watch.version = version;
        for (const listener of [...watch.listeners]) listener();
      }
    } catch {
      // A failed read (a restarting database) is retried on the next tick; the streams stay open.
    } finally {
      watch.polling = false;
    }
  }

  return {
    /** Calls `listener` whenever the agreement's change counter moves; returns the unsubscribe. */
    subscribe(agreementId: string, version: string | null, listener: () => void): () => void {
      let watch = watches.get(agreementId);
      if (!watch) {
        const created: Watch = { version, listeners: new Set(), polling: false, timer: setInterval(() => void poll(agreementId, created), intervalMs) };
        created.timer.unref();
        watches.set(agreementId, created);
        watch = created;
      }
      watch.listeners.add(listener);
      const current = watch;
      return () => {
        current.listeners.delete(listener);
        if (current.listeners.size === 0) {
          clearInterval(current.timer);
          if (watches.get(agreementId) === current) watches.delete(agreementId);
        }
      };
    },
    /** How many agreements are watched and streams open (for tests). */
    stats: () => ({ agreements: watches.size, streams: [...watches.values()].reduce((n, w) => n + w.listeners.size, 0) }),
    /** Registers how to end a stream when the server closes; returns the deregistration. */
    onClose(end: () => void): () => void {
      enders.add(end);
      return () => enders.delete(end);
    },
    /** Ends every open stream (their clients reconnect elsewhere) and stops polling. */
    close() {
      for (const end of [...enders]) end();
      for (const watch of watches.values()) clearInterval(watch.timer);
      watches.clear();
    },
  };
}
export type LiveFeed = ReturnType<typeof liveFeed>;

export interface StreamOptions {
  feed: LiveFeed;
  agreementId: string;
  /** The agreement's counter as the request read it. */
  version: string | null;
  /** What this reader may see, as a value whose JSON changes exactly when their view does. */
  view(): Promise<unknown>;
  /** The stream ends after this long (the browser's EventSource reconnects, and the session is checked again). */
  maxMs: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
}

const fingerprintOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/**
 * Answers the request with an event stream: `ready` at once (with the reader's fingerprint), then
 * `change` each time what the reader may see changed, until the client leaves or `maxMs` passes.
 */
export async function streamEvents(_request: FastifyRequest, reply: FastifyReply, options: StreamOptions): Promise<void> {
  let last = fingerprintOf(await options.view());
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
    // The connection ends with the stream (the client reconnects with a new one), so a server that
    // shuts down is not kept waiting for a kept-alive socket.
    connection: 'close',
  });
  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  res.write('retry: 1000\n\n');
  send('ready', { fingerprint: last });

  let open = true;
  let checking = Promise.resolve();
  const check = () => {
    checking = checking.then(async () => {
      if (!open) return;
      try {
        const next = fingerprintOf(await options.view());
        if (next !== last && open) {
          last = next;
          send('change', { fingerprint: next });
        }
      } catch {
        // The document was deleted or the reader lost access: end the stream; a reconnect gets the answer.
        finish();
      }
    });
  };
  const unsubscribe = options.feed.subscribe(options.agreementId, options.version, check);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), options.heartbeatMs ?? 15_000);
  const timeout = setTimeout(() => finish(), options.maxMs);
  const forget = options.feed.onClose(finish);
  function finish() {
    if (!open) return;
    open = false;
    unsubscribe();
    forget();
    clearInterval(heartbeat);
    clearTimeout(timeout);
    res.end();
  }
  // The response's close: the client went away (a request's own close fires once its body is read).
  res.on('close', finish);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Live updates: the feed, and how long one stream stays open. */
    live: { feed: LiveFeed; maxMs: number };
  }
}
