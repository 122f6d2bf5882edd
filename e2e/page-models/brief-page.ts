/** The situation brief page: the headline, its sections by heading, the as-of day, the downloads and the risk link. */
import type { Page } from '@playwright/test';

export function briefPage(page: Page) {
  const downloads = page.getByRole('navigation', { name: 'Download the brief' });
  return {
    goto: (slug: string, asOf?: string) => page.goto(`/agreements/${slug}/brief${asOf ? `?asOf=${asOf}` : ''}`),
    title: page.getByRole('heading', { level: 1 }),
    subtitle: page.locator('.brief-subtitle'),
    headline: page.getByRole('region', { name: 'Headline' }),
    /** A section by its heading: "The Strategic Matrix", "Negotiation state", "Collapse risk"... */
    section: (name: string) => page.getByRole('region', { name, exact: true }),
    asOf: page.getByLabel('As of'),
    download: (label: 'HTML' | 'Markdown' | 'PDF') => downloads.getByRole('link', { name: label, exact: true }),
    riskLink: page.getByRole('link', { name: 'the collapse risk explained' }),
  };
}
