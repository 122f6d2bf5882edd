/**
 * The ground's answers shaped for its charts and their tables: an indicator's points on a date axis
 * (with whether each met the target), and the area held per sector over time. Dates are calendar
 * dates, placed at UTC midnight so that the axis does not shift them with the viewer's zone.
 */
import type { AreaHistoryView, IndicatorSeriesView } from '../../../src/contract/index.ts';

export const utcDay = (date: string): Date => new Date(`${date}T00:00:00Z`);

export interface IndicatorChartPoint {
  date: Date;
  /** The calendar date observed (or the period's first day for a week). */
  day: string;
  period: string;
  value: number;
  met: boolean;
}

/** The points of an indicator's chart, oldest first. */
export function indicatorPoints(view: Pick<IndicatorSeriesView, 'points'>): IndicatorChartPoint[] {
  return [...view.points]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((p) => ({ date: utcDay(p.start), day: p.start, period: p.period, value: p.value, met: p.met }));
}

/** How many points met the target and how many did not. */
export function metCounts(points: readonly { met: boolean }[]): { met: number; missed: number } {
  const met = points.filter((p) => p.met).length;
  return { met, missed: points.length - met };
}

/** The y domain: from 0 to above both the highest value and the target, so that the target line is always in view. */
export function valueDomain(points: readonly { value: number }[], target: number): [number, number] {
  const top = Math.max(target, ...points.map((p) => p.value));
  return [0, top > 0 ? top * 1.05 : 1];
}

/** One point of the area-held chart: an area's coverage of one sector on a snapshot date. */
export interface AreaPoint {
  series: string;
  area: string;
  sector: string;
  asOf: string;
  date: Date;
  coveredKm2: number;
  share: number;
}

/** Series are named by sector, prefixed with the area when there is more than one area. */
function seriesName(view: AreaHistoryView, area: string, sector: string): string {
  return view.areas.length > 1 ? `${area}: ${sector}` : sector;
}

/** The points of the area-held chart, one line per area and sector, oldest date first. */
export function areaPoints(view: AreaHistoryView): AreaPoint[] {
  return view.areas.flatMap((area) =>
    [...area.series]
      .sort((a, b) => a.asOf.localeCompare(b.asOf))
      .flatMap((point) =>
        point.sectors.map((s) => ({
          series: seriesName(view, area.name, s.name),
          area: area.name,
          sector: s.name,
          asOf: point.asOf,
          date: utcDay(point.asOf),
          coveredKm2: s.coveredKm2,
          share: s.share,
        })),
      ),
  );
}

/** The legend's order: the sectors by name (as the API gives them), area by area. */
export function areaSeriesNames(view: AreaHistoryView): string[] {
  return view.areas.flatMap((area) => view.sectors.map((s) => seriesName(view, area.name, s.name)));
}

/** One row of the table beside the chart: an area on a date, its coverage of each sector (in the sectors' order) and in all. */
export interface AreaTableRow {
  area: string;
  asOf: string;
  cells: { coveredKm2: number; share: number }[];
  coveredKm2: number;
  totalKm2: number;
}

export function areaTableRows(view: AreaHistoryView): AreaTableRow[] {
  return view.areas.flatMap((area) =>
    [...area.series]
      .sort((a, b) => a.asOf.localeCompare(b.asOf))
      .map((point) => ({
        area: area.name,
        asOf: point.asOf,
        cells: view.sectors.map((sector) => {
          const found = point.sectors.find((s) => s.id === sector.id);
          return { coveredKm2: found?.coveredKm2 ?? 0, share: found?.share ?? 0 };
        }),
        coveredKm2: point.coveredKm2,
        totalKm2: point.totalKm2,
      })),
  );
}

/** "25.1 km² (34 %)". */
export const coverageText = (km2: number, share: number): string => `${km2.toFixed(1)} km² (${Math.round(share * 100)} %)`;
