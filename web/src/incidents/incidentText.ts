/**
 * How an incident's facts read: casualties where an unknown count is "not known", never 0, and the
 * Admiralty grade with the meaning of its letter and number.
 */
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type Credibility, type Reliability } from '../../../src/core/incidents.ts';

/** "3", or "not known" for null: unknown is not zero. */
export const countText = (n: number | null): string => (n === null ? 'not known' : String(n));

/** "2 killed, 5 injured"; "killed not known, injured not known" when neither is known. */
export function casualtiesText(killed: number | null, injured: number | null): string {
  const part = (n: number | null, what: string) => (n === null ? `${what} not known` : `${n} ${what}`);
  return `${part(killed, 'killed')}, ${part(injured, 'injured')}`;
}

/** "B2": reliability letter and credibility number. */
export const gradeCode = (incident: { reliability: Reliability; credibility: number }): string => `${incident.reliability}${incident.credibility}`;

/** The credibility's meaning, or a plain note for a number outside 1-6 (the contract allows none). */
export function credibilityMeaning(credibility: number): string {
  return CREDIBILITY_LABELS[credibility as Credibility] ?? `credibility ${credibility}`;
}

/** "Source usually reliable (B); information probably true (2)". */
export function gradeMeaning(incident: { reliability: Reliability; credibility: number }): string {
  const reliability = RELIABILITY_LABELS[incident.reliability];
  return `${reliability} (${incident.reliability}); ${credibilityMeaning(incident.credibility)} (${incident.credibility})`;
}

/** "12.3 KB" for a byte count. */
export function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "31.5200° N, 34.4500° E" for a point; null without one. */
export function pointText(lon: number | null, lat: number | null): string | null {
  if (lon === null || lat === null) return null;
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(4)}° ${ns}, ${Math.abs(lon).toFixed(4)}° ${ew}`;
}
