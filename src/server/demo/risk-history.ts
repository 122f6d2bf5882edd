/**
 * The demo's collapse-risk history, so that its chart has points: the score recorded once per audience
 * as of each of the last four weeks and today. Each snapshot is computed by the risk's own code from
 * the demo's data as of that day (incidents, deadlines and stances dated; statuses as they stand):
 * nothing is invented, and each is labelled only by its day.
 */
import { addDays, localDate, type Agreement } from '../../core/index.ts';
import type { Clock } from '../clock.ts';
import type { RiskService } from '../risk/risk.service.ts';
import type { Actor } from '../write.ts';

/** Days before today recorded, oldest first. */
export const DEMO_RISK_HISTORY_DAYS_BACK = [28, 21, 14, 7, 0] as const;

/** Records the history; answers the number of snapshots written. */
export async function recordDemoRiskHistory(risk: Pick<RiskService, 'record'>, agreement: Pick<Agreement, 'id' | 'timeZone'>, clock: Clock, actor: Actor): Promise<number> {
  const today = localDate(clock.now(), agreement.timeZone);
  let recorded = 0;
  for (const back of DEMO_RISK_HISTORY_DAYS_BACK) recorded += (await risk.record(agreement.id, actor, addDays(today, -back))).recorded.length;
  return recorded;
}
