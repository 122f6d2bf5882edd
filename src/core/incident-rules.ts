/** Rules an incident's fields must keep, on create and on every edit; each returns its issues. */
import type { RuleIssue } from './rules.ts';

export interface IncidentFacts {
  occurredAt: string;
  lon: number | null;
  lat: number | null;
  killed: number | null;
  injured: number | null;
  civiliansKilled: number | null;
  civiliansInjured: number | null;
}

/** Clocks drift: an incident may be dated this far after the server's now. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * A point needs both coordinates; civilians are among the casualties, so never more of them; an
 * incident cannot happen after it is reported.
 */
export function checkIncidentFacts(facts: IncidentFacts, now: Date): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if ((facts.lon === null) !== (facts.lat === null)) {
    issues.push({ path: facts.lon === null ? 'lon' : 'lat', message: 'longitude and latitude go together: give both or neither' });
  }
  const pairs = [
    ['civiliansKilled', facts.civiliansKilled, 'killed', facts.killed],
    ['civiliansInjured', facts.civiliansInjured, 'injured', facts.injured],
  ] as const;
  for (const [path, part, total, whole] of pairs) {
    if (part !== null && whole !== null && part > whole) issues.push({ path, message: `must not exceed ${total} (${whole})` });
  }
  if (Date.parse(facts.occurredAt) > now.getTime() + FUTURE_SLACK_MS) {
    issues.push({ path: 'occurredAt', message: 'is in the future' });
  }
  return issues;
}
