/**
 * Verified violations per party (or provision), by day (or ISO week) in the agreement's time zone:
 * a stacked bar chart (Observable Plot) with one categorical colour scheme and the names in its
 * legend, and beside it the exact numbers in a table. Readable by visitors of a public agreement:
 * the counts are public even where the reports are not.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ComplianceView } from '../../../src/contract/index.ts';
import type { ComplianceDimension, ComplianceGranularity } from '../../../src/core/index.ts';
import { EmptyState, QueryStates } from '../shared/states.tsx';
import { formatDate } from '../shared/time.ts';
import { complianceBars, complianceDays, complianceExtent, complianceRows, seriesLabels, seriesOrder } from './compliance.ts';
import { useCompliance } from './incidents.api.ts';

const DIMENSIONS: { value: ComplianceDimension; label: string }[] = [
  { value: 'party', label: 'Party' },
  { value: 'provision', label: 'Provision' },
];
const GRANULARITIES: { value: ComplianceGranularity; label: string }[] = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
];

export function ComplianceChart({ slug, headingLevel = 2 }: { slug: string; headingLevel?: 2 | 3 }) {
  const [by, setBy] = useState<ComplianceDimension>('party');
  const [granularity, setGranularity] = useState<ComplianceGranularity>('day');
  const compliance = useCompliance(slug, { by, granularity });
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section aria-labelledby={headingId} className="section compliance">
      <div className="section-head">
        <Heading id={headingId}>Compliance</Heading>
        <div className="toggles">
          <Toggle legend="Count by" name="by" options={DIMENSIONS} value={by} onChange={setBy} />
          <Toggle legend="Per" name="granularity" options={GRANULARITIES} value={granularity} onChange={setGranularity} />
        </div>
      </div>
      <QueryStates query={compliance} loading="Loading the compliance counts…" failed="Could not load the compliance counts">
        {(data) => <ComplianceBody view={data} refreshing={compliance.isFetching} />}
      </QueryStates>
    </section>
  );
}

function Toggle<T extends string>(props: { legend: string; name: string; options: { value: T; label: string }[]; value: T; onChange: (value: T) => void }) {
  const name = `${useId()}-${props.name}`;
  return (
    <fieldset className="segmented">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className={o.value === props.value ? 'segment segment-on' : 'segment'}>
          <input type="radio" name={name} value={o.value} checked={o.value === props.value} onChange={() => props.onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

function ComplianceBody({ view, refreshing }: { view: ComplianceView; refreshing: boolean }) {
  const what = view.by === 'party' ? 'party' : 'provision';
  const per = view.granularity === 'day' ? 'day' : 'ISO week';
  const days = complianceDays(view);
  return (
    <>
      <p className="muted">
        Verified incidents per {what} and {per}, counted in the agreement’s time zone ({view.timeZone}), over the whole days from{' '}
        <time dateTime={days.first}>{formatDate(days.first)}</time> to <time dateTime={days.last}>{formatDate(days.last)}</time>, that day included.
        Only verified incidents count; reports still under review do not.
        {refreshing ? ' Refreshing…' : ''}
      </p>
      {view.total === 0 ? (
        <EmptyState title={view.by === 'party' ? 'No verified incidents in this period.' : 'No verified incident bearing on a provision in this period.'} />
      ) : (
        <div className="compliance-grid">
          <ChartFigure view={view} />
          <ComplianceTable view={view} />
        </div>
      )}
    </>
  );
}

/** The Plot figure, rebuilt when the data changes; Plot returns a DOM node, which React leaves alone. */
function ChartFigure({ view }: { view: ComplianceView }) {
  const ref = useRef<HTMLDivElement>(null);
  const labels = useMemo(() => seriesLabels(view), [view]);
  useEffect(() => {
    const bars = complianceBars(view);
    const extent = complianceExtent(view);
    // Counts are whole: at most one tick per unit, so that no axis reads 0.5 (or rounds it to 1 twice).
    const highest = Math.max(1, ...complianceRows(view).map((r) => r.total));
    const figure = Plot.plot({
      width: 720,
      height: 260,
      marginLeft: 40,
      x: { type: 'utc', domain: extent ?? undefined, label: null },
      y: { label: 'Verified incidents', grid: true, tickFormat: 'd', nice: true, ticks: Math.min(highest, 5) },
      color: { type: 'categorical', scheme: 'observable10', domain: labels, legend: true },
      marks: [
        Plot.rectY(bars, {
          x1: 'start',
          x2: 'end',
          y: 'count',
          fill: 'series',
          insetLeft: 1,
          insetRight: 1,
          title: (d: (typeof bars)[number]) => `${d.series}: ${d.count} on ${d.bucket}`,
        }),
        Plot.ruleY([0]),
      ],
    });
    ref.current?.replaceChildren(figure);
    return () => figure.remove();
  }, [view, labels]);
  const summary = `Bar chart of verified incidents by ${view.by} and ${view.granularity}; the table beside it gives the exact numbers.`;
  return <div ref={ref} className="compliance-chart" role="img" aria-label={summary} />;
}

function ComplianceTable({ view }: { view: ComplianceView }) {
  const series = seriesOrder(view);
  const rows = complianceRows(view);
  const caption = `Verified incidents per ${view.by} and ${view.granularity === 'day' ? 'day' : 'week'}`;
  return (
    <div className="table-scroll">
      <table className="data-table compliance-table" aria-label={caption}>
        <caption className="visually-hidden">{caption}; only the {view.granularity === 'day' ? 'days' : 'weeks'} with at least one are listed.</caption>
        <thead>
          <tr>
            <th scope="col">{view.granularity === 'day' ? 'Day' : 'Week'}</th>
            {series.map((s) => (
              <th scope="col" key={s.key ?? 'none'} dir="auto">
                {s.label}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.bucket}>
              <th scope="row">{view.granularity === 'day' ? formatDate(row.start) : `${row.bucket} (from ${formatDate(row.start)})`}</th>
              {row.counts.map((n, i) => (
                <td key={series[i]?.key ?? 'none'} className="num">
                  {n}
                </td>
              ))}
              <td className="num">{row.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All</th>
            {series.map((s) => (
              <td key={s.key ?? 'none'} className="num">
                {s.total}
              </td>
            ))}
            <td className="num">{view.total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
