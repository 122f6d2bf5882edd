/**
 * Requirements against pledges (docs/GATES.md): per capability and sector, the cover by readiness
 * (L2, L3, RDL), the gap, and beyond it what does not count (L1 pledges, contributors a signatory
 * objects to), as a stacked bar chart (Observable Plot) and the same figures in a table.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef } from 'react';
import type { ForceOverview } from '../../../src/contract/index.ts';
import { READINESS_DESCRIPTIONS } from '../../../src/core/force/vocabulary.ts';
import { EmptyState } from '../shared/states.tsx';
import { REQUIREMENT_SERIES, requirementBars, requirementRows, type RequirementRow } from './forceCharts.ts';
import { IllustrativeBadge } from './ForcePage.tsx';

const COLOURS = ['#9dbbe0', '#4f83c2', '#1d4e89', '#c23b3b', '#c9c9c9', '#7d5ba6'];

export function RequirementsSection({ force }: { force: ForceOverview }) {
  const rows = useMemo(() => requirementRows(force, force.gaps), [force]);
  const partyName = (id: string) => force.acceptability.parties.find((p) => p.id === id)?.name ?? 'a party';
  const { totals } = force.gaps;
  return (
    <section aria-labelledby="requirements-heading" className="section">
      <h2 id="requirements-heading">Requirements and pledges</h2>
      {rows.length === 0 ? (
        <EmptyState title="No requirements yet." />
      ) : (
        <>
          <p>
            <strong>
              {totals.covered} of {totals.required} personnel covered; gap {totals.gap}.
            </strong>{' '}
            Only pledges assessed at Level 2 or above count, and not those of a contributor a signatory party objects to.
          </p>
          <RequirementsChart rows={rows} />
          <div className="table-scroll">
            <table className="force-table" aria-labelledby="requirements-heading">
              <thead>
                <tr>
                  <th scope="col">Requirement</th>
                  <th scope="col">Phase</th>
                  <th scope="col" className="num">Required</th>
                  <th scope="col" className="num" title={READINESS_DESCRIPTIONS.L2}>L2</th>
                  <th scope="col" className="num" title={READINESS_DESCRIPTIONS.L3}>L3</th>
                  <th scope="col" className="num" title={READINESS_DESCRIPTIONS.RDL}>RDL</th>
                  <th scope="col" className="num">Gap</th>
                  <th scope="col">Not counting</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.requirementId}>
                    <th scope="row" dir="auto">
                      {r.label} <IllustrativeBadge show={r.illustrative} />
                    </th>
                    <td dir="auto">{r.phaseName ?? '—'}</td>
                    <td className="num">{r.required}</td>
                    <td className="num">{r.covered.L2}</td>
                    <td className="num">{r.covered.L3}</td>
                    <td className="num">{r.covered.RDL}</td>
                    <td className="num">{r.gap > 0 ? <strong>{r.gap}</strong> : '0'}</td>
                    <td>{notCounting(r, partyName)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All</th>
                  <td />
                  <td className="num">{totals.required}</td>
                  <td className="num" colSpan={3}>
                    {totals.covered} covered
                  </td>
                  <td className="num">{totals.gap}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          {force.gaps.unmatchedPledges.length > 0 ? (
            <p className="muted">
              {force.gaps.unmatchedPledges.length} {force.gaps.unmatchedPledges.length === 1 ? 'pledge matches' : 'pledges match'} no requirement
              (capability and sector): {force.gaps.unmatchedPledges.map((p) => `${p.capability} ${p.personnel}`).join(', ')}.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function notCounting(r: RequirementRow, partyName: (id: string) => string): string {
  const parts: string[] = [];
  if (r.l1 > 0) parts.push(`${r.l1} only pledged (L1)`);
  if (r.objected > 0) parts.push(`${r.objected} objected to by ${r.objectedBy.map(partyName).join(', ') || 'a signatory'}`);
  return parts.length > 0 ? parts.join('; ') : '—';
}

function RequirementsChart({ rows }: { rows: RequirementRow[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bars = requirementBars(rows);
    const figure = Plot.plot({
      width: 860,
      height: 60 + rows.length * 30,
      marginLeft: 210,
      x: { label: 'Personnel', grid: true },
      y: { label: null, domain: rows.map((r) => r.label) },
      color: { domain: [...REQUIREMENT_SERIES], range: COLOURS, legend: true },
      marks: [
        Plot.barX(bars, { y: 'label', x: 'value', fill: 'series', title: (d: (typeof bars)[number]) => `${d.label}: ${d.series} ${d.value}` }),
        Plot.tickX(rows, { y: 'label', x: 'required', stroke: '#1b2430', strokeWidth: 2, title: (r: RequirementRow) => `${r.label}: ${r.required} required` }),
        Plot.ruleX([0]),
      ],
    });
    ref.current?.replaceChildren(figure);
    return () => figure.remove();
  }, [rows]);
  return (
    <div
      ref={ref}
      className="force-chart"
      role="img"
      aria-label="Stacked bars per requirement: personnel covered at L2, L3 and RDL, the gap up to the requirement (a dark tick), then what does not count; the table below gives the numbers."
    />
  );
}
