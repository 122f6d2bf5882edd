/** A vocabulary declared once, as its table of labels: its values are the table's keys, in order. */
export function keysOf<K extends string>(labels: Record<K, string>): readonly [K, ...K[]] {
  return Object.freeze(Object.keys(labels)) as unknown as readonly [K, ...K[]];
}
