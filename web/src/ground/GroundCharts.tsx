/**
 * The ground's charts (Observable Plot, loaded with this module only): an indicator's daily values
 * against its target (a rule), the points short of it marked with their own symbol, not colour
 * alone; a small one per indicator on the ground page; and the area held per sector over time, with
 * its legend. Each chart has a text alternative; the pages give the numbers in tables too.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { AreaHistoryView, IndicatorSeriesView } from '../../../src/contract/index.ts';
import { areaPoints, areaSeriesNames, indicatorPoints, metCounts, valueDomain, type IndicatorChartPoint } from './chartData.ts';
import { numberText, targetText } from './groundText.ts';

const MET = 'At target';
const MISSED = 'Short of the target';
const TARGET_COLOUR = '#a61b1b';

/** Renders a Plot figure into a div, again when `build`'s inputs change; Plot returns a DOM node, which React leaves alone. */
function useFigure(build: () => HTMLElement | SVGSVGElement, deps: readonly unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const figure = build();
    ref.current?.replaceChildren(figure);
    return () => figure.remove();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

const pointTitle = (unit: string) => (d: IndicatorChartPoint) => `${d.period}: ${numberText(d.value)} ${unit}, ${d.met ? 'at target' : 'short of the target'}`;

/** The indicator page's chart: values over time, the target as a rule, points short of it as crosses. */
export function IndicatorChart({ view }: { view: IndicatorSeriesView }) {
  const { indicator } = view;
  const points = indicatorPoints(view);
  const counts = metCounts(points);
  const ref = useFigure(
    () =>
      Plot.plot({
        width: 860,
        height: 320,
        marginLeft: 52,
        x: { type: 'utc', label: null },
        y: { label: `${indicator.unit} a ${indicator.period === 'day' ? 'day' : 'week'}`, grid: true, domain: valueDomain(points, indicator.target) },
        symbol: { domain: [MET, MISSED], range: ['circle', 'times'], legend: true },
        color: { domain: [MET, MISSED], range: ['#1d6b3a', TARGET_COLOUR] },
        marks: [
          Plot.lineY(points, { x: 'date', y: 'value', stroke: '#5b6b7a', strokeWidth: 1 }),
          Plot.dot(points, {
            x: 'date',
            y: 'value',
            symbol: (d: IndicatorChartPoint) => (d.met ? MET : MISSED),
            stroke: (d: IndicatorChartPoint) => (d.met ? MET : MISSED),
            r: 3,
            title: pointTitle(indicator.unit),
          }),
          Plot.ruleY([indicator.target], { stroke: TARGET_COLOUR, strokeDasharray: '6 3', strokeWidth: 1.5 }),
          Plot.text([indicator.target], { y: (d: number) => d, frameAnchor: 'right', dy: -7, text: () => `Target: ${targetText(indicator)}`, fill: TARGET_COLOUR, textAnchor: 'end' }),
          Plot.ruleY([0]),
        ],
      }),
    [view],
  );
  const label =
    `Chart of ${indicator.name}: ${points.length} observations, ${counts.met} at target and ${counts.missed} short of it ` +
    `(marked with a cross); the dashed line is the target, ${targetText(indicator)}. The table below lists the values.`;
  return <div ref={ref} className="ground-chart" role="img" aria-label={label} />;
}

/** The ground page's small chart of one indicator: its values and the target line. */
export function IndicatorSparkline({ view }: { view: IndicatorSeriesView }) {
  const { indicator } = view;
  const points = indicatorPoints(view);
  const counts = metCounts(points);
  const ref = useFigure(
    () =>
      Plot.plot({
        width: 260,
        height: 70,
        margin: 4,
        marginLeft: 4,
        x: { type: 'utc', axis: null },
        y: { axis: null, domain: valueDomain(points, indicator.target) },
        marks: [
          Plot.areaY(points, { x: 'date', y: 'value', fill: '#d9e2ec' }),
          Plot.lineY(points, { x: 'date', y: 'value', stroke: '#33414f', strokeWidth: 1 }),
          Plot.ruleY([indicator.target], { stroke: TARGET_COLOUR, strokeDasharray: '4 2' }),
        ],
      }),
    [view],
  );
  const label = `Small chart of ${points.length} observations against the target line: ${counts.met} at target, ${counts.missed} short of it.`;
  return <div ref={ref} className="ground-sparkline" role="img" aria-label={label} />;
}

/** The area held in each sector on each snapshot date, one line per sector, with its legend. */
export function AreaHistoryChart({ view }: { view: AreaHistoryView }) {
  const points = areaPoints(view);
  const names = areaSeriesNames(view);
  const ref = useFigure(
    () =>
      Plot.plot({
        width: 760,
        height: 280,
        marginLeft: 52,
        x: { type: 'utc', label: null },
        y: { label: 'Area held (km²)', grid: true, nice: true },
        color: { type: 'categorical', scheme: 'observable10', domain: names, legend: true },
        symbol: { domain: names, legend: false },
        marks: [
          Plot.lineY(points, { x: 'date', y: 'coveredKm2', stroke: 'series', strokeWidth: 2 }),
          Plot.dot(points, {
            x: 'date',
            y: 'coveredKm2',
            stroke: 'series',
            symbol: 'series',
            fill: 'white',
            r: 4,
            title: (d: (typeof points)[number]) => `${d.series}, ${d.asOf}: ${d.coveredKm2.toFixed(1)} km² (${Math.round(d.share * 100)} %)`,
          }),
          Plot.ruleY([0]),
        ],
      }),
    [view],
  );
  const label = `Line chart of the area held in each of ${view.sectors.length} sectors on each snapshot date; the table below gives the numbers.`;
  return <div ref={ref} className="ground-chart" role="img" aria-label={label} />;
}
