/**
 * The brief's headline: one neutral sentence (or three) generated from the data, worded the same
 * whoever reads it (only the figures differ with what the reader may see).
 */
import { daysBetween } from '../calendar.ts';

export interface HeadlineInput {
  asOf: string;
  /** The phase in force (active), if any, and the next one to enter, with its gate as the reader sees it. */
  current: { name: string } | null;
  next: { name: string; gate: { met: number; total: number; passes: boolean } | null } | null;
  clauses: { agreed: number; total: number };
  violations: { last7: number; last30: number };
  /** 0–100; null when not available or without data. */
  risk: number | null;
  /** The soonest deadline on or after the as-of day, with what it is for. */
  nextDeadline: { day: string; what: string } | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const dueIn = (asOf: string, day: string) => {
  const days = daysBetween(asOf, day);
  return days === 0 ? 'today' : `in ${plural(days, 'day')}`;
};

/** Each figure in words, one line each, in a fixed order. */
export function headlineFacts(input: HeadlineInput): string[] {
  const facts: string[] = [];
  if (input.current) facts.push(`${input.current.name} is in force.`);
  if (input.next) {
    const gate = input.next.gate;
    facts.push(
      gate === null
        ? `${input.next.name} is next; it has no gate.`
        : `${input.next.name} is next: its gate meets ${gate.met} of ${plural(gate.total, 'condition')}${gate.passes ? ' and passes' : ''}.`,
    );
  } else if (!input.current) facts.push('No phase is in force or next.');
  if (input.clauses.total > 0) facts.push(`${input.clauses.agreed} of ${plural(input.clauses.total, 'clause')} agreed.`);
  facts.push(`${plural(input.violations.last7, 'verified violation')} in the last 7 days, ${input.violations.last30} in the last 30.`);
  if (input.risk !== null) facts.push(`Collapse risk ${Math.round(input.risk)} of 100.`);
  if (input.nextDeadline) {
    facts.push(`Next deadline ${dueIn(input.asOf, input.nextDeadline.day)} (${input.nextDeadline.day}): ${input.nextDeadline.what}.`);
  } else facts.push('No deadline ahead.');
  return facts;
}

/** The headline: the next phase and its gate, then the ground, the risk and the next deadline. */
export function headline(input: HeadlineInput): string {
  const phase = input.next
    ? input.next.gate === null
      ? `${input.next.name} is next, without a gate`
      : `${input.next.name} is next, its gate ${input.next.gate.passes ? 'passing' : `at ${input.next.gate.met} of ${input.next.gate.total} conditions`}`
    : input.current
      ? `${input.current.name} is in force`
      : 'No phase is in force';
  const ground = `${plural(input.violations.last7, 'verified violation')} in 7 days`;
  const risk = input.risk === null ? null : `collapse risk ${Math.round(input.risk)}/100`;
  const deadline = input.nextDeadline ? `next deadline ${dueIn(input.asOf, input.nextDeadline.day)}` : 'no deadline ahead';
  return `${phase}; ${[ground, risk, deadline].filter((s): s is string => s !== null).join(', ')}.`;
}
