/**
 * Indicators (docs/GATES.md): CRUD through auditedParts, observations one by one or imported from
 * CSV (all or nothing: every error with its line, nothing written; one audit entry per import),
 * the series a chart draws and the streak at target as of today in the agreement's time zone.
 */
import { createHash } from 'node:crypto';
import type { IndicatorCreate, IndicatorSeriesView, IndicatorUpdate, IndicatorView, ObservationCreate, Parsed } from '../../contract/index.ts';
import { assertRules, DomainError, indicatorSeries, indicatorStreak, parseObservationsCsv, type ObservationCsvError } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Indicator, IndicatorObservation } from '../../db/repositories/ground.repository.ts';
import type { Clock } from '../clock.ts';
import { auditedParts } from '../parts/audited-parts.ts';
import { checkReferences, type NamedIds } from '../references.ts';
import type { Actor, Write } from '../write.ts';
import { todayIn } from './today.ts';

const indicatorReferences = (input: { provisionId?: string | null | undefined; zoneId?: string | null | undefined }): NamedIds[] => [
  { path: 'provisionId', kind: 'provision', id: input.provisionId },
  { path: 'zoneId', kind: 'zone', id: input.zoneId },
];

/** An import refused: 400 `invalid_csv`, each error with its line (the header is line 1). */
export class ObservationImportError extends DomainError {
  constructor(readonly errors: readonly ObservationCsvError[]) {
    const shown = errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`);
    super('invalid_csv', `No observation was imported. ${shown.join('; ')}${errors.length > 5 ? `; and ${errors.length - 5} more` : ''}`, { errors });
  }
}

type Point = { observedOn: string; value: number };

/** The streak of an indicator's observations on `today`, its latest observation as a date and value. */
function streakOf(indicator: Indicator, observations: readonly Point[], today: string): IndicatorView['streak'] {
  const { latest, ...streak } = indicatorStreak(indicator, observations, today);
  return { ...streak, latest: latest ? { observedOn: latest.observedOn, value: latest.value } : null };
}

export function indicatorService({ repos, write, clock }: { repos: Repositories; write: Write; clock: Clock }) {
  const parts = auditedParts<Indicator, Parsed<typeof IndicatorCreate>, Parsed<typeof IndicatorUpdate>>(
    { repos, write },
    {
      entity: 'indicator',
      repo: (r) => r.ground.indicators,
      async prepareCreate({ repos: tx, agreementId }, input) {
        await checkReferences(tx, agreementId, indicatorReferences(input));
        return input;
      },
      async preparePatch({ repos: tx, agreementId }, _current, patch) {
        await checkReferences(tx, agreementId, indicatorReferences(patch));
        return patch;
      },
    },
  );

  async function today(ref: string): Promise<{ agreementId: string; today: string }> {
    const agreement = await repos.agreements.get(ref);
    return { agreementId: agreement.id, today: todayIn(clock, agreement.timeZone) };
  }

  /** The views of indicators of one agreement, each with its streak today. */
  async function views(ref: string, list: readonly Indicator[]): Promise<IndicatorView[]> {
    const { today: day } = await today(ref);
    const values = await repos.ground.observations.valuesOf(list.map((i) => i.id));
    return list.map((indicator) => ({ ...indicator, streak: streakOf(indicator, values.filter((v) => v.indicatorId === indicator.id), day) }));
  }
  const one = async (ref: string, indicator: Indicator) => (await views(ref, [indicator]))[0]!;

  /** The indicator, in this agreement (404 otherwise). */
  const indicatorOf = async (ref: string, id: string) => parts.get(ref, id);

  return {
    list: async (ref: string) => views(ref, await parts.list(ref)),
    get: async (ref: string, id: string) => one(ref, await parts.get(ref, id)),
    create: async (ref: string, input: Parsed<typeof IndicatorCreate>, actor: Actor) => one(ref, await parts.create(ref, input, actor)),
    update: async (ref: string, id: string, input: Parsed<typeof IndicatorUpdate>, actor: Actor) => one(ref, await parts.update(ref, id, input, actor)),
    remove: parts.remove,

    /** The indicators measuring a zone's flows (a corridor's or a crossing's), by name. */
    async forZone(ref: string, zoneId: string): Promise<IndicatorView[]> {
      const agreement = await repos.agreements.get(ref);
      await repos.zones.get(agreement.id, zoneId);
      return views(ref, (await parts.list(ref)).filter((i) => i.zoneId === zoneId));
    },

    /** One page of an indicator's observations, by date. */
    async observations(ref: string, id: string, query: { limit: number; offset: number; order: 'asc' | 'desc' }) {
      const indicator = await indicatorOf(ref, id);
      const { items, total } = await repos.ground.observations.page(indicator.id, query);
      return { items, total, limit: query.limit, offset: query.offset };
    },

    /** Records one observation (audited); a date already observed is a 409 in words. */
    observe: (ref: string, id: string, input: Parsed<typeof ObservationCreate>, actor: Actor): Promise<IndicatorObservation> =>
      write(actor, async ({ repos: tx, record }) => {
        const agreementId = (await tx.agreements.get(ref)).id;
        const indicator = await tx.ground.indicators.get(agreementId, id);
        const row = await tx.ground.observations.insert({ ...input, indicatorId: indicator.id, authorId: actor.id });
        await record({ action: 'create', entity: 'indicator_observation', entityId: row.id, agreementId, before: null, after: row });
        return row;
      }),

    /**
     * Imports `date,value[,source]` rows, all or nothing: a malformed row, or a date the indicator
     * already has, refuses the whole file (400 invalid_csv listing every error with its line).
     * One audit entry records the import (its counts, dates and SHA-256), not one per row.
     */
    importCsv: (ref: string, id: string, csv: string, actor: Actor, fileName = 'request body') =>
      write(actor, async ({ repos: tx, record }) => {
        const agreementId = (await tx.agreements.get(ref)).id;
        const indicator = await tx.ground.indicators.get(agreementId, id);
        const { rows, errors } = parseObservationsCsv(csv);
        const taken = await tx.ground.observations.takenDates(indicator.id, rows.map((r) => r.observedOn));
        for (const r of rows) {
          if (taken.has(r.observedOn)) errors.push({ line: r.line, message: `the indicator already has an observation on ${r.observedOn}` });
        }
        if (errors.length > 0) throw new ObservationImportError([...errors].sort((a, b) => a.line - b.line));
        const imported = await tx.ground.observations.insertMany(
          rows.map((r) => ({ indicatorId: indicator.id, observedOn: r.observedOn, value: r.value, source: r.source ?? '', sourceReliability: null, credibility: null, authorId: actor.id })),
        );
        const dates = rows.map((r) => r.observedOn).sort();
        const result = { imported, first: dates[0] ?? null, last: dates.at(-1) ?? null };
        const sha256 = createHash('sha256').update(csv).digest('hex');
        await record({ action: 'create', entity: 'indicator_observations_import', entityId: indicator.id, agreementId, before: null, after: { ...result, fileName, sha256 } });
        return result;
      }),

    /** The observations in the window as a chart draws them, with the target, and the streak today. */
    async series(ref: string, id: string, window: { from?: string | undefined; to?: string | undefined }): Promise<IndicatorSeriesView> {
      if (window.from && window.to && window.from > window.to) assertRules([{ path: 'from', message: 'must not be after to' }]);
      const indicator = await indicatorOf(ref, id);
      const { today: day } = await today(ref);
      const all = await repos.ground.observations.list(indicator.id);
      const shown = all.filter((o) => (!window.from || o.observedOn >= window.from) && (!window.to || o.observedOn <= window.to));
      const streak = streakOf(indicator, all, day);
      return { indicator: { ...indicator, streak }, today: day, points: indicatorSeries(indicator, shown), streak };
    },

    /** Every indicator of an agreement with its streak on `today` (for gates). */
    async streaks(agreementId: string, today: string) {
      const list = await repos.ground.indicators.list(agreementId);
      const values = await repos.ground.observations.valuesOf(list.map((i) => i.id));
      return list.map((indicator) => ({ indicator, streak: indicatorStreak(indicator, values.filter((v) => v.indicatorId === indicator.id), today) }));
    },
  };
}
export type IndicatorService = ReturnType<typeof indicatorService>;
