/**
 * The brief page's pure helpers: the as-of day from the URL, the API's download addresses, the risk
 * page's address for the same day, and the sections the page lays out below its headline.
 */
import type { BriefView } from '../../../src/contract/index.ts';
import { briefSections, type BriefLayoutSection } from '../../../src/core/brief/index.ts';
import { apiPath } from '../shared/api.ts';

export type BriefDownloadFormat = 'html' | 'md' | 'pdf';

/** The downloads offered, in order, with their labels. */
export const BRIEF_DOWNLOADS: ReadonlyArray<{ format: BriefDownloadFormat; label: string }> = [
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
  { format: 'pdf', label: 'PDF' },
];


const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}`;

/** The API's address of the brief in a format, as of a day ("" for today); JSON when no format. */
export const briefApiUrl = (slug: string, asOf: string, format?: BriefDownloadFormat) => apiPath(`${base(slug)}/brief`, { format, asOf });

/** The risk page of the same agreement and day: where each part of the risk is explained. */
export const riskPageUrl = (slug: string, asOf: string) => `${base(slug)}/risk${asOf ? `?asOf=${asOf}` : ''}`;

/** The brief's sections below its headline, which the page shows on its own. */
export const pageSections = (view: BriefView): BriefLayoutSection[] => briefSections(view).filter((s) => s.id !== 'headline');

/** A table cell's text in runs, the days (YYYY-MM-DD) apart, so that the page never splits one at its hyphens. */
export function cellParts(text: string): Array<{ text: string; day: boolean }> {
  return text
    .split(/(\b\d{4}-\d{2}-\d{2}\b)/)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, day: /^\d{4}-\d{2}-\d{2}$/.test(part) }));
}
