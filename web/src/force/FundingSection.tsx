/**
 * The money (docs/GATES.md): the budget against what donors pledged, committed and disbursed (each
 * a stage the money reached, summed apart), as a chart by donor and in tables, with both gaps in words.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { ForceOverview } from '../../../src/contract/index.ts';
import { EmptyState } from '../shared/states.tsx';
import { FUNDING_STAGES, fundingBars, fundingGapWords, money } from './forceCharts.ts';
import { IllustrativeBadge } from './ForcePage.tsx';

export function FundingSection({ force, currency }: { force: ForceOverview; currency: string }) {
  const f = force.fundingGaps;
  const lineIllustrative = new Map(force.budgetLines.map((l) => [l.id, l.illustrative]));
  const donorIllustrative = new Map<string, boolean>();
  for (const e of force.funding) donorIllustrative.set(e.donor.trim().toLowerCase(), e.illustrative || (donorIllustrative.get(e.donor.trim().toLowerCase()) ?? false));
  return (
    <section aria-labelledby="funding-heading" className="section">
      <h2 id="funding-heading">Funding</h2>
      {f.budget === 0 && f.byDonor.length === 0 ? (
        <EmptyState title="No budget or funding yet." />
      ) : (
        <>
          <ul className="force-gap-words">
            {fundingGapWords(f, currency).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <FundingChart force={force} currency={currency} />
          <div className="force-tables">
            <div className="table-scroll">
              <table className="force-table" aria-label="Funding by donor">
                <caption>By donor ({currency})</caption>
                <thead>
                  <tr>
                    <th scope="col">Donor</th>
                    <th scope="col" className="num">Pledged</th>
                    <th scope="col" className="num">Committed</th>
                    <th scope="col" className="num">Disbursed</th>
                  </tr>
                </thead>
                <tbody>
                  {f.byDonor.map((d) => (
                    <tr key={d.donor}>
                      <th scope="row" dir="auto">
                        {d.donor} <IllustrativeBadge show={donorIllustrative.get(d.donor.trim().toLowerCase()) ?? false} />
                      </th>
                      <td className="num">{money(d.pledged, '')}</td>
                      <td className="num">{money(d.committed, '')}</td>
                      <td className="num">{money(d.disbursed, '')}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">All</th>
                    <td className="num">{money(f.pledged, '')}</td>
                    <td className="num">{money(f.committed, '')}</td>
                    <td className="num">{money(f.disbursed, '')}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <div className="table-scroll">
              <table className="force-table" aria-label="Funding by budget line">
                <caption>By budget line ({currency})</caption>
                <thead>
                  <tr>
                    <th scope="col">Budget line</th>
                    <th scope="col" className="num">Budget</th>
                    <th scope="col" className="num">Committed</th>
                    <th scope="col" className="num">Commitment gap</th>
                    <th scope="col" className="num">Disbursement gap</th>
                  </tr>
                </thead>
                <tbody>
                  {f.byLine.map((l) => (
                    <tr key={l.budgetLineId}>
                      <th scope="row" dir="auto">
                        {l.name} <IllustrativeBadge show={lineIllustrative.get(l.budgetLineId) ?? false} />
                      </th>
                      <td className="num">{money(l.amount, '')}</td>
                      <td className="num">{money(l.committed, '')}</td>
                      <td className="num">{money(l.commitmentGap, '')}</td>
                      <td className="num">{money(l.disbursementGap, '')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function FundingChart({ force, currency }: { force: ForceOverview; currency: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bars = fundingBars(force.fundingGaps);
    const donors = force.fundingGaps.byDonor.map((d) => d.donor);
    const figure = Plot.plot({
      width: 860,
      height: 200,
      marginLeft: 90,
      x: { label: `Amount (${currency})`, grid: true, tickFormat: '~s' },
      y: { label: null, domain: [...FUNDING_STAGES] },
      color: { domain: ['Budget', ...donors], scheme: 'observable10', legend: true },
      marks: [
        Plot.barX(bars, { y: 'stage', x: 'amount', fill: (d: (typeof bars)[number]) => d.donor, title: (d: (typeof bars)[number]) => `${d.stage}, ${d.donor}: ${money(d.amount, currency)}` }),
        Plot.ruleX([force.fundingGaps.budget], { stroke: '#1b2430', strokeDasharray: '4,3' }),
        Plot.ruleX([0]),
      ],
    });
    ref.current?.replaceChildren(figure);
    return () => figure.remove();
  }, [force, currency]);
  return (
    <div
      ref={ref}
      className="force-chart"
      role="img"
      aria-label="Bars of the budget and of the money pledged, committed and disbursed, stacked by donor, with the budget as a dashed line; the tables below give the amounts."
    />
  );
}
