/**
 * Repeated reads served from memory. A view (the matrix, the agreement list, a page of incidents...)
 * is computed once, checked against its response schema once, serialized once and compressed once
 * per encoding, then served as bytes with an ETag (304 when the client has it) until its key changes.
 *
 * The key holds everything that changes the answer: the view's name, the agreement, the counter of
 * the writes the view follows (freshness.ts), the reader (role and the confidential audiences they
 * are in, so that an entry confidential to an audience is never served to someone outside it), and
 * the query. A view that changes with time alone (overdue deadlines, the violation window, today's
 * compliance window) says until when it holds, and is computed again from then.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { readableScopes, roleOn, type Agreement, type Principal } from '../../core/index.ts';
import type { Clock } from '../clock.ts';
import type { AgreementState, Freshness } from './freshness.ts';

export type Encoding = 'br' | 'gzip';

interface Entry {
  json: Buffer;
  etag: string;
  /** Milliseconds since the epoch from which the view must be computed again; null: until a write. */
  validUntil: number | null;
  encoded: Partial<Record<Encoding, Buffer>>;
  bytes: number;
}

export interface ViewSpec<S extends z.ZodType> {
  /** The view's name in the cache key. */
  view: string;
  /** The route's response schema: each new value is checked and stripped by it, as Fastify's serializer would. */
  schema: S;
  /**
   * The writes that change it: those to the request's agreement (its parts, incidents, zones...), or
   * every write (a view that also shows other agreements or accounts, such as authors' names).
   */
  follows: 'agreement' | 'everything';
  /** What else changes the answer, e.g. the parsed query. */
  key?: unknown;
  /** Computes the value, and the instant until which it holds without a write (none: until one). */
  build(): Promise<{ value: z.output<S>; validUntil?: Date | null }>;
}

/** Below this a body is sent as it is: compressing it saves less than the headers cost. */
const MIN_COMPRESSED_BYTES = 1024;
const DEFAULT_MAX_BYTES = 64 * 1_048_576;

/** The encoding to send: brotli, then gzip, as the client accepts them (q > 0); null for none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const accepts = (name: Encoding) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as GET and HEAD use). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Who is reading, as far as it changes an answer: on an agreement, the reader's role there and the
 * confidential scopes they may read; elsewhere (the agreement list), which agreements they may read.
 */
export function readerKey(principal: Principal, state: AgreementState | null): string {
  if (state) return `${roleOn(principal, state.agreement)}:${JSON.stringify(readableScopes(principal, state.agreement.id))}`;
  if (principal.kind === 'anonymous') return 'visitor';
  if (principal.admin) return 'admin';
  return `member:${principal.memberships.map((m) => m.agreementId).sort().join(',')}`;
}

function encode(json: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: json.length } })
    : gzipSync(json, { level: 9 });
}

export interface ViewCacheOptions {
  freshness: Freshness;
  clock: Clock;
  /** Largest total of bodies kept (identity and encoded), in bytes; the least recently used go first. */
  maxBytes?: number;
}

export function viewCache({ freshness, clock, maxBytes = DEFAULT_MAX_BYTES }: ViewCacheOptions) {
  const entries = new Map<string, Entry>();
  const building = new Map<string, Promise<Entry>>();
  let total = 0;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (entry) total -= entry.bytes;
    entries.delete(key);
  };
  const keep = (key: string, entry: Entry) => {
    drop(key);
    entries.set(key, entry);
    total += entry.bytes;
    for (const oldest of entries.keys()) {
      if (total <= maxBytes) break;
      drop(oldest);
    }
  };

  async function fill<S extends z.ZodType>(request: FastifyRequest, key: string, spec: ViewSpec<S>): Promise<Entry> {
    const { value, validUntil = null } = await spec.build();
    const checked = spec.schema.safeEncode(value);
    if (!checked.success) throw new ResponseSerializationError(request.method, request.url, { cause: checked.error });
    const json = Buffer.from(JSON.stringify(checked.data));
    const etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
    const entry: Entry = { json, etag, validUntil: validUntil === null ? null : validUntil.getTime(), encoded: {}, bytes: json.length };
    keep(key, entry);
    return entry;
  }

  async function entryFor<S extends z.ZodType>(request: FastifyRequest, spec: ViewSpec<S>): Promise<Entry> {
    const state = request.agreementState;
    const counter = state ? (spec.follows === 'agreement' ? state.version : state.head) : await freshness.head();
    const scope = state ? state.agreement.id : '*';
    const key = JSON.stringify([spec.view, scope, counter, readerKey(request.principal, state), spec.key ?? null]);
    const now = clock.now().getTime();
    const hit = entries.get(key);
    if (hit && (hit.validUntil === null || now < hit.validUntil)) {
      // Least recently used last.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    // Concurrent misses of one key compute it once.
    const pending = building.get(key) ?? fill(request, key, spec).finally(() => building.delete(key));
    building.set(key, pending);
    return pending;
  }

  return {
    freshness,
    /** Answers the request with the view: from memory when its key has not changed, with ETag and 304. */
    async send<S extends z.ZodType>(request: FastifyRequest, reply: FastifyReply, spec: ViewSpec<S>): Promise<FastifyReply> {
      const entry = await entryFor(request, spec);
      reply.header('etag', entry.etag).header('cache-control', 'private, no-cache').header('vary', 'Accept-Encoding');
      if (etagMatches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
      reply.type('application/json; charset=utf-8');
      const encoding = entry.json.length >= MIN_COMPRESSED_BYTES ? chooseEncoding(request.headers['accept-encoding']) : null;
      if (!encoding) return reply.send(entry.json);
      let body = entry.encoded[encoding];
      if (!body) {
        body = encode(entry.json, encoding);
        entry.encoded[encoding] = body;
        entry.bytes += body.length;
        total += body.length;
      }
      return reply.header('content-encoding', encoding).send(body);
    },
    /** How many views are kept, and their bytes (for tests and the benchmark). */
    stats: () => ({ entries: entries.size, bytes: total }),
    /** Forgets every view and stops following the database's writes. */
    close() {
      entries.clear();
      total = 0;
      freshness.close();
    },
  };
}
export type ViewCache = ReturnType<typeof viewCache>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The agreement the URL names, as the access check read it, with its change counters; null elsewhere. */
    agreementState: AgreementState | null;
  }
  interface FastifyReply {
    /** Sends a cached read view: see viewCache. */
    sendView<S extends z.ZodType>(spec: ViewSpec<S>): Promise<FastifyReply>;
  }
  interface FastifyInstance {
    views: ViewCache;
  }
}

/** The agreement the access check read for this request (routes with an agreement-scoped permission). */
export function agreementOf(request: FastifyRequest): Agreement {
  if (!request.agreementState) throw new Error(`${request.url}: no agreement was read for this route (is its permission agreement-scoped?)`);
  return request.agreementState.agreement;
}

/** Decorates the app with the cache: `reply.sendView(spec)` in a route's handler. */
export function registerViewCache(app: FastifyInstance, cache: ViewCache): void {
  app.decorate('views', cache);
  app.addHook('onClose', async () => cache.close());
  app.decorateRequest('agreementState', null);
  app.decorateReply('sendView', function sendView<S extends z.ZodType>(this: FastifyReply, spec: ViewSpec<S>) {
    return cache.send(this.request, this, spec);
  });
}
