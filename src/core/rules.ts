/**
 * Domain rules as data: each check returns the problems it finds, empty when there are none.
 * The server turns a non-empty result into a 422; the web UI shows it beside the field.
 */
import { RuleViolationError } from './errors.ts';

export interface RuleIssue {
  path: string;
  message: string;
}

/** Throws the issues as one 422 (RuleViolationError) naming each field; does nothing when there are none. */
export function assertRules(issues: RuleIssue[]): void {
  if (issues.length > 0) {
    throw new RuleViolationError(issues.map((i) => `${i.path} ${i.message}`).join('; '), { issues });
  }
}

/**
 * Zones that Intl.supportedValuesOf does not list (it lists ICU's canonical names only) and that the
 * runtime and both PostgreSQL builds know: UTC, fixed offsets, and the current IANA names of zones
 * ICU still lists under an older one. src/db/time-zones.test.ts asks both databases for every zone
 * accepted, so that the two can never drift apart again.
 */
const UNLISTED_TIME_ZONES = [
  'UTC',
  'Etc/UTC',
  'GMT',
  'Etc/GMT',
  ...Array.from({ length: 12 }, (_, i) => `Etc/GMT+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `Etc/GMT-${i + 1}`),
  'Africa/Asmara',
  'America/Argentina/Buenos_Aires',
  'America/Argentina/Catamarca',
  'America/Argentina/Cordoba',
  'America/Argentina/Jujuy',
  'America/Argentina/Mendoza',
  'America/Atikokan',
  'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville',
  'America/Nuuk',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Yangon',
  'Atlantic/Faroe',
  'Europe/Kyiv',
  'Pacific/Chuuk',
  'Pacific/Kanton',
  'Pacific/Pohnpei',
];

function runtimeKnows(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let supported: ReadonlySet<string> | null = null;

function zoneSet(): ReadonlySet<string> {
  if (!supported) {
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    supported = new Set([...listed, ...UNLISTED_TIME_ZONES.filter(runtimeKnows)].sort());
  }
  return supported;
}

/**
 * Every IANA time zone an agreement may use, in order. Not every name the runtime takes: Intl also
 * takes links that tzdata dropped (US/Pacific-New), and PostgreSQL refuses those.
 */
export function supportedTimeZones(): readonly string[] {
  return [...zoneSet()];
}

/** Whether an agreement may use this time zone: see supportedTimeZones. */
export function isValidTimeZone(zone: string): boolean {
  // A runtime without the list (an old browser) checks names alone; the server always has it.
  if (typeof Intl.supportedValuesOf !== 'function') return runtimeKnows(zone);
  return zoneSet().has(zone);
}

/**
 * An agreement's stored zone the database may not know (one stored before zones were checked):
 * writes whose triggers compute local days in it are refused naming the zone, not failed.
 */
export function storedZoneIssues(timeZone: string): RuleIssue[] {
  return isValidTimeZone(timeZone) ? [] : [{ path: 'timeZone', message: `"${timeZone}" is not a time zone the database knows: set another on the agreement` }];
}

/** A planned or held window must not end before it starts (dates compare as YYYY-MM-DD strings). */
export function checkWindow(
  start: string | null | undefined,
  end: string | null | undefined,
  paths: [string, string],
): RuleIssue[] {
  if (start && end && end < start) {
    return [{ path: paths[1], message: `must not be before ${paths[0]} (${start})` }];
  }
  return [];
}
