/**
 * The collapse risk (docs/FORECAST.md): its parts per reader as of a day, the weights per agreement
 * (versioned, audited), and the history: recorded once per audience (everyone's view, the mediators',
 * each party's circle), each reader shown the snapshots of exactly their own view.
 */
import type { Parsed, RiskRecordView, RiskSnapshotView, RiskView, RiskWeightsBody, RiskWeightsView } from '../../contract/index.ts';
import {
  computeRisk,
  delegatePartyOf,
  DomainError,
  isCalendarDate,
  localDate,
  resolveWeights,
  RISK_PART_KEYS,
  RISK_WEIGHT_MAX,
  seesEveryAudience,
  type Agreement,
  type Principal,
  type RiskResult,
} from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Clock } from '../clock.ts';
import type { Actor, Write } from '../write.ts';
import { audiencePrincipal, riskFactSources, type RiskAudience, type RiskForecastSource, type RiskGatesSource, type RiskPrecedentsSource } from './risk-facts.ts';

type Snapshot = Awaited<ReturnType<Repositories['risk']['snapshots']>>[number];

function snapshotView(s: Snapshot): RiskSnapshotView {
  return { id: s.id, day: s.day, score: s.score, parts: s.parts as RiskSnapshotView['parts'], weights: s.weights, recordedAt: s.recordedAt.toISOString() };
}

/** Whose view a reader reads: the mediators' (mediators, administrators), their party's circle (its delegates), else everyone's. */
export function audienceOf(principal: Principal, agreementId: string): RiskAudience {
  if (seesEveryAudience(principal, agreementId)) return { audience: 'mediators', partyId: null };
  const partyId = delegatePartyOf(principal, agreementId);
  return partyId ? { audience: 'party', partyId } : { audience: 'all', partyId: null };
}

function invalid(path: string, message: string): never {
  throw new DomainError('validation_failed', `Invalid request: ${path}: ${message}`, { issues: [{ path, message }] });
}

export function riskService(deps: {
  repos: Repositories;
  write: Write;
  clock: Clock;
  forecast: RiskForecastSource;
  precedents: RiskPrecedentsSource;
  gates: RiskGatesSource;
  /** Not read: the force's gaps per reader come with the gates' facts (force.gapsFor through gate-facts). */
  force?: unknown;
}) {
  const { repos, write, clock } = deps;
  const sources = riskFactSources(deps);

  const dayOf = (agreement: Agreement, asOf: string | undefined) => {
    if (asOf !== undefined && !isCalendarDate(asOf)) invalid('asOf', 'must be a date, YYYY-MM-DD');
    return asOf ?? localDate(clock.now(), agreement.timeZone);
  };

  async function weightsOf(agreementId: string) {
    const settings = await repos.risk.settings(agreementId);
    return { weights: resolveWeights(settings?.weights), version: settings?.version ?? 0 };
  }

  /** The risk as `principal` reads it as of `asOf`, with until when it holds (for the view cache). */
  async function currentWithValidity(ref: string, principal: Principal, asOf?: string): Promise<{ view: RiskView; validUntil: Date | null }> {
    const agreement = await repos.agreements.get(ref);
    const day = dayOf(agreement, asOf);
    const audience = audienceOf(principal, agreement.id);
    const [shared, weights, history] = await Promise.all([sources.shared(agreement, day), weightsOf(agreement.id), repos.risk.snapshots(agreement.id, audience.audience, audience.partyId)]);
    const facts = await sources.forReader(agreement, shared, principal);
    const result = computeRisk(facts, weights.weights);
    const today = localDate(clock.now(), agreement.timeZone);
    return {
      view: { asOf: day, score: result.score, audience, parts: result.parts, weightsVersion: weights.version, history: history.map(snapshotView) },
      // A past day's risk changes only with a write; today's also with the clock.
      validUntil: day < today ? null : sources.validUntil(agreement, facts),
    };
  }

  return {
    currentWithValidity,

    /** The risk as `principal` reads it as of `asOf` (default today in the agreement's zone), with the history of their own view. */
    current: async (ref: string, principal: Principal, asOf?: string): Promise<RiskView> => (await currentWithValidity(ref, principal, asOf)).view,

    /** Every part's weight (those never set weigh 1) and the version to send back. */
    async weights(ref: string): Promise<Parsed<typeof RiskWeightsView>> {
      const agreement = await repos.agreements.get(ref);
      return weightsOf(agreement.id);
    },

    /** Sets the weights at the version read (0 when never set): parts not named weigh 1; a stale version is 409 and changes nothing. */
    async setWeights(ref: string, body: Parsed<typeof RiskWeightsBody>, actor: Actor): Promise<Parsed<typeof RiskWeightsView>> {
      const agreement = await repos.agreements.get(ref);
      // The API's contract checks these too; the CLI comes here directly.
      for (const [key, w] of Object.entries(body.weights)) {
        if (!(RISK_PART_KEYS as readonly string[]).includes(key)) invalid(`weights.${key}`, 'is not a part of the risk');
        if (typeof w !== 'number' || !(w >= 0 && w <= RISK_WEIGHT_MAX)) invalid(`weights.${key}`, `must be a number from 0 to ${RISK_WEIGHT_MAX}`);
      }
      const weights = Object.fromEntries(RISK_PART_KEYS.filter((k) => body.weights[k] !== undefined).map((k) => [k, body.weights[k]!]));
      const after = await write(actor, async ({ repos: tx, record }) => {
        const change = await tx.risk.putWeights(agreement.id, weights, body.version);
        await record({ action: change.before ? 'update' : 'create', entity: 'risk_settings', entityId: agreement.id, agreementId: agreement.id, before: change.before, after: change.after });
        return change.after;
      });
      return { weights: resolveWeights(after.weights), version: after.version };
    },

    /**
     * Records the score as of `asOf` once per audience: everyone's view, the mediators', and each
     * party's circle, in one write; each snapshot's audit entry is confidential to its audience.
     */
    async record(ref: string, actor: Actor, asOf?: string): Promise<Parsed<typeof RiskRecordView>> {
      const agreement = await repos.agreements.get(ref);
      const day = dayOf(agreement, asOf);
      const [shared, weights, parties] = await Promise.all([sources.shared(agreement, day), weightsOf(agreement.id), repos.parties.list(agreement.id)]);
      const audiences: RiskAudience[] = [{ audience: 'all', partyId: null }, { audience: 'mediators', partyId: null }, ...parties.map((p) => ({ audience: 'party' as const, partyId: p.id }))];
      // Read before the write: the facts are not read on the write's transaction.
      const results: Array<{ audience: RiskAudience; result: RiskResult }> = [];
      for (const audience of audiences) {
        const facts = await sources.forReader(agreement, shared, audiencePrincipal(agreement.id, audience));
        results.push({ audience, result: computeRisk(facts, weights.weights) });
      }
      const rows = await write(actor, async ({ repos: tx, record }) => {
        const inserted = await tx.risk.insertSnapshots(
          results.map(({ audience, result }) => ({ agreementId: agreement.id, day, audience: audience.audience, partyId: audience.partyId, score: result.score, parts: result.parts, weights: weights.weights, recordedBy: actor.id })),
        );
        for (const row of inserted) {
          await record({
            action: 'create',
            entity: 'risk_snapshot',
            entityId: row.id,
            agreementId: agreement.id,
            before: null,
            // `audience` and `partyId` make the entry confidential to the view it records.
            after: { id: row.id, day, audience: row.audience, partyId: row.partyId, score: row.score, parts: (row.parts as RiskResult['parts']).map((p) => ({ key: p.key, score: p.score, weight: p.weight })) },
          });
        }
        return inserted;
      });
      return { recorded: rows.map((r) => ({ ...snapshotView(r), audience: { audience: r.audience as RiskAudience['audience'], partyId: r.partyId } })) };
    },
  };
}
export type RiskService = ReturnType<typeof riskService>;
