/**
 * The small SVG charts of the risk page, pure: linear scales, day numbers, bars, and the score's
 * history laid out as a line (broken where a snapshot had no score) with its points and axes. The
 * components only draw what these return; the tables beside them give the same numbers.
 */

export type Scale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a domain of one value maps to the middle of the range. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** Days since 1970-01-01 of a calendar day "YYYY-MM-DD" (no zone: a day is a day). */
export function dayNumber(day: string): number {
  return Math.round(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000);
}

export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const HISTORY_FRAME: ChartFrame = { width: 560, height: 180, margin: { top: 12, right: 16, bottom: 28, left: 36 } };

export interface HistoryPoint {
  day: string;
  score: number;
  x: number;
  y: number;
}

export interface HistoryChart {
  /** The SVG path of the line: a new segment ("M") after each snapshot without a score. */
  path: string;
  points: HistoryPoint[];
  yTicks: { value: number; y: number }[];
  xTicks: { day: string; x: number }[];
  /** Snapshots without a score (no part had data): gaps in the line. */
  missing: number;
}

/**
 * The score's history (0–100 on y, the day on x) in a frame. Several snapshots of one day are drawn
 * in their order, the same x; the x axis names the first and the last day (and the middle, when far apart).
 */
export function historyChart(history: readonly { day: string; score: number | null }[], frame: ChartFrame = HISTORY_FRAME): HistoryChart {
  const { width, height, margin } = frame;
  const days = history.map((h) => dayNumber(h.day));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const x = linearScale([first, last], [margin.left, width - margin.right]);
  const y = linearScale([0, 100], [height - margin.bottom, margin.top]);
  const points: HistoryPoint[] = [];
  const segments: string[] = [];
  let drawing = false;
  let missing = 0;
  history.forEach((h, i) => {
    if (h.score === null) {
      missing += 1;
      drawing = false;
      return;
    }
    const p = { day: h.day, score: h.score, x: round(x(days[i]!)), y: round(y(h.score)) };
    points.push(p);
    segments.push(`${drawing ? 'L' : 'M'}${p.x},${p.y}`);
    drawing = true;
  });
  const firstDay = history[0]?.day;
  const lastDay = history.at(-1)?.day;
  const xTicks: { day: string; x: number }[] = [];
  if (firstDay) xTicks.push({ day: firstDay, x: round(x(dayNumber(firstDay))) });
  if (lastDay && lastDay !== firstDay) xTicks.push({ day: lastDay, x: round(x(dayNumber(lastDay))) });
  return {
    path: segments.join(''),
    points,
    yTicks: [0, 25, 50, 75, 100].map((value) => ({ value, y: round(y(value)) })),
    xTicks: history.length ? xTicks : [],
    missing,
  };
}

/** A bar's width in percent of its track for a share from 0 to 1 (clamped; null is empty). */
export function barPercent(share: number | null): number {
  if (share === null || !Number.isFinite(share)) return 0;
  return round(Math.min(1, Math.max(0, share)) * 100);
}

export interface IntervalBar {
  /** Percent of the track from its start: the low end, the expected value, the high end. */
  low: number;
  expected: number;
  high: number;
}

/** An 80 % interval drawn on a common track from 0 to `max`: where its ends and middle fall. */
export function intervalBar(c: { low: number; expected: number; high: number }, max: number): IntervalBar {
  const at = (v: number) => (max > 0 ? round(Math.min(100, Math.max(0, (100 * v) / max))) : 0);
  return { low: at(c.low), expected: at(c.expected), high: at(c.high) };
}

const round = (v: number) => Math.round(v * 10) / 10;
