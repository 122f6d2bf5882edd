/**
 * Kaplan–Meier curves as SVG steps: the chosen agreements against every other (or all agreements),
 * the median marked, the numbers at risk under the year axis, and the same figures in a table beside.
 */
import { useId } from 'react';
import type { PrecedentSurvivalView, SurvivalCurveView } from '../../../src/contract/index.ts';
import { atRiskOn, formatDays, formatShare, medianMark, stepPath, survivalOn, xOf, yearTicks, yOf, type Frame } from './survivalChart.ts';

const COLOURS = ['#1d4e89', '#b35900'];
const DASHES = ['', '6 4'];

const lastDay = (c: SurvivalCurveView) => c.steps.at(-1)?.day ?? 0;

/** Years the axis may span; null: all the data. */
export const HORIZON_YEARS = [1, 2, 5, 10, null] as const;
export type HorizonYears = (typeof HORIZON_YEARS)[number];

export function SurvivalChart({ view, years = null }: { view: PrecedentSurvivalView; years?: HorizonYears }) {
  const curves = [view.selected, ...(view.others ? [view.others] : [])].filter((c) => c.n > 0);
  const titleId = useId();
  if (curves.length === 0) return null;
  const longest = Math.max(...curves.map(lastDay), 365);
  const maxDay = years === null ? longest : Math.min(longest, Math.round(years * 365.25));
  const rowHeight = 18;
  const frame: Frame = { width: 720, height: 300, left: 48, right: 16, top: 12, bottom: 44, maxDay };
  const ticks = yearTicks(maxDay);
  const totalHeight = frame.height + curves.length * rowHeight + 24;
  const summary = curves.map((c) => `${c.label}: ${c.n} agreements, ${formatShare(c.oneYear)} still in force after a year, median ${c.median === null ? 'not reached' : formatDays(c.median)}`).join('; ');

  return (
    <figure className="survival-chart">
      <svg viewBox={`0 0 ${frame.width} ${totalHeight}`} role="img" aria-labelledby={titleId} className="survival-svg">
        <title id={titleId}>{`Share of agreements still in force by years since signing. ${summary}. The table beside gives the figures.`}</title>
        {[0, 0.25, 0.5, 0.75, 1].map((s) => (
          <g key={s}>
            <line x1={frame.left} x2={frame.width - frame.right} y1={yOf(frame, s)} y2={yOf(frame, s)} className={s === 0.5 ? 'grid grid-half' : 'grid'} />
            <text x={frame.left - 6} y={yOf(frame, s) + 4} textAnchor="end" className="tick">
              {`${s * 100} %`}
            </text>
          </g>
        ))}
        {ticks.map((t) => (
          <text key={t.day} x={xOf(frame, t.day)} y={frame.height - frame.bottom + 16} textAnchor="middle" className="tick">
            {t.label}
          </text>
        ))}
        <text x={(frame.left + frame.width - frame.right) / 2} y={frame.height - frame.bottom + 32} textAnchor="middle" className="axis-label">
          Years since signing
        </text>
        {curves.map((c, i) => (
          <path key={c.label} d={stepPath(frame, c.steps.filter((x) => x.day <= maxDay), Math.min(lastDay(c), maxDay))} fill="none" stroke={COLOURS[i]} strokeWidth={2} strokeDasharray={DASHES[i] || undefined} />
        ))}
        {curves.map((c, i) => {
          const m = c.median !== null && c.median <= maxDay ? medianMark(frame, c.median) : null;
          return m ? (
            <g key={`m-${c.label}`}>
              <line x1={m.x} x2={m.x} y1={m.y} y2={frame.height - frame.bottom} stroke={COLOURS[i]} strokeDasharray="2 3" />
              <circle cx={m.x} cy={m.y} r={4} fill={COLOURS[i]} />
              <text x={m.x + 6} y={m.y - 6} className="tick">
                {m.label}
              </text>
            </g>
          ) : null;
        })}
        <text x={4} y={frame.height + 4} className="axis-label">
          At risk
        </text>
        {curves.map((c, i) => (
          <g key={`r-${c.label}`}>
            {ticks.map((t) => (
              <text key={t.day} x={xOf(frame, t.day)} y={frame.height + 4 + (i + 1) * rowHeight} textAnchor="middle" className="tick" fill={COLOURS[i]}>
                {atRiskOn(c.steps, c.n, t.day)}
              </text>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="survival-legend">
          {curves.map((c, i) => (
            <li key={c.label}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke={COLOURS[i]} strokeWidth={2} strokeDasharray={DASHES[i] || undefined} />
              </svg>{' '}
              {c.label} ({c.n})
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

const HORIZONS = [365, 2 * 365, 5 * 365];

/** The figures of each curve, and each curve's steps folded away. */
export function SurvivalTable({ view }: { view: PrecedentSurvivalView }) {
  const curves = [view.selected, ...(view.others ? [view.others] : [])];
  const captionId = useId();
  return (
    <div className="survival-table table-scroll">
      <table aria-labelledby={captionId}>
        <caption id={captionId}>Survival in figures</caption>
        <thead>
          <tr>
            <th scope="col">Agreements</th>
            <th scope="col">On the curve</th>
            <th scope="col">Ended</th>
            <th scope="col">Censored</th>
            <th scope="col">Left out</th>
            <th scope="col">Median to end</th>
            {HORIZONS.map((d) => (
              <th key={d} scope="col">{`In force after ${d / 365} y`}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {curves.map((c) => (
            <tr key={c.label}>
              <th scope="row">{c.label}</th>
              <td>{c.n}</td>
              <td>{c.events}</td>
              <td>{c.censored}</td>
              <td>{c.excluded}</td>
              <td>{c.median === null ? 'not reached' : formatDays(c.median)}</td>
              {HORIZONS.map((d) => (
                <td key={d}>{formatShare(survivalOn(c.steps, d, lastDay(c)))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {curves.map((c) =>
        c.steps.length ? (
          <details key={c.label}>
            <summary>Every step: {c.label}</summary>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">At risk</th>
                    <th scope="col">Ended</th>
                    <th scope="col">Censored</th>
                    <th scope="col">Survival</th>
                    <th scope="col">95 % interval</th>
                  </tr>
                </thead>
                <tbody>
                  {c.steps.map((s) => (
                    <tr key={s.day}>
                      <td>{s.day}</td>
                      <td>{s.atRisk}</td>
                      <td>{s.events}</td>
                      <td>{s.censored}</td>
                      <td>{(s.survival * 100).toFixed(1)} %</td>
                      <td>{s.low === null || s.high === null ? '–' : `${(s.low * 100).toFixed(1)} – ${(s.high * 100).toFixed(1)} %`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ) : null,
      )}
    </div>
  );
}
