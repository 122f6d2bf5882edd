import { describe, expect, it } from 'vitest';
import { atRiskOn, choiceOf, choose, formatDays, medianMark, parseProvisions, precedentsHref, stepPath, survivalOn, yearTicks, type Frame } from './survivalChart.ts';

// 100 px of plot each way from (10, 0): day d at x = 10 + d, survival s at y = 100 (1 − s).
const frame: Frame = { width: 120, height: 110, left: 10, right: 10, top: 0, bottom: 10, maxDay: 100 };
const steps = [
  { day: 10, survival: 0.75, atRisk: 4 },
  { day: 20, survival: 0.75, atRisk: 3 },
  { day: 40, survival: 0.5, atRisk: 2 },
];

describe('the survival chart', () => {
  it('draws a step curve from (0, 1), skipping steps that only censor, to the last day observed', () => {
    expect(stepPath(frame, steps)).toBe('M10,0H20V25H50V50H50');
    expect(stepPath(frame, steps, 80)).toBe('M10,0H20V25H50V50H90');
    expect(stepPath(frame, [], 30)).toBe('M10,0H40');
  });

  it('puts year ticks 1, 2, 5 or 10 years apart', () => {
    expect(yearTicks(3 * 365.25).map((t) => t.label)).toEqual(['0', '1 y', '2 y', '3 y']);
    expect(yearTicks(46 * 365.25).map((t) => t.label)).toEqual(['0', '10 y', '20 y', '30 y', '40 y']);
    expect(yearTicks(20 * 365.25)[1]).toEqual({ day: 1826, label: '5 y' });
    // The last whole year is a tick even when the axis ends on its rounded day.
    expect(yearTicks(1826).at(-1)).toEqual({ day: 1826, label: '5 y' });
  });

  it('counts those at risk on a tick day, and S on any day', () => {
    expect([0, 5, 10, 11, 40, 41].map((d) => atRiskOn(steps, 5, d))).toEqual([5, 4, 4, 3, 2, 0]);
    expect([0, 9, 10, 39, 40, 50, 51].map((d) => survivalOn(steps, d, 50))).toEqual([1, 1, 0.75, 0.75, 0.5, 0.5, null]);
  });

  it('marks the median where the curve reaches one half, and none when it never does', () => {
    expect(medianMark(frame, 40)).toEqual({ x: 50, y: 50, label: 'median 40 days' });
    expect(medianMark(frame, null)).toBeNull();
    expect(formatDays(400)).toBe('13 months (400 days)');
    expect(formatDays(1000)).toBe('2.7 years (1000 days)');
  });
});

describe('the filters in the address', () => {
  it('keeps known provisions only, each once', () => {
    expect(parseProvisions('pko, withd,pko,peace')).toEqual(['pko', 'withd']);
    expect(parseProvisions(null)).toEqual([]);
  });

  it('moves a provision between with, without and either', () => {
    expect(choose('pko', 'without', ['pko', 'cease'], [])).toEqual({ with: ['cease'], without: ['pko'] });
    expect(choose('pko', '', ['cease'], ['pko'])).toEqual({ with: ['cease'], without: [] });
    expect(choiceOf('cease', ['cease'], ['pko'])).toBe('with');
    expect(choiceOf('pko', ['cease'], ['pko'])).toBe('without');
  });

  it('links to the page with the provisions in its address', () => {
    expect(precedentsHref(['cease', 'pko'])).toBe('/precedents?with=cease,pko');
    expect(precedentsHref([], ['pko'])).toBe('/precedents?without=pko');
    expect(precedentsHref([])).toBe('/precedents');
  });
});
