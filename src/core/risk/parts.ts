/** The collapse risk's parts (docs/FORECAST.md): their keys, in the order shown, and their labels. */
import { keysOf } from '../vocabulary.ts';

export const RISK_PART_LABELS = {
  violation_trend: 'Violation trend',
  excitation: 'Excitation (retaliation)',
  overdue_provisions: 'Overdue provisions',
  clauses_overdue: 'Clauses not agreed against their deadlines',
  failing_gates: 'Failing gate conditions',
  force_gaps: 'Force and funding gaps',
  precedents: "Precedents' base rate",
  next_deadline: 'Days to the next deadline',
} as const;
export type RiskPartKey = keyof typeof RISK_PART_LABELS;
export const RISK_PART_KEYS = keysOf(RISK_PART_LABELS);

/** Weights run from 0 (left out) to this; a part not given a weight weighs DEFAULT_RISK_WEIGHT. */
export const RISK_WEIGHT_MAX = 10;
export const DEFAULT_RISK_WEIGHT = 1;
