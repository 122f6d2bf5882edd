// The risk page's pure helpers: whose view in words (a right-to-left name kept whole), parts in words,
// the score under edited weights as the server computes it, the weights' form, links, and the history
// chart's scales and line.
import { describe, expect, it } from 'vitest';
import type { RiskPartView } from '../../../src/contract/index.ts';
import { ANONYMOUS, type Principal } from '../../../src/core/access.ts';
import { RISK_PART_KEYS } from '../../../src/core/risk/parts.ts';
import { writesRisk } from '../auth/abilities.ts';
import { barPercent, dayNumber, historyChart, intervalBar, linearScale } from './riskChart.ts';
import {
  audienceText,
  audienceWords,
  changedWeights,
  contributionText,
  countedText,
  draftFromParts,
  draftFromWeights,
  linkHref,
  mergeReloaded,
  numberText,
  parseDraft,
  partScoreText,
  scoreText,
  scoreWith,
  sentence,
  weightText,
  weightsOf,
} from './riskText.ts';

const PARTIES = [
  { id: 'p1', name: 'Hamas', localName: 'حماس' },
  { id: 'p2', name: 'ישראל', localName: null },
];

const part = (over: Partial<RiskPartView>): RiskPartView => ({
  key: 'violation_trend',
  label: 'Violation trend',
  value: '12 verified incidents in the last 14 days against 4 in the 14 before',
  measure: 3,
  score: 0.5,
  weight: 1,
  contribution: 10,
  source: 'Verified incidents',
  explanation: 'Ratio of the last 14 days to the 14 before, 1 → 0, 3 or more → 1',
  links: [],
  ...over,
});

describe('whose view', () => {
  it('names the mediators, everyone, or a party’s circle, the name apart for its own direction', () => {
    expect(audienceText({ audience: 'mediators', partyId: null }, PARTIES)).toBe('as the mediators see it');
    expect(audienceText({ audience: 'all', partyId: null }, PARTIES)).toBe('as everyone sees it');
    expect(audienceWords({ audience: 'party', partyId: 'p1' }, PARTIES)).toEqual({ before: 'as the circle of ', party: 'Hamas (حماس)', after: ' sees it' });
    expect(audienceWords({ audience: 'party', partyId: 'p2' }, PARTIES).party).toBe('ישראל');
    expect(audienceText({ audience: 'party', partyId: 'unknown' }, PARTIES)).toBe('as the circle of one party sees it');
  });
});

describe('parts in words', () => {
  it('writes scores, points and weights, and a part without data as not counted', () => {
    expect(scoreText(41.6)).toBe('42');
    expect(scoreText(null)).toBe('—');
    expect(partScoreText(part({ score: 0.625 }))).toBe('0.63 of 1');
    expect(partScoreText(part({ score: null }))).toBe('no data — not counted');
    expect(contributionText(part({ contribution: 12.46 }))).toBe('12.5 points');
    expect(contributionText(part({ contribution: 1 }))).toBe('1 point');
    expect(contributionText(part({ score: null, contribution: null }))).toBe('not counted');
    expect(contributionText(part({ weight: 0, contribution: 0 }))).toBe('0 points (weight 0)');
    expect(weightText(1)).toBe('1 (the default)');
    expect(weightText(2.5)).toBe('2.5');
    expect(weightText(0)).toBe('0 (left out)');
    expect(sentence('Verified incidents: none up to 2026-12-02.')).toBe('Verified incidents: none up to 2026-12-02.');
    expect(sentence(' UNRWA list ')).toBe('UNRWA list.');
    expect(numberText(-0.001, 1)).toBe('0');
    expect(numberText(-2.5, 1)).toBe('−2.5');
    expect(numberText(1234.56, 1)).toBe('1,234.6');
  });

  it('counts the parts with data and weight', () => {
    expect(countedText([part({}), part({ score: null }), part({ weight: 0 })])).toBe('The score counts 1 of 3 parts: 1 has no data: 1 weighs 0.');
    expect(countedText([part({}), part({})])).toBe('The score counts 2 of 2 parts.');
  });
});

describe('scoreWith', () => {
  const parts = [part({ key: 'violation_trend', score: 1 }), part({ key: 'excitation', score: 0 }), part({ key: 'precedents', score: null })];

  it('is 100 × Σ wᵢsᵢ / Σ wᵢ over the parts with data, unnamed parts weighing 1', () => {
    expect(scoreWith(parts, {})).toBe(50);
    expect(scoreWith(parts, { violation_trend: 3 })).toBe(75);
    expect(scoreWith(parts, { excitation: 0 })).toBe(100);
    // A part without data never counts, whatever its weight.
    expect(scoreWith(parts, { precedents: 10 })).toBe(50);
  });

  it('is null when no part with data weighs anything', () => {
    expect(scoreWith(parts, { violation_trend: 0, excitation: 0 })).toBeNull();
    expect(scoreWith([part({ score: null })], {})).toBeNull();
  });
});

describe('the weights form', () => {
  it('reads each part’s weight, 1 for a part the view lacks', () => {
    const draft = draftFromParts([part({ key: 'excitation', weight: 2.5 })]);
    expect(Object.keys(draft)).toEqual([...RISK_PART_KEYS]);
    expect(draft.excitation).toBe('2.5');
    expect(draft.precedents).toBe('1');
  });

  it('accepts numbers from 0 to 10 and names each part that is not', () => {
    const draft = { ...draftFromParts([]), excitation: '0', precedents: '10', violation_trend: '7.5' };
    const ok = parseDraft(draft);
    expect(ok.errors).toEqual({});
    expect(ok.weights).toMatchObject({ excitation: 0, precedents: 10, violation_trend: 7.5, next_deadline: 1 });
    const bad = parseDraft({ ...draft, excitation: '', precedents: '11', force_gaps: '-1', next_deadline: 'x' });
    expect(Object.keys(bad.errors).sort()).toEqual(['excitation', 'force_gaps', 'next_deadline', 'precedents']);
    expect(bad.errors.precedents).toBe("Precedents' base rate: from 0 to 10, not 11");
    expect(bad.errors.excitation).toBe('Excitation (retaliation): a number from 0 to 10');
  });

  it('after a conflict, takes their weights where nothing was entered and keeps every entry', () => {
    const read = weightsOf([part({ key: 'excitation', weight: 2 })]);
    expect(read.excitation).toBe(2);
    expect(read.precedents).toBe(1);
    const saved = { ...read, precedents: 3, excitation: 4 };
    const draft = { ...draftFromWeights(read), excitation: '10' };
    const merged = mergeReloaded(draft, read, saved);
    expect(merged.draft.excitation).toBe('10');
    expect(merged.draft.precedents).toBe('3');
    expect(merged.draft.violation_trend).toBe('1');
    expect(merged.theirs).toEqual({ precedents: 3, excitation: 4 });
    // An entry left empty is an entry too: it is not filled in behind the user's back.
    expect(mergeReloaded({ ...draftFromWeights(read), force_gaps: '' }, read, { ...read, force_gaps: 5 }).draft.force_gaps).toBe('');
  });

  it('lists the weights a save would change', () => {
    const parts = [part({ key: 'excitation', weight: 2 })];
    expect(changedWeights(draftFromParts(parts), parts)).toEqual([]);
    expect(changedWeights({ ...draftFromParts(parts), excitation: '3', precedents: '1' }, parts)).toEqual(['excitation']);
  });
});

describe('linkHref', () => {
  it('leads each kind of link to its page', () => {
    const at = (kind: RiskPartView['links'][number]['kind'], id: string | null) => linkHref('cairo 2026', { kind, id, label: 'x' });
    expect(at('gate', 'ph1')).toBe('/agreements/cairo%202026/phases/ph1/gate');
    expect(at('force', null)).toBe('/agreements/cairo%202026/force');
    expect(at('incidents', null)).toBe('/agreements/cairo%202026/incidents');
    expect(at('incidents', 'i9')).toBe('/agreements/cairo%202026/incidents/i9');
    expect(at('document', 'd1')).toBe('/agreements/cairo%202026/documents/d1');
    expect(at('provision', 'v1')).toBe('/agreements/cairo%202026');
    expect(at('precedents', null)).toBe('/precedents');
    expect(at('forecast', null)).toBe('#forecast');
    expect(at('clause', 'c1')).toBeNull();
  });
});

describe('who may write', () => {
  const member = (role: 'mediator' | 'party_delegate' | 'monitor', admin = false): Principal => ({
    kind: 'user',
    userId: 'u',
    name: 'u',
    admin,
    memberships: [{ agreementId: 'a1', role, partyId: role === 'party_delegate' ? 'p1' : null }],
  });
  it('gives the weights and the record button to mediators and administrators only', () => {
    const agreement = { id: 'a1', public: true };
    expect(writesRisk(member('mediator'), agreement)).toBe(true);
    expect(writesRisk(member('monitor', true), agreement)).toBe(true);
    expect(writesRisk(member('party_delegate'), agreement)).toBe(false);
    expect(writesRisk(member('monitor'), agreement)).toBe(false);
    expect(writesRisk(ANONYMOUS, agreement)).toBe(false);
  });
});

describe('chart scales', () => {
  it('maps a domain linearly onto a range, and a single value to its middle', () => {
    const s = linearScale([0, 100], [170, 10]);
    expect(s(0)).toBe(170);
    expect(s(100)).toBe(10);
    expect(s(50)).toBe(90);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });

  it('counts calendar days without a zone', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-30') - dayNumber('2026-03-28')).toBe(2);
  });

  it('clamps bars and places intervals on a common track', () => {
    expect(barPercent(0.456)).toBe(45.6);
    expect(barPercent(1.4)).toBe(100);
    expect(barPercent(null)).toBe(0);
    expect(intervalBar({ low: 2, expected: 5, high: 10 }, 20)).toEqual({ low: 10, expected: 25, high: 50 });
    expect(intervalBar({ low: 0, expected: 0, high: 0 }, 0)).toEqual({ low: 0, expected: 0, high: 0 });
  });
});

describe('historyChart', () => {
  const frame = { width: 120, height: 120, margin: { top: 10, right: 10, bottom: 10, left: 10 } };

  it('draws the scores over the days, 0 at the bottom and 100 at the top', () => {
    const chart = historyChart(
      [
        { day: '2026-03-01', score: 0 },
        { day: '2026-03-06', score: 50 },
        { day: '2026-03-11', score: 100 },
      ],
      frame,
    );
    expect(chart.points.map((p) => [p.x, p.y])).toEqual([
      [10, 110],
      [60, 60],
      [110, 10],
    ]);
    expect(chart.path).toBe('M10,110L60,60L110,10');
    expect(chart.xTicks.map((t) => t.day)).toEqual(['2026-03-01', '2026-03-11']);
    expect(chart.yTicks[0]).toEqual({ value: 0, y: 110 });
  });

  it('breaks the line where a snapshot had no score, and centres a single day', () => {
    const chart = historyChart(
      [
        { day: '2026-03-01', score: 20 },
        { day: '2026-03-02', score: null },
        { day: '2026-03-03', score: 40 },
        { day: '2026-03-04', score: 60 },
      ],
      frame,
    );
    expect(chart.missing).toBe(1);
    expect(chart.path.match(/M/g)).toHaveLength(2);
    const single = historyChart([{ day: '2026-03-01', score: 30 }], frame);
    expect(single.points[0]?.x).toBe(60);
    expect(single.xTicks).toHaveLength(1);
    expect(historyChart([], frame).xTicks).toEqual([]);
  });
});
