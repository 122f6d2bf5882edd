/**
 * The situation brief (docs/FORECAST.md): its model for one reader as of one day, and its Markdown,
 * HTML and PDF. Everything that reads "today" is read with a clock fixed at the end of the as-of day
 * in the agreement's zone, so the same data and day give the same brief, whenever it is asked for.
 */
import type { PrecedentSourceView, BriefAudienceView, BriefDocumentView, BriefForceView, BriefGroundView, BriefRoundView, BriefSourceView, BriefView } from '../../contract/index.ts';
import {
  addDays,
  assertRules,
  briefHtml,
  briefMarkdown,
  dayStart,
  delegatePartyOf,
  DomainError,
  headline,
  headlineFacts,
  localDate,
  seesEveryAudience,
  WITHDRAWAL_STATUSES,
  type Agreement,
  type Principal,
} from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import { fixedClock, type Clock } from '../clock.ts';
import { forceService, type ForceService } from '../force/force.service.ts';
import type { ForecastService } from '../forecast/forecast.service.ts';
import { gatesService, type GatesService } from '../gates/gates.service.ts';
import { groundService, type GroundService } from '../ground/ground.service.ts';
import { matrixService, type MatrixService } from '../matrix/matrix.service.ts';
import type { NegotiationService } from '../negotiation/negotiation.service.ts';
import { documentView } from '../negotiation/document-view.ts';
import { printHtmlToPdf } from '../negotiation/export-pdf.ts';
import type { PrecedentsService } from '../precedents/precedents.service.ts';
import type { RiskService } from '../risk/risk.service.ts';
import type { SessionService } from '../rounds/sessions.service.ts';
import type { Write } from '../write.ts';

export interface BriefDeps {
  repos: Repositories;
  clock: Clock;
  matrix: MatrixService;
  negotiation: NegotiationService;
  sessions: SessionService;
  ground: GroundService;
  force: ForceService;
  gates: GatesService;
  forecast: ForecastService;
  risk: RiskService;
  precedents: PrecedentsService;
}

/** The brief only reads: the services it rebuilds on a fixed clock never write. */
const noWrite: Write = () => Promise.reject(new Error('the situation brief writes nothing'));


/** What the brief reads as recorded now rather than as of its day. */
export const AS_RECORDED_NOW =
  "Read as recorded now, not as they stood on the day: provisions' statuses and deadlines, clause texts, the gates' conditions and the stances they are judged on, rounds and sessions, the force's requirements, pledges, positions and funding, and each incident's verification status. Left out when dated after the day: incidents (by when they occurred), indicator observations, withdrawal verifications and, in the negotiation state and the collapse risk, stances stated after it.";

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The parenthesised attribution and licence in a zone's description, e.g. "(OCHA oPt / COD-AB, CC BY-IGO)". */
function zoneLicence(description: string): { attribution: string; licence: string } | null {
  const m = /\(([^()]*?),\s*(CC BY[^()]*|public domain)\)/i.exec(description);
  return m ? { attribution: m[1]!.trim(), licence: m[2]!.trim() } : null;
}

export function briefService(deps: BriefDeps) {
  const { repos, clock } = deps;

  /** The services that read "today", on a clock fixed at `instant`. */
  function asOfServices(instant: Date) {
    const fixed = fixedClock(instant);
    const ground = groundService({ repos, write: noWrite, clock: fixed });
    const force = forceService({ repos, write: noWrite, clock: fixed });
    const gates = gatesService({ repos, write: noWrite, clock: fixed, ground, force });
    return { ground, force, gates, matrix: matrixService({ repos, clock: fixed, gates }) };
  }

  /** The as-of day (default today in the agreement's zone; never after it) and the last instant of it. */
  function dayOf(agreement: Agreement, asOf: string | undefined): { day: string; cutoff: Date } {
    let today: string;
    try {
      today = localDate(clock.now(), agreement.timeZone);
    } catch (err) {
      if (err instanceof RangeError) assertRules([{ path: 'timeZone', message: `"${agreement.timeZone}" is not a time zone the server knows: set another on the agreement` }]);
      throw err;
    }
    const day = asOf ?? today;
    if (day > today) {
      const message = `must not be after today (${today} in ${agreement.timeZone})`;
      throw new DomainError('validation_failed', `Invalid request: asOf: ${message}`, { issues: [{ path: 'asOf', message }] });
    }
    return { day, cutoff: new Date(dayStart(addDays(day, 1), agreement.timeZone).getTime() - 1) };
  }

  function audienceOf(agreement: Agreement, principal: Principal, partyName: (id: string) => string): BriefAudienceView {
    if (seesEveryAudience(principal, agreement.id)) return { kind: 'mediators', partyId: null, label: 'the mediators' };
    const partyId = delegatePartyOf(principal, agreement.id);
    if (partyId) return { kind: 'party', partyId, label: `${partyName(partyId)}'s circle` };
    return { kind: 'everyone', partyId: null, label: 'everyone' };
  }

  /** Each document's clauses from the stances `principal` may see that were stated by `day` (as the collapse risk reads them). */
  async function negotiationState(agreement: Agreement, principal: Principal, day: string, partyName: (id: string) => string): Promise<BriefDocumentView[]> {
    const [documents, all, parties] = await Promise.all([repos.documents.list(agreement.id), repos.stances.ofAgreement(agreement.id), repos.parties.list(agreement.id)]);
    const stances = all.filter((s) => s.statedOn <= day);
    const clauses = await repos.clauses.listIn(documents.map((d) => d.id));
    return documents.map((document) => {
      const own = clauses.filter((c) => c.documentId === document.id).sort((a, b) => a.position - b.position);
      const ids = new Set(own.map((c) => c.id));
      const view = documentView(principal, { document, sections: [], clauses: own, stances: stances.filter((s) => ids.has(s.clauseId)), parties, provisions: [], authorNames: new Map() });
      return {
        id: document.id,
        title: document.title,
        deadline: view.deadline,
        revision: document.revision,
        consensus: view.consensus,
        clauses: view.clauses.flatMap((c, i) => {
          const alternatives = new Map(c.consensus.groups.map((g) => [g.key, g.alternatives]));
          const blockers = c.consensus.groups.flatMap((g) =>
            g.blockers.map((b) => ({ partyId: b.partyId, partyName: partyName(b.partyId), alternative: alternatives.get(g.key)?.[b.alternative]?.text ?? '' })),
          );
          const reservations = c.stances
            .filter((s) => s.position === 'accept_with_reservation' && s.reservation.trim() !== '')
            .map((s) => ({ partyId: s.partyId, partyName: partyName(s.partyId), text: s.reservation, audience: s.audience }));
          if (c.consensus.status === 'agreed' && reservations.length === 0) return [];
          return [{ clauseId: c.id, label: c.number ? `§${c.number}` : `clause ${i + 1}`, status: c.consensus.status, deadline: c.deadline ?? view.deadline, blockers, reservations }];
        }),
      };
    });
  }

  async function roundTimeline(agreementId: string, day: string): Promise<BriefRoundView[]> {
    const [rounds, sessions] = await Promise.all([repos.rounds.list(agreementId), repos.roundSessions.list(agreementId)]);
    return [...rounds]
      .sort((a, b) => byText(a.startsOn, b.startsOn) || byText(a.id, b.id))
      .map((r) => ({
        id: r.id,
        title: r.title,
        venue: r.venue,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        when: (r.endsOn ?? r.startsOn) < day ? 'past' : r.startsOn > day ? 'upcoming' : 'current',
        outcome: r.outcome,
        sessions: sessions
          .filter((s) => s.roundId === r.id)
          .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || byText(a.id, b.id))
          .map((s) => ({
            id: s.id,
            venue: s.venue,
            startsAt: new Date(s.startsAt).toISOString(),
            endsAt: s.endsAt ? new Date(s.endsAt).toISOString() : null,
            allDay: s.allDay,
            agenda: s.agenda.map((a) => a.title),
            outcome: s.outcome,
          })),
      }));
  }

  async function groundState(agreement: Agreement, day: string, ground: GroundService): Promise<BriefGroundView> {
    const from = dayStart(addDays(day, -29), agreement.timeZone);
    const to = dayStart(addDays(day, 1), agreement.timeZone);
    const weekStart = addDays(day, -6);
    const [counts, parties, items, streaks, zones, phases] = await Promise.all([
      repos.incidents.complianceCounts(agreement.id, { by: 'party', granularity: 'day', from, to, timeZone: agreement.timeZone }),
      repos.parties.list(agreement.id),
      ground.withdrawals.statuses(agreement.id, day),
      ground.indicators.streaks(agreement.id, day),
      repos.zones.filter(agreement.id, {}),
      repos.phases.list(agreement.id),
    ]);
    const sum = (key: string | null, since: string) => counts.filter((c) => c.key === key && c.date >= since).reduce((n, c) => n + c.count, 0);
    const byParty = [
      ...parties.map((p) => ({ partyId: p.id as string | null, label: p.name, last7: sum(p.id, weekStart), last30: sum(p.id, '') })),
      ...(counts.some((c) => c.key === null) ? [{ partyId: null, label: 'Not attributed', last7: sum(null, weekStart), last30: sum(null, '') }] : []),
    ];
    const zoneName = new Map(zones.map((z) => [z.id, z.name]));
    const phaseName = new Map(phases.map((p) => [p.id, p.name]));
    const phaseOrder = new Map(phases.map((p) => [p.id, p.ordinal]));
    const withdrawalItems = items
      .map(({ item, status, since }) => {
        const zone = item.fromZoneId ? zoneName.get(item.fromZoneId) : undefined;
        return { id: item.id, label: zone ? `${item.force} from ${zone}` : item.force, phaseName: phaseName.get(item.phaseId) ?? '', deadline: item.deadline, status, since, order: phaseOrder.get(item.phaseId) ?? 0 };
      })
      .sort((a, b) => a.order - b.order || byText(a.deadline, b.deadline) || byText(a.id, b.id))
      .map(({ order: _order, ...rest }) => rest);
    return {
      violations: { last7: byParty.reduce((n, p) => n + p.last7, 0), last30: byParty.reduce((n, p) => n + p.last30, 0), byParty },
      withdrawals: {
        counts: Object.fromEntries(WITHDRAWAL_STATUSES.map((s) => [s, withdrawalItems.filter((i) => i.status === s).length])) as BriefGroundView['withdrawals']['counts'],
        items: withdrawalItems,
      },
      indicators: streaks
        .map(({ indicator, streak }) => ({
          id: indicator.id,
          name: indicator.name,
          unit: indicator.unit,
          comparison: indicator.comparison,
          target: indicator.target,
          period: indicator.period,
          latest: streak.latest ? { observedOn: streak.latest.observedOn, value: streak.latest.value } : null,
          met: streak.met,
          streakPeriods: streak.periods,
          since: streak.since,
          source: indicator.sourceNote,
        }))
        .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id)),
    };
  }

  async function forceState(agreementId: string, principal: Principal): Promise<BriefForceView> {
    const overview = await deps.force.overview(agreementId, principal);
    const { gaps, fundingGaps: f } = overview;
    return {
      illustrative: overview.illustrative,
      totals: gaps.totals,
      requirements: gaps.requirements.map((r) => ({
        id: r.requirementId,
        label: `${r.capability} · ${r.sectorName ?? (r.sectorId === null ? 'whole area' : `sector ${r.sectorId}`)}`,
        required: r.required,
        covered: r.covered,
        gap: r.gap,
      })),
      funding: { budget: f.budget, pledged: f.pledged, committed: f.committed, disbursed: f.disbursed, commitmentGap: f.commitmentGap, disbursementGap: f.disbursementGap },
    };
  }

  async function sourcesOf(agreement: Agreement, documents: readonly BriefDocumentView[], ground: BriefGroundView, ucdp: PrecedentSourceView, forecast: boolean): Promise<BriefSourceView[]> {
    const zones = await repos.zones.filter(agreement.id, {});
    const datasets = new Map<string, { attribution: string; licence: string; names: string[] }>();
    for (const z of [...zones].sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))) {
      const found = zoneLicence(z.description);
      if (!found) continue;
      const key = `${found.attribution}\u0000${found.licence}`;
      const entry = datasets.get(key) ?? { ...found, names: [] };
      entry.names.push(z.name);
      datasets.set(key, entry);
    }
    return [
      { kind: 'agreement', label: agreement.title, detail: agreement.sourceNote || 'Entered in Phaseline.', licence: null },
      ...documents.map((d) => ({ kind: 'document' as const, label: d.title, detail: `Negotiated text in Phaseline, revision ${d.revision}; its consensus from the stances this reader may see.`, licence: null })),
      ...ground.indicators.map((i) => ({ kind: 'indicator' as const, label: `${i.name} (${i.unit})`, detail: i.source || 'No source recorded.', licence: null })),
      ...[...datasets.values()].map((d) => ({ kind: 'zone' as const, label: d.attribution, detail: `Zones: ${d.names.join(', ')}.`, licence: d.licence })),
      { kind: 'method', label: 'Verified incidents', detail: "Incident reports verified in Phaseline, counted by the day they occurred in the agreement's time zone.", licence: null },
      ...(forecast ? [{ kind: 'method' as const, label: 'Forecast', detail: 'A Hawkes escalation model fitted to the verified incidents and a negative-binomial autoregression on daily counts, seeded simulations (docs/FORECAST.md).', licence: null }] : []),
      { kind: 'dataset', label: ucdp.dataset.includes(ucdp.version) ? ucdp.dataset : `${ucdp.dataset} v${ucdp.version}`, detail: `${ucdp.citation} ${ucdp.url}; agreements followed to ${ucdp.dataEnd}.`, licence: ucdp.licence },
    ];
  }

  /** The nearest deadline on or after the day: a provision not fully implemented, a clause not agreed, a withdrawal not verified. */
  function nextDeadline(view: Pick<BriefView, 'matrix' | 'negotiation' | 'ground'>, day: string, timeZone: string): { day: string; what: string } | null {
    const candidates: Array<{ day: string; what: string }> = [];
    for (const row of view.matrix.rows) {
      for (const p of row.realities) {
        if (p.deadline && p.status !== 'full') candidates.push({ day: localDate(new Date(p.deadline), timeZone), what: `${p.code ? `${p.code} ` : ''}${p.title}` });
      }
    }
    for (const d of view.negotiation.documents) {
      for (const c of d.clauses) if (c.status !== 'agreed' && c.deadline) candidates.push({ day: localDate(new Date(c.deadline), timeZone), what: `${d.title} ${c.label}` });
    }
    for (const w of view.ground.withdrawals.items) if (w.status !== 'verified') candidates.push({ day: w.deadline, what: `withdrawal: ${w.label}` });
    return candidates.filter((c) => c.day >= day).sort((a, b) => byText(a.day, b.day) || byText(a.what, b.what))[0] ?? null;
  }

  /** The brief of the agreement `ref` names for `principal`, as of the end of `asOf` (default today) in its zone. */
  async function model(ref: string, principal: Principal, asOf?: string): Promise<BriefView> {
    const agreement = await repos.agreements.get(ref);
    const { day, cutoff } = dayOf(agreement, asOf);
    const at = asOfServices(cutoff);
    const parties = await repos.parties.list(agreement.id);
    const names = new Map(parties.map((p) => [p.id, p.name]));
    const partyName = (id: string) => names.get(id) ?? 'a party no longer listed';

    const [{ matrix }, documents, rounds, ground, force, forecast, risk] = await Promise.all([
      at.matrix.current(agreement, principal),
      negotiationState(agreement, principal, day, partyName),
      roundTimeline(agreement.id, day),
      groundState(agreement, day, at.ground),
      forceState(agreement.id, principal),
      deps.forecast.agreement(agreement.id, day).then((view) => ({ available: true, reason: null, view })),
      deps.risk.current(agreement.id, principal, day).then((view) => ({ available: true, reason: null, view })),
    ]);
    const precedents = { available: true, reason: null, view: await deps.precedents.forAgreement(agreement.id) };

    const phases = matrix.rows.map((r) => r.phase);
    const current = phases.find((p) => p.status === 'active') ?? null;
    const nextRow = matrix.rows.find((r) => (r.phase.status === 'planned' || r.phase.status === 'negotiating') && (!current || r.phase.ordinal > current.ordinal)) ?? null;
    const clauseTotals = documents.reduce((t, d) => ({ agreed: t.agreed + d.consensus.agreed, total: t.total + d.consensus.clauses }), { agreed: 0, total: 0 });
    const partial = { matrix, negotiation: { documents }, ground };
    const input = {
      asOf: day,
      current: current && { name: current.name },
      next: nextRow && { name: nextRow.phase.name, gate: nextRow.gate },
      clauses: clauseTotals,
      violations: { last7: ground.violations.last7, last30: ground.violations.last30 },
      risk: risk.view?.score ?? null,
      nextDeadline: nextDeadline(partial, day, agreement.timeZone),
    };
    return {
      agreement: { id: agreement.id, slug: agreement.slug, title: agreement.title, status: agreement.status, timeZone: agreement.timeZone, illustrative: agreement.illustrative },
      asOf: day,
      cutoff: cutoff.toISOString(),
      audience: audienceOf(agreement, principal, partyName),
      headline: headline(input),
      facts: headlineFacts(input),
      notes: [AS_RECORDED_NOW, ...(agreement.illustrative ? ['This agreement is an illustrative scenario drawn from public reporting, not an official record.'] : [])],
      matrix: matrix as BriefView['matrix'],
      negotiation: { documents },
      rounds,
      ground,
      force,
      forecast,
      risk,
      precedents,
      sources: await sourcesOf(agreement, documents, ground, precedents.view.source, forecast.available),
    };
  }

  return {
    model,
    async markdown(ref: string, principal: Principal, asOf?: string) {
      const view = await model(ref, principal, asOf);
      return { view, text: briefMarkdown(view) };
    },
    async html(ref: string, principal: Principal, asOf?: string) {
      const view = await model(ref, principal, asOf);
      return { view, text: briefHtml(view) };
    },
    async pdf(ref: string, principal: Principal, asOf: string | undefined, print: { chromiumPath?: string | undefined; searchPath?: string | undefined }) {
      const view = await model(ref, principal, asOf);
      return { view, bytes: await printHtmlToPdf(briefHtml(view), print) };
    },
  };
}
export type BriefService = ReturnType<typeof briefService>;

/** The file name of a brief: the agreement's slug, the day and the reader's view. */
export function briefFileName(view: Pick<BriefView, 'agreement' | 'asOf' | 'audience'>, extension: string): string {
  const who = view.audience.kind === 'party' ? 'party' : view.audience.kind;
  return `${view.agreement.slug}-brief-${view.asOf}-${who}.${extension}`;
}
