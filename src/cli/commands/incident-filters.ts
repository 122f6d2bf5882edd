/**
 * The incident filters `incidents list` and `incidents export` share: the API's (IncidentFilterQuery),
 * with parties, zones and provisions named as a person would name them, and plain dates taken in
 * the agreement's time zone.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { IncidentFilterQuery, IsoDateTime } from '../../contract/index.ts';
import {
  addDays,
  FIRST_DATE,
  isStorableDate,
  isStorableInstant,
  LAST_DATE,
  NotFoundError,
  parseDate,
  zonedInstant,
  type Agreement,
} from '../../core/index.ts';
import type { Services } from '../../server/app.ts';
import type { IncidentSelection } from '../../server/incidents/incidents.service.ts';
import { UsageError } from '../options.ts';

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

// The API's bounds: instants and dates in years 0100 to 9999 (an ISO time is checked in UTC here,
// a plain date in the agreement's time zone by resolveFilter).
const RANGE = `from ${FIRST_DATE} to ${LAST_DATE}`;
const TimeBound = z
  .string()
  .refine((v) => IsoDateTime.safeParse(v).success || (PLAIN_DATE.test(v) && parseDate(v) !== null && isStorableDate(v)), {
    error: `a date (2026-06-14) or an ISO 8601 time with its offset (2026-06-14T09:00:00Z), ${RANGE}`,
  })
  .optional();
const Name = z.string().trim().min(1, 'must not be empty').max(300).optional();

/** The filter options as commander gives them (camel-cased), checked. */
export const FilterOptions = z.object({
  status: IncidentFilterQuery.shape.status,
  category: IncidentFilterQuery.shape.category,
  sourceType: IncidentFilterQuery.shape.sourceType,
  bbox: IncidentFilterQuery.shape.bbox,
  order: IncidentFilterQuery.shape.order,
  q: IncidentFilterQuery.shape.q,
  party: Name,
  attributedParty: Name,
  zone: Name,
  provision: Name,
  from: TimeBound,
  to: TimeBound,
});
export type FilterOptions = z.output<typeof FilterOptions>;

export function addFilterOptions(command: Command): Command {
  return command
    .option('--status <statuses>', 'one status or several, comma-separated (reported, triaged, under_investigation, verified, ...)')
    .option('--category <categories>', 'one category or several, comma-separated (armed_attack, shelling, airstrike, ...)')
    .option('--party <party>', 'alleged party: name, local name or id')
    .option('--attributed-party <party>', 'party a verified incident is attributed to: name, local name or id')
    .option('--zone <zone>', 'zone: name or id')
    .option('--provision <provision>', 'incidents bearing on a provision: code or id')
    .option('--source-type <type>', 'monitor, party_complaint, media or public')
    .option('--from <time>', "occurred at or after: a date (midnight in the agreement's time zone) or an ISO 8601 time")
    .option('--to <time>', 'occurred before an ISO 8601 time, or on or before a date (that day included)')
    .option('--bbox <box>', 'with a point in minLon,minLat,maxLon,maxLat')
    .option('--q <words>', 'words of the description or place, in any script: each matches as the start of a word, and all must match')
    .option('--order <order>', 'by time of occurrence: asc or desc', 'desc');
}

/** A plain date is a day where the agreement is: --from its first instant, --to the first instant of the next day. */
function instant(value: string | undefined, agreement: Agreement, bound: 'from' | 'to'): Date | undefined {
  if (value === undefined) return undefined;
  if (!PLAIN_DATE.test(value)) return new Date(value);
  const at = zonedInstant(bound === 'from' ? value : addDays(value, 1), '00:00', agreement.timeZone);
  if (!isStorableInstant(at)) {
    throw new UsageError(`option --${bound}: ${value} in ${agreement.timeZone} falls outside the times Phaseline stores (${RANGE} in UTC)`);
  }
  return at;
}

/** One item of `items` named by `ref` (its id, or one of its names ignoring case), or an error naming what was sought. */
function pick<T extends { id: string }>(items: readonly T[], ref: string, names: (item: T) => Array<string | null>, what: string, agreement: Agreement): T {
  const byId = items.find((item) => item.id === ref);
  if (byId) return byId;
  const wanted = ref.toLowerCase();
  const found = items.filter((item) => names(item).some((n) => n !== null && n.toLowerCase() === wanted));
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw new UsageError(`${found.length} ${what}s of ${agreement.slug} are named "${ref}": give the id of one (${found.map((f) => f.id).join(', ')})`);
  throw new NotFoundError(what[0]!.toUpperCase() + what.slice(1), `"${ref}" of ${agreement.slug}`);
}

/** The selection the options describe, with names resolved to ids of the agreement (through its services). */
export async function resolveFilter(
  svc: Pick<Services, 'agreements' | 'zones' | 'provisions'>,
  agreement: Agreement,
  options: FilterOptions,
): Promise<IncidentSelection & { order: 'asc' | 'desc' }> {
  const [parties, zones, provisions] = await Promise.all([
    options.party || options.attributedParty ? svc.agreements.parties.list(agreement.id) : [],
    options.zone ? svc.zones.list(agreement.id) : [],
    options.provision ? svc.provisions.list(agreement.id) : [],
  ]);
  const party = (ref: string | undefined) => (ref === undefined ? undefined : pick(parties, ref, (p) => [p.name, p.localName], 'party', agreement).id);
  return {
    status: options.status,
    category: options.category,
    sourceType: options.sourceType,
    bbox: options.bbox,
    order: options.order,
    q: options.q,
    partyId: party(options.party),
    attributedPartyId: party(options.attributedParty),
    zoneId: options.zone === undefined ? undefined : pick(zones, options.zone, (z) => [z.name], 'zone', agreement).id,
    provisionId: options.provision === undefined ? undefined : pick(provisions, options.provision, (p) => [p.code], 'provision', agreement).id,
    from: instant(options.from, agreement, 'from'),
    to: instant(options.to, agreement, 'to'),
  };
}
