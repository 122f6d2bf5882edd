/**
 * The forecast section's words (docs/FORECAST.md), pure: the branching ratio and what it means, the
 * excitation matrix as cells (cross-excitation is the retaliation signal), an expected count with its
 * 80 % interval, and a backtest in plain words: does the model beat no-change? Every party is
 * described with the same words; nothing here ranks one party above another.
 */
import type { AgreementForecastView, BacktestScoreView, EscalationView, ForecastCountView } from '../../../src/contract/index.ts';
import { numberText } from './riskText.ts';

/** The branching ratio in words: below 1 bursts die out, at or above 1 the process escalates on its own. */
export function branchingWords(ratio: number | null): { figure: string; words: string } {
  if (ratio === null) return { figure: '—', words: 'Not estimated: the model was not fitted.' };
  const figure = numberText(ratio, 2);
  if (ratio < 1) {
    return {
      figure,
      words: `Below 1: an incident triggers fewer than one further incident on average (${figure}), so a burst dies out on its own.`,
    };
  }
  return { figure, words: `At or above 1: incidents trigger at least as many again, so violence can escalate on its own, without any new cause.` };
}

export interface ExcitationCell {
  /** The dimension the triggered events are in (the row) and the one whose events trigger them (the column). */
  row: string;
  column: string;
  value: number;
  /** Off the diagonal: events of one party following events of another, the retaliation signal. */
  cross: boolean;
  text: string;
}

/** adjacency[i][j] as rows of cells with the words a screen reader and a tooltip give. */
export function excitationRows(escalation: Pick<EscalationView, 'dimensions' | 'adjacency'>): { label: string; cells: ExcitationCell[] }[] {
  const labels = escalation.dimensions.map((d) => d.label);
  return escalation.adjacency.map((row, i) => ({
    label: labels[i] ?? `Dimension ${i + 1}`,
    cells: row.map((value, j) => {
      const by = labels[j] ?? `Dimension ${j + 1}`;
      const of = labels[i] ?? `Dimension ${i + 1}`;
      const cross = i !== j;
      return {
        row: of,
        column: by,
        value,
        cross,
        text: cross
          ? `Each incident attributed to ${by} is followed by ${numberText(value, 2)} incidents attributed to ${of} on average (retaliation signal)`
          : `Each incident attributed to ${by} is followed by ${numberText(value, 2)} more attributed to ${of} on average (self-excitation)`,
      };
    }),
  }));
}

/**
 * The cross-excitation in one sentence: the sum off the diagonal beside the sum on it, so a reader
 * sees whether incidents follow the other side's more than their own side's. No party is singled out.
 */
export function retaliationSummary(escalation: Pick<EscalationView, 'adjacency' | 'fitted'>): string | null {
  const n = escalation.adjacency.length;
  if (!escalation.fitted || n < 2) return null;
  let cross = 0;
  let self = 0;
  escalation.adjacency.forEach((row, i) =>
    row.forEach((v, j) => {
      if (i === j) self += v;
      else cross += v;
    }),
  );
  const total = cross + self;
  if (total === 0) return 'No incident is estimated to trigger another: no retaliation signal.';
  return `Cross-excitation (off the diagonal, the retaliation signal) is ${numberText((100 * cross) / total, 0)} % of all excitation: ${numberText(cross, 2)} against ${numberText(self, 2)} on the diagonal.`;
}

/** "4.2 (80 % interval 1 to 8)". */
export function intervalText(c: Pick<ForecastCountView, 'expected' | 'low' | 'high'>): string {
  return `${numberText(c.expected, 1)} (80 % interval ${numberText(c.low, 1)} to ${numberText(c.high, 1)})`;
}

/** The calendar day `days` after `day` ("2026-03-01" + 1 → "2026-03-02"), with no zone: a day is a day. */
export function addDays(day: string, days: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** "80 % of outcomes inside" from the share of backtested outcomes inside the model's 80 % interval. */
export function coverageText(coverage: number | undefined): string {
  return coverage === undefined ? '—' : `${numberText(100 * coverage, 0)} %`;
}

/** "the next day" or "the next 7 days". */
export const horizonText = (days: number): string => (days === 1 ? 'the next day' : `the next ${days} days`);

/** "Beats no-change on both scores", "Beats no-change on CRPS only", "Does not beat no-change". */
export function beatsWords(score: Pick<BacktestScoreView, 'beatsNoChange'>): { beats: 'both' | 'some' | 'none'; text: string } {
  const { mae, crps } = score.beatsNoChange;
  if (mae && crps) return { beats: 'both', text: 'Beats no-change on both scores' };
  if (mae) return { beats: 'some', text: 'Beats no-change on MAE only' };
  if (crps) return { beats: 'some', text: 'Beats no-change on CRPS only' };
  return { beats: 'none', text: 'Does not beat no-change' };
}

/** The backtest of one series in one plain sentence, over its horizons. */
export function backtestSummary(backtest: readonly BacktestScoreView[]): string {
  if (backtest.length === 0) return 'Not backtested: too few days to score forecasts against what happened.';
  const beats = backtest.filter((b) => b.beatsNoChange.mae && b.beatsNoChange.crps).map((b) => b.horizon);
  const loses = backtest.filter((b) => !b.beatsNoChange.mae && !b.beatsNoChange.crps).map((b) => b.horizon);
  const list = (h: number[]) => h.map((d) => `${d}`).join(', ');
  if (beats.length === backtest.length) return 'The model beats no-change (tomorrow as today) at every horizon, on both scores.';
  if (loses.length === backtest.length) return 'The model does not beat no-change (tomorrow as today) at any horizon: its forecast adds nothing over the last value.';
  const parts: string[] = [];
  if (beats.length) parts.push(`beats no-change on both scores at ${list(beats)} ${beats.length === 1 && beats[0] === 1 ? 'day' : 'days'} ahead`);
  if (loses.length) parts.push(`does not beat it at ${list(loses)} ${loses.length === 1 && loses[0] === 1 ? 'day' : 'days'} ahead`);
  const mixed = backtest.length - beats.length - loses.length;
  if (mixed) parts.push(`beats it on one score only at ${mixed === 1 ? 'one horizon' : `${mixed} horizons`}`);
  return `The model ${parts.join('; ')}.`;
}

/** The largest number any interval of the section reaches, for a common track of its bars. */
export function intervalMax(counts: readonly Pick<ForecastCountView, 'high' | 'expected'>[]): number {
  return counts.reduce((m, c) => Math.max(m, c.high, c.expected), 0);
}

/** The forecast's provenance in a sentence: seeded, as of a day, in the agreement's zone. */
export function seedText(view: Pick<AgreementForecastView, 'asOf' | 'timeZone' | 'seed'>): string {
  return `Every simulation is seeded (seed ${view.seed}): the same data and day give the same numbers. Days are in ${view.timeZone}.`;
}
