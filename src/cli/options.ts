/** Option values parsed with zod: a bad value is a usage error that names the option. */
import type { z } from 'zod';

/** The command line is wrong (bad option value, unsupported format): exit code 2, like commander's own. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const flag = (key: PropertyKey): string => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Parses commander's option object (strings) with `schema`, or throws a UsageError naming each bad
 * option and the value as typed (before any coercion).
 */
export function parseOptions<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const typed = issue.path.length === 1 ? raw[String(issue.path[0])] : undefined;
    const got = typed === undefined ? '' : ` (got ${JSON.stringify(typed)})`;
    const name = issue.path.length > 0 ? `option ${issue.path.map(flag).join(' ')}` : 'options';
    return `${name}: ${issue.message}${got}`;
  });
  throw new UsageError(problems.join('; '));
}
