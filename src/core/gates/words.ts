/** Small helpers the gate checks share to word their details the same way. Internal to gates. */

/** "1 item", "3 items". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A list for a sentence: the first few names, then "and N more". */
export function names(list: readonly string[], shown = 5): string {
  if (list.length <= shown) return list.join(', ');
  return `${list.slice(0, shown).join(', ')} and ${list.length - shown} more`;
}

/** The newest of some dates; null when every one is unknown. */
export function newest(dates: ReadonlyArray<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (best === null || d > best)) best = d;
  return best;
}

/** The newest date when every one is known: a run's start is unknown if any part of it is. */
export function newestIfAllKnown(dates: ReadonlyArray<string | null | undefined>): string | null {
  return dates.every((d) => d) ? newest(dates) : null;
}

const AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** An amount written the same way for everyone, whatever their locale: 1,250,000.5. */
export function amount(value: number): string {
  return AMOUNT.format(value);
}

/** A share as a percentage with at most one decimal: 0.5 → "50%", 2/3 → "66.7%". */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
