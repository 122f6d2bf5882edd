/**
 * An agreement's page: header, parties, phase timeline, the Strategic Matrix with its editors,
 * pillars, notes, and for the roles that may, a link to the audit log and the members. Controls a
 * role may not use are not shown (the role matrix of src/core/access.ts); the server refuses them anyway.
 */
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { MatrixView, PhaseView, ProvisionView } from '../../../src/contract/index.ts';
import { MembersSection } from '../admin/MembersSection.tsx';
import { agreementAbilities, negotiationAbilities } from '../auth/abilities.ts';
import { useSession } from '../auth/session.ts';
import { useMatrix } from '../matrix/matrix.api.ts';
import { PillarsSummary } from '../matrix/PillarsSummary.tsx';
import { formatScore } from '../matrix/ProgressBar.tsx';
import { StatusLegend } from '../matrix/StatusBadge.tsx';
import { ClauseBottlenecks } from '../matrix/ClauseBottlenecks.tsx';
import { ForceBottlenecks } from '../matrix/GateSummary.tsx';
import { StrategicMatrix } from '../matrix/StrategicMatrix.tsx';
import { DocumentsSection } from '../negotiation/DocumentsSection.tsx';
import { AgreementPrecedentsSection } from '../precedents/AgreementPrecedents.tsx';
import { NotesSection } from '../notes/NotesSection.tsx';
import { PhaseForm } from '../phases/PhaseForm.tsx';
import { ProvisionForm } from '../provisions/ProvisionForm.tsx';
import { ApiError } from '../shared/api.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { Notice } from '../shared/Notice.tsx';
import { ErrorState, Loading } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { PhaseTimeline } from '../timeline/PhaseTimeline.tsx';
import { AgreementHeader } from './AgreementHeader.tsx';
import { AgreementNotFound } from './AgreementNotFound.tsx';
import { PartiesList } from './PartiesList.tsx';
import { PublishToggle } from './PublishToggle.tsx';

type Editor =
  | { kind: 'phase'; phase: PhaseView | null }
  | { kind: 'provision'; provision: ProvisionView | null; phaseId: string };

function noticeFromState(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string') return state.notice;
  return null;
}

/** Keyed by slug, so that moving to another agreement starts with a fresh page state. */
export function AgreementRoute() {
  const { slug = '' } = useParams();
  return <AgreementPage key={slug} slug={slug} />;
}

function AgreementPage({ slug }: { slug: string }) {
  const location = useLocation();
  const session = useSession();
  const matrix = useMatrix(slug);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [notice, setNotice] = useState<string | null>(() => noticeFromState(location.state));

  if (matrix.isPending) return <Loading label="Loading the agreement…" />;
  if (matrix.isError) {
    const notFound = matrix.error instanceof ApiError && matrix.error.isNotFound;
    return (
      <section className="page">
        <title>Agreement not found · Phaseline</title>
        {notFound ? (
          <AgreementNotFound slug={slug} />
        ) : (
          <ErrorState error={matrix.error} title="Could not load this agreement" onRetry={() => void matrix.refetch()} />
        )}
      </section>
    );
  }

  const data = matrix.data;
  const can = agreementAbilities(
    session.principal,
    data.agreement,
    data.parties.map((p) => p.id),
  );
  const provisions = data.rows.flatMap((r) => r.realities);
  const close = () => setEditor(null);
  const saved = (message: string) => {
    setNotice(message);
    setEditor(null);
  };

  return (
    <article className="page agreement-page">
      <title>{`${data.agreement.title} · Phaseline`}</title>
      <AgreementHeader agreement={data.agreement} />
      {can.publish ? <PublishToggle agreement={data.agreement} onChanged={setNotice} /> : null}
      <nav aria-label="Monitoring" className="subnav">
        <Link to={`/agreements/${slug}/since`}>What changed</Link>
        <Link to={`/agreements/${slug}/map`}>Map</Link>
        <Link to={`/agreements/${slug}/incidents`}>Incidents</Link>
        <Link to={`/agreements/${slug}/force`}>Stabilization force</Link>
        <Link to={`/agreements/${slug}/ground`}>Ground</Link>
        <Link to={`/agreements/${slug}/risk`}>Collapse risk and forecast</Link>
        <Link to={`/agreements/${slug}/brief`}>Situation brief</Link>
        {can.auditRead ? <Link to={`/agreements/${slug}/audit`}>Audit log</Link> : null}
      </nav>

      <section aria-labelledby="parties-heading" className="section">
        <h2 id="parties-heading">Parties</h2>
        <PartiesList parties={data.parties} />
      </section>

      <section aria-labelledby="timeline-heading" className="section">
        <h2 id="timeline-heading">Phase timeline</h2>
        <PhaseTimeline matrix={data} />
      </section>

      <section aria-labelledby="matrix-heading" className="section">
        <div className="section-head">
          <h2 id="matrix-heading">Strategic Matrix</h2>
          {can.structureWrite ? (
            <button type="button" className="button" onClick={() => setEditor({ kind: 'phase', phase: null })}>
              + Add phase
            </button>
          ) : null}
        </div>
        <MatrixSummary matrix={data} refreshing={matrix.isFetching} />
        <StrategicMatrix
          matrix={data}
          labelledBy="matrix-heading"
          actions={{
            onAddPhase: can.structureWrite ? () => setEditor({ kind: 'phase', phase: null }) : undefined,
            onEditPhase: can.structureWrite ? (phase) => setEditor({ kind: 'phase', phase }) : undefined,
            onAddProvision: can.provisionWrite ? (phase) => setEditor({ kind: 'provision', provision: null, phaseId: phase.id }) : undefined,
            onEditProvision: can.provisionWrite ? (provision) => setEditor({ kind: 'provision', provision, phaseId: provision.phaseId }) : undefined,
          }}
        />
        <ClauseBottlenecks matrix={data} />
        <ForceBottlenecks matrix={data} />
        <StatusLegend />
      </section>

      <section aria-labelledby="pillars-heading" className="section">
        <h2 id="pillars-heading">Pillars</h2>
        <PillarsSummary matrix={data} labelledBy="pillars-heading" />
      </section>

      <AgreementPrecedentsSection slug={slug} />

      <DocumentsSection
        slug={slug}
        timeZone={data.agreement.timeZone}
        documentWrite={negotiationAbilities(session.principal, data.agreement, []).documentWrite}
        onChanged={setNotice}
      />

      <NotesSection
        slug={slug}
        timeZone={data.agreement.timeZone}
        parties={data.parties}
        provisions={provisions}
        noteParties={can.noteParties}
        noteAudiences={can.noteAudiences}
        writeNote={can.writeNote}
        onChanged={setNotice}
      />
      {can.membersManage ? <MembersSection slug={slug} parties={data.parties} onChanged={setNotice} /> : null}

      {editor ? <EditorDialog editor={editor} matrix={data} onSaved={saved} onClose={close} /> : null}
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </article>
  );
}

function MatrixSummary({ matrix, refreshing }: { matrix: MatrixView; refreshing: boolean }) {
  const { totals, asOf, agreement } = matrix;
  return (
    <p className="matrix-summary">
      <span>
        {totals.total} provisions · {totals.bottlenecks} open bottlenecks · overall score {formatScore(totals.score)}
      </span>
      <span className="muted">
        As of <ZonedTime iso={asOf} timeZone={agreement.timeZone} />
        {refreshing ? ' · refreshing…' : ''}
      </span>
    </p>
  );
}

function EditorDialog(props: { editor: Editor; matrix: MatrixView; onSaved: (message: string) => void; onClose: () => void }) {
  const { editor, matrix, onSaved, onClose } = props;
  const slug = matrix.agreement.slug;
  if (editor.kind === 'phase') {
    return (
      <Dialog title={editor.phase ? `Edit phase: ${editor.phase.name}` : 'Add a phase'} onClose={onClose}>
        <PhaseForm slug={slug} phase={editor.phase} onSaved={onSaved} onCancel={onClose} />
      </Dialog>
    );
  }
  const p = editor.provision;
  const title = p ? `Edit provision ${p.code || `“${p.title}”`}` : 'Add a provision';
  return (
    <Dialog title={title} onClose={onClose}>
      <ProvisionForm
        context={{
          slug,
          timeZone: matrix.agreement.timeZone,
          phases: matrix.rows.map((r) => r.phase),
          pillars: matrix.pillars.map((p) => p.pillar),
          parties: matrix.parties,
        }}
        provision={p}
        phaseId={editor.phaseId}
        onSaved={onSaved}
        onCancel={onClose}
      />
    </Dialog>
  );
}
