/**
 * The risk page's words and figures (docs/FORECAST.md), pure: whose view the score is, each part's
 * value, weight and contribution in words, where its links lead, the score again under weights being
 * edited, and the weights' form (strings to and from the body of PUT .../risk/weights).
 */
import type { PartyView, RiskPartView, RiskView } from '../../../src/contract/index.ts';
import { RISK_PART_KEYS, RISK_PART_LABELS, RISK_WEIGHT_MAX, type RiskPartKey } from '../../../src/core/risk/parts.ts';

export type RiskAudience = RiskView['audience'];
export type RiskLink = RiskPartView['links'][number];

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A figure with at most `digits` decimals, en-GB ("1,234.5"), and "−" for a minus. */
export function numberText(value: number, digits = 1): string {
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    numberFormats.set(digits, format);
  }
  // -0 after rounding reads as "-0": show 0.
  const text = format.format(Object.is(Math.round(value * 10 ** digits), -0) ? 0 : value);
  return text.replace('-', '−');
}

/** The score as the large figure shows it: "42", or "—" when no part has data. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : numberText(score, 0);
}

/**
 * Whose view the score is, in three pieces so that a party's name (perhaps right-to-left) sits in
 * its own isolate between them: "as the circle of " · Hamas · " sees it".
 */
export function audienceWords(audience: RiskAudience, parties: readonly Pick<PartyView, 'id' | 'name' | 'localName'>[]): { before: string; party: string | null; after: string } {
  if (audience.audience === 'mediators') return { before: 'as the mediators see it', party: null, after: '' };
  if (audience.audience === 'all') return { before: 'as everyone sees it', party: null, after: '' };
  const party = parties.find((p) => p.id === audience.partyId);
  return { before: 'as the circle of ', party: party ? partyName(party) : 'one party', after: ' sees it' };
}

/** "as the circle of Hamas sees it", in one string (titles, labels). */
export function audienceText(audience: RiskAudience, parties: readonly Pick<PartyView, 'id' | 'name' | 'localName'>[]): string {
  const words = audienceWords(audience, parties);
  return `${words.before}${words.party ?? ''}${words.after}`;
}

/** "Hamas (حماس)": the name with its local form when it differs. */
export function partyName(party: Pick<PartyView, 'name' | 'localName'>): string {
  return party.localName && party.localName !== party.name ? `${party.name} (${party.localName})` : party.name;
}

/** Whether the part counts: it has data (a score) and weighs more than nothing. */
export const counts = (part: Pick<RiskPartView, 'score' | 'weight'>): boolean => part.score !== null && part.weight > 0;

/** The part's score as a share in words: "0.62 of 1", or "no data — not counted". */
export function partScoreText(part: Pick<RiskPartView, 'score'>): string {
  return part.score === null ? 'no data — not counted' : `${numberText(part.score, 2)} of 1`;
}

/** "12.5 points", "0 points (weight 0)", or "not counted" for a part without data. */
export function contributionText(part: Pick<RiskPartView, 'score' | 'weight' | 'contribution'>): string {
  if (part.score === null || part.contribution === null) return 'not counted';
  if (part.weight === 0) return '0 points (weight 0)';
  const points = numberText(part.contribution, 1);
  return `${points} ${points === '1' ? 'point' : 'points'}`;
}

/** "1 (the default)", "2.5", or "0 (left out)". */
export function weightText(weight: number): string {
  if (weight === 1) return '1 (the default)';
  return weight === 0 ? '0 (left out)' : numberText(weight, 2);
}

/** A text as a sentence: a full stop added unless it ends in one (or in ? or !). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The score under other weights, as the server computes it: 100 × Σ wᵢsᵢ / Σ wᵢ over the parts with
 * data; null when no part with data weighs anything.
 */
export function scoreWith(parts: readonly Pick<RiskPartView, 'key' | 'score'>[], weights: Partial<Record<RiskPartKey, number>>): number | null {
  let sum = 0;
  let total = 0;
  for (const part of parts) {
    if (part.score === null) continue;
    const w = weights[part.key] ?? 1;
    sum += w * part.score;
    total += w;
  }
  return total > 0 ? (100 * sum) / total : null;
}

/** "The score counts 6 of 8 parts: 2 have no data." and the like. */
export function countedText(parts: readonly Pick<RiskPartView, 'score' | 'weight'>[]): string {
  const withData = parts.filter((p) => p.score !== null).length;
  const zero = parts.filter((p) => p.score !== null && p.weight === 0).length;
  const noData = parts.length - withData;
  const pieces = [`The score counts ${withData - zero} of ${parts.length} parts`];
  if (noData > 0) pieces.push(`${noData} ${noData === 1 ? 'has' : 'have'} no data`);
  if (zero > 0) pieces.push(`${zero} ${zero === 1 ? 'weighs' : 'weigh'} 0`);
  return `${pieces.join(': ')}.`;
}

/** The page a part's link leads to; null for what has no page of its own (a clause without its document). */
export function linkHref(slug: string, link: RiskLink): string | null {
  const base = `/agreements/${encodeURIComponent(slug)}`;
  const id = link.id === null ? null : encodeURIComponent(link.id);
  switch (link.kind) {
    case 'provision':
    case 'phase':
      return base;
    case 'document':
      return id ? `${base}/documents/${id}` : base;
    case 'clause':
      return null;
    case 'gate':
      return id ? `${base}/phases/${id}/gate` : base;
    case 'incidents':
      return id ? `${base}/incidents/${id}` : `${base}/incidents`;
    case 'force':
      return `${base}/force`;
    case 'forecast':
      return '#forecast';
    case 'precedents':
      return '/precedents';
  }
}

/** The weights' form: one string per part, as the inputs hold them. */
export type WeightsDraft = Record<RiskPartKey, string>;

export function draftFromParts(parts: readonly Pick<RiskPartView, 'key' | 'weight'>[]): WeightsDraft {
  const weights = new Map(parts.map((p) => [p.key, p.weight]));
  return Object.fromEntries(RISK_PART_KEYS.map((key) => [key, String(weights.get(key) ?? 1)])) as WeightsDraft;
}

export function draftFromWeights(weights: Partial<Record<RiskPartKey, number>>): WeightsDraft {
  return Object.fromEntries(RISK_PART_KEYS.map((key) => [key, String(weights[key] ?? 1)])) as WeightsDraft;
}

/** The draft read as weights, or the parts whose input is not a number from 0 to 10 with why. */
export function parseDraft(draft: WeightsDraft): { weights: Record<RiskPartKey, number>; errors: Partial<Record<RiskPartKey, string>> } {
  const weights = {} as Record<RiskPartKey, number>;
  const errors: Partial<Record<RiskPartKey, string>> = {};
  for (const key of RISK_PART_KEYS) {
    const raw = draft[key].trim();
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value)) errors[key] = `${RISK_PART_LABELS[key]}: a number from 0 to ${RISK_WEIGHT_MAX}`;
    else if (value < 0 || value > RISK_WEIGHT_MAX) errors[key] = `${RISK_PART_LABELS[key]}: from 0 to ${RISK_WEIGHT_MAX}, not ${raw}`;
    else weights[key] = value;
  }
  return { weights, errors };
}

/** The parts whose weight in the draft differs from the parts' weights (what a save would change). */
export function changedWeights(draft: WeightsDraft, parts: readonly Pick<RiskPartView, 'key' | 'weight'>[]): RiskPartKey[] {
  const current = new Map(parts.map((p) => [p.key, p.weight]));
  return RISK_PART_KEYS.filter((key) => Number(draft[key]) !== (current.get(key) ?? 1));
}

/** Each part's weight in a view, 1 for a part it lacks. */
export function weightsOf(parts: readonly Pick<RiskPartView, 'key' | 'weight'>[]): Record<RiskPartKey, number> {
  const weights = new Map(parts.map((p) => [p.key, p.weight]));
  return Object.fromEntries(RISK_PART_KEYS.map((key) => [key, weights.get(key) ?? 1])) as Record<RiskPartKey, number>;
}

/**
 * The form after reading the weights someone else saved: an entry left as it was read takes their
 * weight, an entry changed here is kept; `theirs` names the parts they changed, with their weight.
 */
export function mergeReloaded(
  draft: WeightsDraft,
  read: Record<RiskPartKey, number>,
  saved: Record<RiskPartKey, number>,
): { draft: WeightsDraft; theirs: Partial<Record<RiskPartKey, number>> } {
  const next = { ...draft };
  const theirs: Partial<Record<RiskPartKey, number>> = {};
  for (const key of RISK_PART_KEYS) {
    const untouched = draft[key].trim() !== '' && Number(draft[key]) === read[key];
    if (untouched) next[key] = String(saved[key]);
    if (saved[key] !== read[key]) theirs[key] = saved[key];
  }
  return { draft: next, theirs };
}
