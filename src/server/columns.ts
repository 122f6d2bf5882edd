/** Request values into column values, for the services that write rows. */

type AsDate<V> = V extends string ? Date : V;

/**
 * The request with the named times turned from ISO strings into Dates, as their columns take them
 * (milliseconds, as JavaScript dates hold them, so that list cursors compare exactly); null and
 * absent values are left as they are.
 */
export function withDateColumns<T extends object, K extends keyof T>(input: T, keys: readonly K[]): Omit<T, K> & { [P in K]: AsDate<T[P]> } {
  const row: Record<PropertyKey, unknown> = { ...(input as Record<PropertyKey, unknown>) };
  for (const key of keys) {
    const value = input[key];
    if (typeof value === 'string') row[key] = new Date(value);
  }
  return row as Omit<T, K> & { [P in K]: AsDate<T[P]> };
}
