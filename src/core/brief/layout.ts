/**
 * The brief as sections of blocks (paragraphs, lists, tables, empty states), one layout for both the
 * Markdown and the HTML: the same facts in the same order, with words for every empty section.
 */
import { localDateTime } from '../calendar.ts';
import { GROUP_STATUS_LABELS } from '../negotiation/consensus.ts';
import { WITHDRAWAL_STATUS_LABELS, WITHDRAWAL_STATUSES } from '../ground/withdrawal.ts';
import type { Brief, BriefForecast, BriefPrecedents, BriefRisk, BriefSurvival } from './model.ts';

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h'; text: string }
  | { kind: 'list'; items: string[] }
  /** A cell's lines are separated by "\n"; `numeric` columns align right; `widths` are percentages of the page's width. */
  | { kind: 'table'; head: string[]; rows: string[][]; numeric?: number[]; widths?: number[] }
  | { kind: 'empty'; text: string };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

/** A number in words people read: thousands grouped, at most `digits` decimals, no "-0". */
export function formatNumber(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(digits);
  const [whole, fraction] = (digits > 0 ? fixed.replace(/\.?0+$/, '') : fixed).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = fraction ? `${grouped}.${fraction}` : grouped;
  return n < 0 && Number(text.replace(/,/g, '')) !== 0 ? `−${text}` : text;
}

/** Text as a sentence: ends with a full stop unless it ends with one already. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const pct = (share: number) => `${formatNumber(share * 100)}\u00a0%`;
const time = (iso: string, timeZone: string) => localDateTime(new Date(iso), timeZone).replace('T', ' ');
const day = (iso: string | null, timeZone: string) => (iso === null ? '—' : time(iso, timeZone).slice(0, 10));
const STATUS_WORDS: Record<string, string> = { planned: 'planned', negotiating: 'negotiating', active: 'active', completed: 'completed', suspended: 'suspended' };
const REALITY_STATUS: Record<string, string> = { not_started: 'not started', minimal: 'minimal', intermediate: 'intermediate', full: 'full', disputed: 'disputed' };
const AUDIENCE_WORDS: Record<string, string> = { party: 'party and mediators', mediators: 'mediators only', all: 'everyone' };

function matrixSection(brief: Brief): Section {
  const tz = brief.agreement.timeZone;
  if (brief.matrix.rows.length === 0) return { id: 'matrix', title: 'The Strategic Matrix', blocks: [{ kind: 'empty', text: 'No phase.' }] };
  const rows = brief.matrix.rows.map((r) => {
    const realities = r.realities.map((p) => `${p.code ? `${p.code} ` : ''}${p.title} (${REALITY_STATUS[p.status] ?? p.status}${p.deadline ? `, due ${day(p.deadline, tz)}` : ''})`);
    const bottlenecks = [
      ...r.bottlenecks.map((b) => {
        const why = b.reasons.map((x) => (x.kind === 'overdue' ? `${x.daysOverdue} days overdue` : x.kind === 'disputed' ? 'disputed' : `${x.count} verified violations in ${x.days} days`));
        return `${b.code ? `${b.code} ` : ''}${b.title}: ${why.join('; ')}`;
      }),
      ...r.withdrawals.bottlenecks.map((w) => `Withdrawal ${w.label}: ${WITHDRAWAL_STATUS_LABELS[w.status as keyof typeof WITHDRAWAL_STATUS_LABELS] ?? w.status}`),
    ];
    const gate = r.gate === null ? 'no gate' : `${r.gate.met} of ${r.gate.total} met${r.gate.passes ? ', passes' : ''}`;
    const provisions = `${r.progress.total} provision${r.progress.total === 1 ? '' : 's'}`;
    const progress = r.progress.score === null ? provisions : `${provisions}, PAM score ${pct(r.progress.score)}`;
    return [`${r.phase.name} (${STATUS_WORDS[r.phase.status] ?? r.phase.status})`, r.phase.objective || '—', realities.join('\n') || '—', bottlenecks.join('\n') || 'none', gate, progress];
  });
  return {
    id: 'matrix',
    title: 'The Strategic Matrix',
    blocks: [{ kind: 'table', head: ['Phase', 'Objective', 'Ground realities', 'Bottlenecks', 'Gate', 'Progress'], rows, widths: [15, 14, 29, 22, 8, 12] }],
  };
}

function negotiationSection(brief: Brief): Section {
  const tz = brief.agreement.timeZone;
  const blocks: Block[] = [];
  if (brief.negotiation.documents.length === 0) blocks.push({ kind: 'empty', text: 'No negotiated document.' });
  for (const d of brief.negotiation.documents) {
    const c = d.consensus;
    blocks.push({ kind: 'h', text: d.title });
    blocks.push({
      kind: 'p',
      text: `${c.agreed} of ${c.clauses} clauses agreed (${pct(c.agreedShare)}); ${c.blocked} blocked, ${c.converging} converging, ${c.open} open. Revision ${d.revision}${d.deadline ? `; deadline ${day(d.deadline, tz)}` : ''}.`,
    });
    if (d.clauses.length === 0) {
      blocks.push({ kind: 'empty', text: c.clauses === 0 ? 'No clause.' : 'Every clause is agreed, without reservation.' });
      continue;
    }
    blocks.push({
      kind: 'table',
      head: ['Clause', 'Status', 'Rejected by', 'Reservations', 'Deadline'],
      rows: d.clauses.map((x) => [
        x.label,
        GROUP_STATUS_LABELS[x.status],
        x.blockers.map((b) => `${b.partyName} (rejects “${b.alternative}”)`).join('; ') || '—',
        x.reservations.map((r) => `${r.partyName}: “${r.text}” (${AUDIENCE_WORDS[r.audience] ?? r.audience})`).join('; ') || '—',
        day(x.deadline, tz),
      ]),
    });
  }
  return { id: 'negotiation', title: 'Negotiation state', blocks };
}

function roundsSection(brief: Brief): Section {
  const tz = brief.agreement.timeZone;
  if (brief.rounds.length === 0) return { id: 'rounds', title: 'Round timeline', blocks: [{ kind: 'empty', text: 'No negotiation round.' }] };
  const blocks: Block[] = [];
  for (const r of brief.rounds) {
    const dates = r.endsOn && r.endsOn !== r.startsOn ? `${r.startsOn} to ${r.endsOn}` : r.startsOn;
    blocks.push({ kind: 'h', text: `${r.title} (${r.when}): ${dates}${r.venue ? `, ${r.venue}` : ''}` });
    if (r.outcome) blocks.push({ kind: 'p', text: `Outcome: ${r.outcome}${/[.!?]$/.test(r.outcome) ? '' : '.'}` });
    if (r.sessions.length === 0) blocks.push({ kind: 'empty', text: 'No session.' });
    else {
      blocks.push({
        kind: 'list',
        items: r.sessions.map((s) => {
          const when = s.allDay ? time(s.startsAt, tz).slice(0, 10) : `${time(s.startsAt, tz)}${s.endsAt ? `–${time(s.endsAt, tz).slice(11)}` : ''}`;
          const agenda = s.agenda.length > 0 ? `; agenda: ${s.agenda.join('; ')}` : '';
          return `${when}${s.venue ? `, ${s.venue}` : ''}${agenda}${s.outcome ? `; outcome: ${s.outcome}` : ''}`;
        }),
      });
    }
  }
  return { id: 'rounds', title: 'Round timeline', blocks };
}

function groundSection(brief: Brief): Section {
  const g = brief.ground;
  const blocks: Block[] = [{ kind: 'h', text: 'Verified violations' }];
  if (g.violations.last30 === 0) blocks.push({ kind: 'empty', text: 'No verified incidents in the last 30 days.' });
  else {
    blocks.push({ kind: 'p', text: `${g.violations.last7} in the last 7 days, ${g.violations.last30} in the last 30, by the party they are attributed to.` });
    blocks.push({ kind: 'table', head: ['Party', 'Last 7 days', 'Last 30 days'], rows: g.violations.byParty.map((p) => [p.label, String(p.last7), String(p.last30)]), numeric: [1, 2] });
  }
  blocks.push({ kind: 'h', text: 'Withdrawal' });
  if (g.withdrawals.items.length === 0) blocks.push({ kind: 'empty', text: 'No withdrawal item.' });
  else {
    blocks.push({ kind: 'p', text: WITHDRAWAL_STATUSES.map((s) => `${WITHDRAWAL_STATUS_LABELS[s]}: ${g.withdrawals.counts[s] ?? 0}`).join('; ') + '.' });
    blocks.push({
      kind: 'table',
      head: ['Item', 'Phase', 'Deadline', 'Status', 'Since'],
      rows: g.withdrawals.items.map((w) => [w.label, w.phaseName, w.deadline, WITHDRAWAL_STATUS_LABELS[w.status as keyof typeof WITHDRAWAL_STATUS_LABELS] ?? w.status, w.since ?? '—']),
    });
  }
  blocks.push({ kind: 'h', text: 'Indicators against target (their sources under Sources)' });
  if (g.indicators.length === 0) blocks.push({ kind: 'empty', text: 'No indicator.' });
  else {
    const cmp: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=' };
    blocks.push({
      kind: 'table',
      head: ['Indicator', 'Target', 'Latest', 'At target', 'Streak'],
      rows: g.indicators.map((i) => [
        `${i.name} (${i.unit})`,
        `${cmp[i.comparison] ?? i.comparison} ${formatNumber(i.target, 2)} per ${i.period}`,
        i.latest ? `${formatNumber(i.latest.value, 2)} on ${i.latest.observedOn}` : 'no observation',
        i.latest ? (i.met ? 'yes' : 'no') : '—',
        i.streakPeriods > 0 ? `${i.streakPeriods} ${i.period}${i.streakPeriods === 1 ? '' : 's'} since ${i.since ?? '—'}` : 'none',
      ]),
    });
  }
  return { id: 'ground', title: 'The ground', blocks };
}

function forceSection(brief: Brief): Section {
  const f = brief.force;
  const blocks: Block[] = [];
  if (f.illustrative) blocks.push({ kind: 'p', text: 'Illustrative: some of the force and funding rows are not reported figures.' });
  if (f.requirements.length === 0) blocks.push({ kind: 'empty', text: 'No force requirement.' });
  else {
    blocks.push({ kind: 'p', text: `Personnel: ${formatNumber(f.totals.covered)} of ${formatNumber(f.totals.required)} required are covered; gap ${formatNumber(f.totals.gap)}.` });
    blocks.push({
      kind: 'table',
      head: ['Requirement', 'Required', 'Covered', 'Gap'],
      rows: f.requirements.map((r) => [r.label, formatNumber(r.required), formatNumber(r.covered), formatNumber(r.gap)]),
      numeric: [1, 2, 3],
    });
  }
  const m = f.funding;
  if (m.budget === 0 && m.pledged === 0) blocks.push({ kind: 'empty', text: 'No budget or funding recorded.' });
  else {
    blocks.push({
      kind: 'table',
      head: ['Budget', 'Pledged', 'Committed', 'Disbursed', 'Commitment gap', 'Disbursement gap'],
      rows: [[m.budget, m.pledged, m.committed, m.disbursed, m.commitmentGap, m.disbursementGap].map((n) => formatNumber(n, 2))],
      numeric: [0, 1, 2, 3, 4, 5],
    });
  }
  return { id: 'force', title: 'Force gaps and funding', blocks };
}

const interval = (c: { expected: number; low: number; high: number }) => `${formatNumber(c.expected, 1)} (${formatNumber(c.low, 1)}–${formatNumber(c.high, 1)})`;

function forecastBlocks(f: BriefForecast): Block[] {
  const e = f.escalation;
  const blocks: Block[] = [{ kind: 'h', text: 'Escalation (verified incidents)' }];
  if (!e.fitted) blocks.push({ kind: 'empty', text: `No escalation model: ${sentence(e.reason ?? 'not fitted')}` });
  else {
    blocks.push({
      kind: 'p',
      text: `${e.events} verified incidents; branching ratio ${e.branchingRatio === null ? '—' : formatNumber(e.branchingRatio, 2)} (at or above 1 the process escalates on its own). Expected incidents with their 80 % interval (seed ${f.seed}):`,
    });
    blocks.push({ kind: 'table', head: ['Next days', 'Expected (80 % interval)'], rows: e.forecast.map((x) => [String(x.days), interval(x.total)]), numeric: [0] });
  }
  for (const s of f.series) {
    blocks.push({ kind: 'h', text: s.label });
    // An indicator's source is long and already under Sources.
    const source = s.key.startsWith('indicator:') ? "the indicator's observations (see Sources)." : sentence(s.source);
    blocks.push({ kind: 'p', text: `${s.days} days with a value${s.last ? `, the last ${formatNumber(s.last.value, 2)} on ${s.last.day}` : ''}. Source: ${source}` });
    if (!s.fitted) {
      blocks.push({ kind: 'empty', text: `No forecast: ${sentence(s.reason ?? 'not fitted')}` });
      continue;
    }
    blocks.push({ kind: 'table', head: ['Next days', 'Expected (80 % interval)'], rows: s.forecast.map((x) => [String(x.days), interval(x)]), numeric: [0] });
    if (s.backtest.length > 0) {
      blocks.push({
        kind: 'table',
        head: ['Horizon', 'Forecasts', 'MAE model / no-change', 'CRPS model / no-change', 'Beats no-change'],
        rows: s.backtest.map((b) => [
          `${b.horizon} d`,
          String(b.n),
          `${formatNumber(b.model.mae, 2)} / ${formatNumber(b.noChange.mae, 2)}`,
          `${formatNumber(b.model.crps, 2)} / ${formatNumber(b.noChange.crps, 2)}`,
          b.beatsNoChange.mae && b.beatsNoChange.crps ? 'yes' : b.beatsNoChange.mae || b.beatsNoChange.crps ? `on ${b.beatsNoChange.mae ? 'MAE' : 'CRPS'} only` : 'no',
        ]),
      });
    }
  }
  return blocks;
}

function riskBlocks(r: BriefRisk): Block[] {
  return [
    { kind: 'p', text: r.score === null ? 'No score: no part has data.' : `Score ${formatNumber(r.score, 0)} of 100: the weighted mean of the parts with data.` },
    {
      kind: 'table',
      head: ['Part', 'Value', 'Score', 'Weight', 'Points', 'Source'],
      rows: r.parts.map((p) => [p.label, p.value, p.score === null ? 'no data' : formatNumber(p.score, 2), formatNumber(p.weight, 1), p.contribution === null ? '—' : formatNumber(p.contribution, 1), p.source]),
      numeric: [2, 3, 4],
      widths: [14, 32, 7, 8, 8, 31],
    },
    { kind: 'list', items: r.parts.map((p) => `${p.label}: ${p.explanation}`) },
  ];
}

function precedentsBlocks(p: BriefPrecedents): Block[] {
  const survival = (s: BriefSurvival) => [s.label, formatNumber(s.n), formatNumber(s.events), s.median === null ? 'fewer than half ended' : formatNumber(s.median), s.oneYear === null ? '—' : pct(s.oneYear)];
  return [
    { kind: 'p', text: `How agreements with the same kinds of provisions fared: ${p.source.dataset.includes(p.source.version) ? p.source.dataset : `${p.source.dataset} v${p.source.version}`}, agreements followed to ${p.source.dataEnd}.` },
    p.categories.length === 0
      ? { kind: 'empty', text: 'No provision of this agreement to link to UCDP provisions.' }
      : {
          kind: 'table',
          head: ['Provisions here', 'Count', 'Nearest UCDP provision', 'How near'],
          rows: p.categories.map((c) => [c.label, String(c.provisions), c.ucdp.map((u) => `${u.label} (${u.key})`).join('; ') || 'none', c.note]),
          numeric: [1],
        },
    {
      kind: 'table',
      head: ['Precedents', 'Agreements', 'Ended', 'Median days to end', 'In force after a year'],
      rows: [p.stabilization.with, p.stabilization.without, ...(p.allLinked ? [p.allLinked] : [])].map(survival),
      numeric: [1, 2, 3],
    },
  ];
}

const unavailable = (section: { reason: string | null }): Block[] => [{ kind: 'empty', text: `Not available: ${section.reason ?? 'no data'}` }];

/** Every section of the brief in order; empty ones say so. */
export function briefSections(brief: Brief): Section[] {
  const { forecast, risk, precedents } = brief;
  return [
    { id: 'headline', title: 'Headline', blocks: [{ kind: 'p', text: brief.headline }, { kind: 'list', items: [...brief.facts] }] },
    matrixSection(brief),
    negotiationSection(brief),
    roundsSection(brief),
    groundSection(brief),
    forceSection(brief),
    { id: 'forecast', title: 'Forecast', blocks: forecast.view ? forecastBlocks(forecast.view) : unavailable(forecast) },
    { id: 'risk', title: 'Collapse risk', blocks: risk.view ? riskBlocks(risk.view) : unavailable(risk) },
    { id: 'precedents', title: 'Precedents', blocks: precedents.view ? precedentsBlocks(precedents.view) : unavailable(precedents) },
    { id: 'notes', title: 'How to read this brief', blocks: [{ kind: 'list', items: [...brief.notes] }] },
    {
      id: 'sources',
      title: 'Sources',
      blocks: [{ kind: 'list', items: brief.sources.map((s) => `${s.label}: ${sentence(s.detail)}${s.licence ? ` Licence: ${s.licence}.` : ''}`) }],
    },
  ];
}

/** The line under the title: the day, the zone, whose view and the agreement's status. */
export function briefSubtitle(brief: Brief): string {
  return `As of the end of ${brief.asOf} (${brief.agreement.timeZone}) · the view of ${brief.audience.label} · status ${brief.agreement.status.replace(/_/g, ' ')}`;
}
