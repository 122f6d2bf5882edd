/**
 * A phase's gate (docs/GATES.md): the checklist as the reader sees it (each condition met or not, in
 * words, why, since when, and what it was judged on, linked), whether the gate passes, the phase's
 * advances, and for those who may: advancing (or overriding a failing gate with a reason) and
 * editing the conditions.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AgreementView, PhaseGateView, PhaseView } from '../../../src/contract/index.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { useAgreementSummary } from '../agreements/summary.api.ts';
import { gateForceAbilities, type GateForceAbilities } from '../auth/abilities.ts';
import { useSession } from '../auth/session.ts';
import { PhaseStatusBadge } from '../matrix/StatusBadge.tsx';
import { ApiError } from '../shared/api.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { Notice } from '../shared/Notice.tsx';
import { EmptyState, ErrorState, Loading } from '../shared/states.tsx';
import { formatDate } from '../shared/time.ts';
import { AdvanceSection } from './AdvanceSection.tsx';
import { GateChecklist } from './GateChecklist.tsx';
import { GateConditionsForm } from './GateConditionsForm.tsx';
import { useGate } from './gates.api.ts';
import { TransitionsSection } from './TransitionsSection.tsx';
import './gates.css';

/** Keyed by slug and phase, so that moving to another gate starts with a fresh page state. */
export function GateRoute() {
  const { slug = '', phaseId = '' } = useParams();
  return <GatePageFrame key={`${slug}/${phaseId}`} slug={slug} phaseId={phaseId} />;
}

function GatePageFrame({ slug, phaseId }: { slug: string; phaseId: string }) {
  const session = useSession();
  const summary = useAgreementSummary(slug);
  const gate = useGate(slug, phaseId);

  if (summary.isPending || gate.isPending) return <Loading label="Loading the gate…" />;
  if (summary.isError || gate.isError) {
    const error = summary.error ?? gate.error;
    const notFound = error instanceof ApiError && error.isNotFound;
    return (
      <section className="page">
        <title>{notFound ? 'Not found · Phaseline' : 'Gate · Phaseline'}</title>
        {notFound && summary.isError ? (
          <AgreementNotFound slug={slug} />
        ) : notFound ? (
          <EmptyState title="No such phase">
            <Link to={`/agreements/${slug}`}>Back to the agreement</Link>
          </EmptyState>
        ) : (
          <ErrorState error={error} title="Could not load this gate" onRetry={() => void Promise.all([summary.refetch(), gate.refetch()])} />
        )}
      </section>
    );
  }
  const { agreement, parties, phases } = summary.data;
  const can = gateForceAbilities(session.principal, agreement, parties.map((p) => p.id));
  return <GatePage agreement={agreement} phases={phases} view={gate.data} refreshing={gate.isFetching} can={can} />;
}

interface GatePageProps {
  agreement: AgreementView;
  phases: PhaseView[];
  view: PhaseGateView;
  refreshing: boolean;
  can: GateForceAbilities;
}

function GatePage({ agreement, phases, view, refreshing, can }: GatePageProps) {
  const slug = agreement.slug;
  const { phase, gate, evaluation } = view;
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const met = evaluation.conditions.filter((c) => c.met).length;
  const total = evaluation.conditions.length;

  return (
    <article className="page gate-page">
      <title>{`Gate to ${phase.name} · ${agreement.title} · Phaseline`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/agreements/${slug}`} dir="auto">
          {agreement.title}
        </Link>{' '}
        › Phase {phase.ordinal} › Gate
      </nav>
      <header className="gate-head">
        <h1 dir="auto">Gate to Phase {phase.ordinal}: {phase.name}</h1>
        <PhaseStatusBadge status={phase.status} />
      </header>
      {phase.objective ? (
        <p className="muted" dir="auto">
          {phase.objective}
        </p>
      ) : null}

      <section aria-labelledby="gate-verdict-heading" className="section">
        <div className="section-head">
          <h2 id="gate-verdict-heading">Conditions</h2>
          {can.gateWrite ? (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {gate ? 'Edit conditions' : 'Set conditions'}
            </button>
          ) : null}
        </div>
        {gate === null ? (
          <EmptyState title="This phase has no gate.">
            <p>Nothing has to be true on the ground before it begins: it may be advanced at any time.</p>
          </EmptyState>
        ) : (
          <>
            <p className={`gate-verdict ${evaluation.passes ? 'gate-verdict-passes' : 'gate-verdict-fails'}`} role="status">
              <span aria-hidden="true" className="gate-verdict-icon">
                {evaluation.passes ? '✓' : '✗'}
              </span>
              {evaluation.passes ? 'The gate passes' : 'The gate fails'}: {met} of {total} {total === 1 ? 'condition' : 'conditions'} met.
            </p>
            <p className="muted">
              Evaluated on <time dateTime={view.today}>{formatDate(view.today)}</time> ({agreement.timeZone}) from what you may see
              {refreshing ? ' · refreshing…' : ''}.
            </p>
            {total === 0 ? <EmptyState title="The gate has no conditions: it passes." /> : <GateChecklist slug={slug} evaluation={evaluation} />}
          </>
        )}
      </section>

      {can.phaseAdvance ? <AdvanceSection slug={slug} view={view} onAdvanced={setNotice} /> : null}

      <TransitionsSection slug={slug} phaseId={phase.id} timeZone={agreement.timeZone} />

      {editing ? (
        <Dialog title={`Conditions of the gate to ${phase.name}`} onClose={() => setEditing(false)}>
          <GateConditionsForm
            slug={slug}
            phaseId={phase.id}
            gate={gate}
            phases={phases}
            onSaved={(message) => {
              setNotice(message);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </Dialog>
      ) : null}
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </article>
  );
}
