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
    // An issue inside a value (one item of a comma-separated list) is the option's.
    const key = issue.path[0];
    const typed = key === undefined ? undefined : raw[String(key)];
    const got = typed === undefined ? '' : ` (got ${JSON.stringify(typed)})`;
    const name = key === undefined ? 'options' : `option ${flag(key)}`;
    return `${name}: ${issue.message}${got}`;
  });
  throw new UsageError(problems.join('; '));
}
