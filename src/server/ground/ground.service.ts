/**
 * The ground against the agreement (docs/GATES.md): areas held and their coverage of sectors, the
 * withdrawal schedule, indicators, and the facts a phase's gate reads from them.
 */
import type { IndicatorPeriod, WithdrawalStatus } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { Write } from '../write.ts';
import { areasService } from './areas.service.ts';
import { indicatorService } from './indicators.service.ts';
import { todayIn } from './today.ts';
import { withdrawalService } from './withdrawal.service.ts';

/** A withdrawal item as a gate reads it. */
export interface WithdrawalGateFact {
  id: string;
  /** The force and the area it leaves, as people read it. */
  label: string;
  phaseId: string;
  status: WithdrawalStatus;
  since: string | null;
}

/** An indicator's streak as a gate reads it. */
export interface IndicatorGateFact {
  id: string;
  /** The indicator's name (and unit). */
  label: string;
  /** Consecutive periods at target up to the newest observation (0 when that one misses). */
  streakPeriods: number;
  since: string | null;
  latest: { observedOn: string; value: number } | null;
  period: IndicatorPeriod;
}

export interface GroundGateFacts {
  withdrawals: WithdrawalGateFact[];
  indicators: IndicatorGateFact[];
}

export function groundService(deps: { repos: Repositories; write: Write; clock: Clock }) {
  const { repos, clock } = deps;
  const withdrawals = withdrawalService(deps);
  const indicators = indicatorService(deps);
  return {
    areas: areasService(deps),
    withdrawals,
    indicators,

    /**
     * What the gates of an agreement (by id or slug) read of the ground, as of today in the
     * agreement's time zone: each withdrawal item's status and each indicator's streak.
     */
    async gateFacts(agreementId: string): Promise<GroundGateFacts> {
      const agreement = await repos.agreements.get(agreementId);
      const today = todayIn(clock, agreement.timeZone);
      const [items, streaks, zones] = await Promise.all([
        withdrawals.statuses(agreement.id, today),
        indicators.streaks(agreement.id, today),
        repos.zones.filter(agreement.id, {}),
      ]);
      const zoneNames = new Map(zones.map((z) => [z.id, z.name]));
      return {
        withdrawals: items.map(({ item, status, since }) => {
          const from = item.fromZoneId ? zoneNames.get(item.fromZoneId) : undefined;
          return { id: item.id, label: from ? `${item.force} from ${from}` : item.force, phaseId: item.phaseId, status, since };
        }),
        indicators: streaks.map(({ indicator, streak }) => ({
          id: indicator.id,
          label: `${indicator.name} (${indicator.unit})`,
          streakPeriods: streak.periods,
          since: streak.since,
          latest: streak.latest ? { observedOn: streak.latest.observedOn, value: streak.latest.value } : null,
          period: indicator.period,
        })),
      };
    },
  };
}
export type GroundService = ReturnType<typeof groundService>;
