/** The ground's badges: a withdrawal item's status with since when, an indicator's newest value met or not; always in words. */
import type { IndicatorView, WithdrawalItemView } from '../../../src/contract/index.ts';
import { statusText } from './groundText.ts';
import './badges.css';

export function WithdrawalStatusBadge({ item }: { item: Pick<WithdrawalItemView, 'status' | 'since'> }) {
  return <span className={`badge withdrawal-status withdrawal-status-${item.status}`}>{statusText(item)}</span>;
}

/** "Met", "Not met", or "No data" when there is no observation (`met` null). */
export function MetBadge({ met }: { met: boolean | null }) {
  const key = met === null ? 'none' : String(met);
  return <span className={`badge indicator-met indicator-met-${key}`}>{met === null ? 'No data' : met ? 'Met' : 'Not met'}</span>;
}

/** Whether an indicator's newest observation meets its target; null without one. */
export const latestMet = (indicator: Pick<IndicatorView, 'streak'>): boolean | null => (indicator.streak.latest ? indicator.streak.met : null);
