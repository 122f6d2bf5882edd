/**
 * A negotiated document: its agreed share, sections and numbered clauses with their bracket groups,
 * the stances the reader may see, filters kept in the address bar, the forms for those who may write,
 * and the diff between two revisions. The page follows the document live (useDocumentEvents).
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AgreementView, ClauseView, DocumentView, PartyView } from '../../../src/contract/index.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { useAgreementSummary } from '../agreements/summary.api.ts';
import { negotiationAbilities, type NegotiationAbilities } from '../auth/abilities.ts';
import { useSession } from '../auth/session.ts';
import { ApiError } from '../shared/api.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { Notice } from '../shared/Notice.tsx';
import { ErrorState, Loading } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { ClauseCard, clauseGroups, clauseName, type ClauseAction } from './ClauseCard.tsx';
import { ClauseEditForm } from './ClauseEditForm.tsx';
import { ConsensusBar } from './ConsensusBar.tsx';
import { ClauseDiff, DocumentDiff } from './DiffView.tsx';
import { ClauseFiltersBar, useClauseFilters } from './ClauseFiltersBar.tsx';
import { anyClauseFilter, clauseDeadline, matchesClauseFilters } from './filters.ts';
import { documentExportUrl, useDocument } from './negotiation.api.ts';
import { StanceForm } from './StanceForm.tsx';
import { StanceHistory } from './StanceHistory.tsx';
import { useDocumentEvents, type LiveState } from './useDocumentEvents.ts';
import './negotiation.css';

/** Keyed by slug and id, so that moving to another document starts with a fresh page state. */
export function DocumentRoute() {
  const { slug = '', id = '' } = useParams();
  return <DocumentPageFrame key={`${slug}/${id}`} slug={slug} id={id} />;
}

function DocumentPageFrame({ slug, id }: { slug: string; id: string }) {
  const session = useSession();
  const summary = useAgreementSummary(slug);
  const document = useDocument(slug, id);
  const live = useDocumentEvents(slug, id);

  if (summary.isPending || document.isPending) return <Loading label="Loading the document…" />;
  if (summary.isError || document.isError) {
    const error = summary.error ?? document.error;
    const notFound = error instanceof ApiError && error.isNotFound;
    return (
      <section className="page">
        <title>{notFound ? 'Not found · Phaseline' : 'Document · Phaseline'}</title>
        {notFound && summary.isError ? (
          <AgreementNotFound slug={slug} />
        ) : notFound ? (
          <div className="state state-empty">
            <p className="state-title">No such document</p>
            <Link to={`/agreements/${slug}`}>Back to the agreement</Link>
          </div>
        ) : (
          <ErrorState error={error} title="Could not load this document" onRetry={() => void Promise.all([summary.refetch(), document.refetch()])} />
        )}
      </section>
    );
  }
  const { agreement, parties } = summary.data;
  const can = negotiationAbilities(session.principal, agreement, parties.map((p) => p.id));
  return (
    <DocumentPage
      agreement={agreement}
      parties={parties}
      document={document.data}
      refreshing={document.isFetching}
      reload={async () => (await document.refetch()).data}
      can={can}
      live={live}
    />
  );
}

const EXPORTS = [
  { format: 'md', label: 'Markdown' },
  { format: 'docx', label: 'Word (DOCX)' },
  { format: 'pdf', label: 'PDF' },
] as const;

type Open = { clause: ClauseView; action: ClauseAction } | { clause: null; action: { kind: 'document-diff' } };

interface DocumentPageProps {
  agreement: AgreementView;
  parties: PartyView[];
  document: DocumentView;
  refreshing: boolean;
  reload: () => Promise<DocumentView | undefined>;
  can: NegotiationAbilities;
  live: LiveState;
}

function DocumentPage({ agreement, parties, document, refreshing, reload, can, live }: DocumentPageProps) {
  const slug = agreement.slug;
  const timeZone = agreement.timeZone;
  const [filters, setFilters] = useClauseFilters();
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [now] = useState(() => new Date());
  const partyName = (partyId: string) => parties.find((p) => p.id === partyId)?.name;
  const stanceParties = parties.filter((p) => can.stanceParties.includes(p.id));
  const shown = document.clauses.filter((c) => matchesClauseFilters(c, document, filters, now, timeZone));
  const close = () => setOpen(null);
  const saved = (message: string) => {
    setNotice(message);
    setOpen(null);
  };

  // Clauses before the first heading, then each section's, in order. A heading with no clause under
  // it stays (it frames the ones below) unless filters are on, or it only repeats the document's title.
  const blocks = [
    { section: null, clauses: shown.filter((c) => c.sectionId === null) },
    ...[...document.sections].sort((a, b) => a.position - b.position).map((section) => ({ section, clauses: shown.filter((c) => c.sectionId === section.id) })),
  ].filter(({ section, clauses }) => clauses.length > 0 || (section !== null && !anyClauseFilter(filters) && section.title !== document.title));

  return (
    <article className="page document-page">
      <title>{`${document.title} · ${agreement.title} · Phaseline`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/agreements/${slug}`} dir="auto">
          {agreement.title}
        </Link>{' '}
        › Negotiated texts
      </nav>
      <header className="document-head">
        <h1 dir="auto">{document.title}</h1>
        <LiveIndicator state={live} />
      </header>
      <p className="meta">
        {document.deadline ? (
          <>
            Deadline <ZonedTime iso={document.deadline} timeZone={timeZone} />
          </>
        ) : (
          'No deadline'
        )}{' '}
        · revision {document.revision} · {document.clauseCount} clauses{refreshing ? ' · refreshing…' : ''}
      </p>
      <ConsensusBar consensus={document.consensus} />
      <div className="document-tools">
        <button type="button" className="button" onClick={() => setOpen({ clause: null, action: { kind: 'document-diff' } })}>
          Compare revisions
        </button>
        <nav aria-label="Download the document" className="document-downloads">
          Download:{' '}
          {EXPORTS.map(({ format, label }, i) => (
            <span key={format}>
              {i > 0 ? ' · ' : ''}
              <a href={documentExportUrl(slug, document.id, format)} download>
                {label}
              </a>
            </span>
          ))}
        </nav>
      </div>

      <ClauseFiltersBar filters={filters} parties={parties} onChange={setFilters} />
      <p className="muted" role="status" aria-live="polite">
        {anyClauseFilter(filters) ? `Showing ${shown.length} of ${document.clauses.length} clauses.` : `${document.clauses.length} clauses.`}
      </p>

      {blocks.map(({ section, clauses }) => (
        <section key={section?.id ?? 'preamble'} className="document-section" aria-label={section?.title ?? 'Before the first heading'}>
          {section ? (
            <h2 className={`section-level-${Math.min(section.level, 4)}`} dir="auto">
              {section.title}
            </h2>
          ) : null}
          {clauses.length > 0 ? (
            <ol className="clause-list">
              {clauses.map((clause) => {
                const deadline = clauseDeadline(clause, document);
                return (
                  <li key={clause.id}>
                    <ClauseCard
                      slug={slug}
                      documentId={document.id}
                      clause={clause}
                      deadline={deadline}
                      deadlineIsDocument={clause.deadline === null && deadline !== null}
                      timeZone={timeZone}
                      parties={parties}
                      partyName={partyName}
                      canStateStances={stanceParties.length > 0 && can.stanceAudiences.length > 0}
                      documentWrite={can.documentWrite}
                      onAction={(c, action) => setOpen({ clause: c, action })}
                      onChanged={setNotice}
                    />
                  </li>
                );
              })}
            </ol>
          ) : null}
        </section>
      ))}

      {open ? (
        <OpenDialog
          open={open}
          slug={slug}
          document={document}
          timeZone={timeZone}
          parties={parties}
          stanceParties={stanceParties}
          can={can}
          reload={reload}
          onSaved={saved}
          onClose={close}
        />
      ) : null}
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </article>
  );
}

function LiveIndicator({ state }: { state: LiveState }) {
  const text = state === 'live' ? 'Live' : state === 'connecting' ? 'Connecting…' : 'Not live: reload to see changes';
  return (
    <span className={`live live-${state}`} role="status" title={state === 'live' ? 'Changes others make appear here without a reload' : undefined}>
      <span className="live-dot" aria-hidden="true" />
      {text}
    </span>
  );
}

interface OpenDialogProps {
  open: Open;
  slug: string;
  document: DocumentView;
  timeZone: string;
  parties: PartyView[];
  stanceParties: PartyView[];
  can: NegotiationAbilities;
  reload: () => Promise<DocumentView | undefined>;
  onSaved: (message: string) => void;
  onClose: () => void;
}

function OpenDialog({ open, slug, document, timeZone, parties, stanceParties, can, reload, onSaved, onClose }: OpenDialogProps) {
  if (open.clause === null) {
    return (
      <Dialog title={`Compare revisions of ${document.title}`} onClose={onClose}>
        <DocumentDiff slug={slug} documentId={document.id} revision={document.revision} />
      </Dialog>
    );
  }
  const { clause, action } = open;
  const name = clauseName(clause);
  if (action.kind === 'stance') {
    return (
      <Dialog title={`State a stance on ${name}`} onClose={onClose}>
        <StanceForm
          slug={slug}
          documentId={document.id}
          clauseId={clause.id}
          timeZone={timeZone}
          groups={clauseGroups(clause)}
          groupKey={action.groupKey}
          parties={stanceParties}
          audiences={can.stanceAudiences}
          onSaved={onSaved}
          onCancel={onClose}
        />
      </Dialog>
    );
  }
  if (action.kind === 'edit') {
    return (
      <Dialog title={`Edit ${name}`} onClose={onClose}>
        <ClauseEditForm
          slug={slug}
          documentId={document.id}
          clause={clause}
          reload={async () => (await reload())?.clauses.find((c) => c.id === clause.id)}
          onSaved={onSaved}
          onCancel={onClose}
        />
      </Dialog>
    );
  }
  return (
    <Dialog title={`Versions of ${name}`} onClose={onClose}>
      <ClauseDiff slug={slug} documentId={document.id} clauseId={clause.id} timeZone={timeZone} />
      <StanceHistory slug={slug} documentId={document.id} clause={clause} parties={parties} timeZone={timeZone} />
    </Dialog>
  );
}
