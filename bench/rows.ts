/**
 * Provision-like rows for the insert benchmark, generated from a seed so that every run inserts the
 * same data; and their CSV encoding for COPY, column for column as the repository inserts them.
 */
import { BULK_COLUMNS, type ProvisionInsert } from '../src/db/index.ts';
import { IMPLEMENTATION_STATUSES, PROVISION_CATEGORIES } from '../src/core/index.ts';
import { mulberry32 } from './random.ts';

const WORDS = (
  'withdrawal verification corridor junction checkpoint sector monitoring schedule guarantee truce ' +
  'stabilization force deployment humanitarian crossing convoy detainee release mechanism timeline ' +
  'zone perimeter patrol mandate funding contributor authority boundary escalation ceasefire'
).split(' ');
// Some text in Arabic and Hebrew, as the product stores it, so that the bytes are not all ASCII.
const LOCAL = ['وقف إطلاق النار', 'ممر إنساني', 'הפסקת אש', 'נסיגה'];
const METHODS = ['Monitoring mission report', 'Joint verification committee', 'Satellite imagery', 'Mediator attestation', ''];

/** What a row carries apart from the ids of the rows it hangs on. */
export type RowTemplate = Omit<ProvisionInsert, 'agreementId' | 'phaseId' | 'pillarId' | 'obligatedPartyId'> & {
  withPillar: boolean;
  /** Index into the parties the row may oblige; null binds all parties. */
  party: number | null;
};

export function generateRows(count: number, seed: number): RowTemplate[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i): RowTemplate => {
    const title = words(4 + Math.floor(random() * 6));
    return {
      ordinal: i + 1,
      code: `B.${i + 1}`,
      title: `${title[0]!.toUpperCase()}${title.slice(1)}`,
      text: `${words(20 + Math.floor(random() * 30))}${random() < 0.2 ? ` (${pick(LOCAL)})` : ''}. "${words(3)}", 100%`,
      category: pick(PROVISION_CATEGORIES),
      deadline: random() < 0.6 ? new Date(start + Math.floor(random() * 365 * 86_400_000)).toISOString() : null,
      verificationMethod: pick(METHODS),
      status: pick(IMPLEMENTATION_STATUSES),
      withPillar: random() < 0.5,
      party: random() < 0.3 ? null : Math.floor(random() * 2),
    };
  });
}

export interface Parents {
  agreementId: string;
  phaseId: string;
  pillarId: string;
  partyIds: readonly string[];
}

export function attach(templates: readonly RowTemplate[], parents: Parents): ProvisionInsert[] {
  return templates.map(({ withPillar, party, ...row }) => ({
    ...row,
    agreementId: parents.agreementId,
    phaseId: parents.phaseId,
    pillarId: withPillar ? parents.pillarId : null,
    obligatedPartyId: party === null ? null : parents.partyIds[party]!,
  }));
}

/** The column list COPY names: the repository's bulk columns, in its order. */
export const COPY_COLUMNS = BULK_COLUMNS.map(([name]) => name).join(', ');

// In COPY's CSV format an unquoted empty field is NULL and a quoted one is the empty string.
const field = (value: string | number | null): string =>
  value === null ? '' : typeof value === 'number' ? String(value) : `"${value.replaceAll('"', '""')}"`;

/** CSV lines for COPY ... FROM ... WITH (FORMAT csv), in chunks of `chunkRows` rows. */
export function* csvChunks(rows: readonly ProvisionInsert[], chunkRows = 10_000): Generator<string> {
  for (let i = 0; i < rows.length; i += chunkRows) {
    let chunk = '';
    for (const row of rows.slice(i, i + chunkRows)) {
      chunk += `${BULK_COLUMNS.map(([, , key]) => field(row[key])).join(',')}\n`;
    }
    yield chunk;
  }
}
