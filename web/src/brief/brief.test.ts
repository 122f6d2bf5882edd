import { describe, expect, it } from 'vitest';
import type { BriefView } from '../../../src/contract/index.ts';
import { sampleBrief } from '../../../src/core/brief/brief.fixtures.ts';
import { asOfFrom } from '../shared/address.ts';
import { BRIEF_DOWNLOADS, briefApiUrl, cellParts, pageSections, riskPageUrl } from './brief.ts';

describe('the brief page helpers', () => {
  it('reads the as-of day from the URL only when it is a calendar date', () => {
    expect([asOfFrom('2026-06-19'), asOfFrom('2026-02-30'), asOfFrom('19/06/2026'), asOfFrom(null), asOfFrom('')]).toEqual(['2026-06-19', '', '', '', '']);
  });

  it('addresses the API for each download, with the day when one is chosen', () => {
    expect(BRIEF_DOWNLOADS.map((d) => briefApiUrl('cairo-2026', '2026-06-19', d.format))).toEqual([
      '/api/agreements/cairo-2026/brief?format=html&asOf=2026-06-19',
      '/api/agreements/cairo-2026/brief?format=md&asOf=2026-06-19',
      '/api/agreements/cairo-2026/brief?format=pdf&asOf=2026-06-19',
    ]);
    expect(briefApiUrl('cairo 2026', '')).toBe('/api/agreements/cairo%202026/brief');
    expect(riskPageUrl('cairo-2026', '')).toBe('/agreements/cairo-2026/risk');
    expect(riskPageUrl('cairo-2026', '2026-06-19')).toBe('/agreements/cairo-2026/risk?asOf=2026-06-19');
  });

  it('lays out every section but the headline, which the page shows on its own', () => {
    const ids = pageSections(sampleBrief() as unknown as BriefView).map((s) => s.id);
    expect(ids).toEqual(['matrix', 'negotiation', 'rounds', 'ground', 'force', 'forecast', 'risk', 'precedents', 'notes', 'sources']);
  });
});

describe('a table cell', () => {
  it('keeps its days apart, so that none is split at its hyphens', () => {
    expect(cellParts('2.5 Consensus (not started, due 2026-06-14)\n3.1 Zones')).toEqual([
      { text: '2.5 Consensus (not started, due ', day: false },
      { text: '2026-06-14', day: true },
      { text: ')\n3.1 Zones', day: false },
    ]);
    expect(cellParts('2026-06-20')).toEqual([{ text: '2026-06-20', day: true }]);
    expect(cellParts('')).toEqual([]);
  });
});
