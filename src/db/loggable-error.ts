/**
 * A failed statement, fit for a log: what failed and why, never the values it carried. Drizzle's
 * DrizzleQueryError puts the parameters in its message ("params: ...") and in `params`; PGlite's
 * errors carry `params` too; PostgreSQL's carry the values in `detail` ("Key (name)=(...)",
 * "Failing row contains (...)"), and a data exception (SQLSTATE class 22) quotes the value in its
 * message. A confidential note's text must not land in the server log through any of these.
 */

/** The fields of a PostgreSQL error that name things (never values), kept in the log. */
const NAMING_FIELDS = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;
const MAX_QUERY_CHARS = 2_000;
const MAX_CAUSES = 5;

type Fields = Record<string, unknown>;

const asFields = (e: unknown): Fields | null => (e !== null && typeof e === 'object' ? (e as Fields) : null);

/** A PostgreSQL error (pg, PGlite) or a query error wrapping one (Drizzle, PGlite). */
export function isDatabaseError(e: unknown): boolean {
  const f = asFields(e);
  if (!f) return false;
  const sqlstate = typeof f.code === 'string' && /^[0-9A-Z]{5}$/.test(f.code);
  return (sqlstate && typeof f.severity === 'string') || (typeof f.query === 'string' && 'params' in f);
}

function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = err; asFields(e) && chain.length <= MAX_CAUSES; e = asFields(e)!.cause) chain.push(e);
  return chain;
}

function safeMessage(f: Fields): string {
  // Drizzle: "Failed query: <sql>\nparams: <values>".
  const message = String(f.message ?? '').split('\nparams:')[0]!;
  const code = typeof f.code === 'string' ? f.code : '';
  // A data exception quotes the value it could not take: 'invalid input syntax for type uuid: "..."'.
  if (isDatabaseError(f) && code.startsWith('22')) return `data exception (SQLSTATE ${code}); the value is not logged`;
  return message;
}

/** The stack's frames under the safe message: the stack starts with the original message. */
function safeStack(f: Fields, name: string, message: string): string | undefined {
  if (typeof f.stack !== 'string') return undefined;
  const frames = f.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${name}: ${message}`, ...frames].join('\n');
}

/**
 * The error as it may be logged: unchanged when no database error is in its cause chain;
 * otherwise one flat object (pino's error serializer folds causes into the message anyway) with
 * the error's type, the messages of its causes without parameters or values, the SQL text
 * (placeholders, no values), the SQLSTATE and the names PostgreSQL gives, and the stack. Its
 * prototype is null, so that pino reports its `name` as the type, as for a real error.
 */
export function loggableError(err: unknown): unknown {
  const chain = causes(err);
  if (!chain.some(isDatabaseError)) return err;
  const top = asFields(err)!;
  // As pino names an error: by its class (DrizzleQueryError's `name` is plain "Error").
  const ctor = (top.constructor as { name?: unknown } | undefined)?.name;
  const name = typeof ctor === 'string' && ctor !== 'Object' ? ctor : typeof top.name === 'string' ? top.name : 'Error';
  const message = loggableMessage(err);
  const out: Fields = Object.assign(Object.create(null) as Fields, { name, message });
  for (const f of chain.map((e) => asFields(e)!)) {
    if (typeof f.query === 'string' && out.query === undefined) {
      out.query = f.query.length > MAX_QUERY_CHARS ? `${f.query.slice(0, MAX_QUERY_CHARS)}...` : f.query;
    }
    for (const key of NAMING_FIELDS) if (typeof f[key] === 'string' && out[key] === undefined) out[key] = f[key];
  }
  const stack = safeStack(top, name, message);
  if (stack) out.stack = stack;
  return out;
}

/** The message of an error as it may be shown or logged (see loggableError). */
export function loggableMessage(err: unknown): string {
  if (!causes(err).some(isDatabaseError)) return err instanceof Error ? err.message : String(err);
  const chain = causes(err).map((e) => safeMessage(asFields(e)!));
  return [...new Set(chain.filter(Boolean))].join(': ');
}
