/** The words of the "since" page and the home page's counts (docs/DESK.md), pure. */
import type { DeskAgreementView, DeskItemView, SinceView } from '../../../src/contract/index.ts';
import { isCalendarDate } from '../../../src/core/calendar.ts';
import { DESK_KIND_LABELS, DESK_KINDS, type DeskKind } from '../../../src/core/desk/kinds.ts';

/** Where the window's start comes from, as the header says it. */
export function sinceFromWords(sinceFrom: SinceView['sinceFrom']): string {
  if (sinceFrom === 'last_visit') return 'your last visit';
  if (sinceFrom === 'chosen') return 'the day you chose';
  return '7 days ago';
}

/** "3 new · 1 overdue · 2 due within 7 days". */
export function countsText(view: Pick<SinceView, 'newCount' | 'overdueCount' | 'dueSoonCount'>): string {
  return `${view.newCount} new · ${view.overdueCount} overdue · ${view.dueSoonCount} due within 7 days`;
}

/** The home page's line for one agreement: "2 new · 1 overdue". */
export const deskCountsText = (entry: Pick<DeskAgreementView, 'newCount' | 'overdueCount'>): string => `${entry.newCount} new · ${entry.overdueCount} overdue`;

export interface ItemGroup {
  kind: DeskKind;
  label: string;
  count: number;
  items: DeskItemView[];
  /** "The newest 100 of 250 are listed." when the list stops short of the count; null otherwise. */
  more: string | null;
}

/** The view's items by kind, in the page's order, each kind that has any with its count. */
export function groupItems(view: Pick<SinceView, 'items' | 'counts' | 'limitPerKind'>): ItemGroup[] {
  return DESK_KINDS.filter((kind) => view.counts[kind] > 0).map((kind) => {
    const items = view.items.filter((i) => i.kind === kind);
    const count = view.counts[kind];
    return { kind, label: DESK_KIND_LABELS[kind], count, items, more: count > items.length ? `The newest ${items.length} of ${count} are listed.` : null };
  });
}

/** The day named by `?since=` when it is a calendar date; "" (since the last visit) otherwise. */
export const sinceParam = (raw: string | null): string => (raw !== null && isCalendarDate(raw) ? raw : '');
