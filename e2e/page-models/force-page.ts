/** The stabilization force page: requirements and gaps, the acceptability grid, funding, the mandate and what if. */
import type { Page } from '@playwright/test';

export function forcePage(page: Page) {
  const whatIf = page.getByRole('region', { name: 'What if' });
  return {
    goto: (slug: string) => page.goto(`/agreements/${slug}/force`),
    illustrativeBanner: page.getByRole('complementary', { name: 'Illustrative figures' }),
    requirements: page.getByRole('region', { name: 'Requirements and pledges' }),
    requirementsTable: page.getByRole('table', { name: 'Requirements and pledges' }),
    acceptabilityGrid: page.getByRole('table', { name: 'Acceptability of contributors' }),
    funding: page.getByRole('region', { name: 'Funding' }),
    fundingByDonor: page.getByRole('table', { name: 'Funding by donor' }),
    mandate: page.getByRole('region', { name: 'Mandate' }),
    whatIf,
    whatIfKind: whatIf.getByLabel('Assume'),
    whatIfContributor: whatIf.getByLabel('Contributor'),
    whatIfAdd: whatIf.getByRole('button', { name: 'Add assumption' }),
    whatIfGaps: whatIf.getByRole('table', { name: 'Gaps now and under the assumptions' }),
    whatIfGates: whatIf.getByRole('table', { name: 'Gates now and under the assumptions' }),
  };
}
