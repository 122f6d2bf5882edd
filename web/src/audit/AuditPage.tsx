/**
 * An agreement's audit log, its own page (/agreements/:slug/audit): every change with who made it
 * and when (in the agreement's zone), in words, the records it names linked to their pages, filters
 * by actor, record kind, action and days (in the address), and each entry's link in the hash chain
 * for those who verify it. What the reader may not see is left out and not counted (the API's rule).
 */
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { AgreementView } from '../../../src/contract/index.ts';
import { can } from '../../../src/core/access.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { useAgreementSummary } from '../agreements/summary.api.ts';
import { loginPath } from '../auth/paths.ts';
import { useSession } from '../auth/session.ts';
import { currentSearch } from '../shared/address.ts';
import { ApiError } from '../shared/api.ts';
import { EmptyState, ErrorState, Loading } from '../shared/states.tsx';
import { useAuditPage } from './audit.api.ts';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import { AuditTable } from './AuditTable.tsx';
import { AUDIT_PAGE_SIZE, auditQuery, dateRangeProblem, filtersFromSearch, isFiltered, NO_FILTERS, searchOf, type AuditFilters } from './filters.ts';
import './audit.css';

/** Keyed by slug, so that moving to another agreement starts with a fresh page state. */
export function AuditRoute() {
  const { slug = '' } = useParams();
  return <AuditPageFrame key={slug} slug={slug} />;
}

function AuditPageFrame({ slug }: { slug: string }) {
  const session = useSession();
  const summary = useAgreementSummary(slug);

  if (summary.isPending || session.query.isPending) return <Loading label="Loading the audit log…" />;
  if (summary.isError) {
    return (
      <section className="page">
        <title>Audit log · Phaseline</title>
        {summary.error instanceof ApiError && summary.error.isNotFound ? (
          <AgreementNotFound slug={slug} />
        ) : (
          <ErrorState error={summary.error} title="Could not load this agreement" onRetry={() => void summary.refetch()} />
        )}
      </section>
    );
  }
  const { agreement } = summary.data;
  return (
    <article className="page audit-page">
      <title>{`Audit log · ${agreement.title} · Phaseline`}</title>
      <p className="eyebrow">
        <Link to={`/agreements/${encodeURIComponent(slug)}`} dir="auto">
          {agreement.title}
        </Link>
      </p>
      <h1>Audit log</h1>
      <p className="audit-intro">
        Every change to this agreement: who made it, when, and what changed. Times are shown, and days filtered, in the agreement’s time
        zone, {agreement.timeZone}; each time’s tooltip gives yours.
      </p>
      <VerifyHelp />
      {can(session.principal, 'audit:read', agreement) ? <AuditLog slug={slug} agreement={agreement} /> : <AuditClosed loggedIn={session.user !== null} />}
    </article>
  );
}

function AuditLog({ slug, agreement }: { slug: string; agreement: AgreementView }) {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const rangeProblem = dateRangeProblem(filters);
  const page = useAuditPage(slug, auditQuery(filters, agreement.timeZone), rangeProblem === null);
  // Built on the address as it is now, not as last rendered: two changes in one tick keep both.
  const change = (patch: Partial<AuditFilters>) => setSearch(searchOf({ ...filtersFromSearch(currentSearch()), page: 1, ...patch }));
  const data = page.data;

  return (
    <section aria-labelledby="audit-entries-heading" className="section">
      <h2 id="audit-entries-heading" className="visually-hidden">
        Entries
      </h2>
      {data?.omitsConfidential ? (
        <p className="muted audit-omitted">
          Entries about work confidential to others (another party’s circle, the mediators only) are not shown and not counted here. The chain
          is still checked whole by <code>phaseline audit verify</code>.
        </p>
      ) : null}
      <AuditFiltersForm
        filters={filters}
        actors={data?.actors ?? []}
        entities={data?.entities ?? []}
        timeZone={agreement.timeZone}
        rangeProblem={rangeProblem}
        onChange={change}
        onClear={() => setSearch(searchOf({ ...NO_FILTERS, order: filters.order }))}
      />
      {rangeProblem ? null : page.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : page.isError ? (
        <ErrorState error={page.error} title="Could not load the audit log" onRetry={() => void page.refetch()} />
      ) : page.data.items.length === 0 ? (
        <EmptyState title={filters.page > 1 ? 'No entries on this page.' : isFiltered(filters) ? 'No entry matches these filters.' : 'No entries yet.'}>
          {filters.page > 1 ? (
            <button type="button" className="button" onClick={() => change({ page: 1 })}>
              Back to the first page
            </button>
          ) : isFiltered(filters) ? (
            <button type="button" className="button" onClick={() => setSearch(searchOf({ ...NO_FILTERS, order: filters.order }))}>
              Clear filters
            </button>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <AuditTable
            entries={page.data.items}
            names={page.data.names}
            timeZone={agreement.timeZone}
            order={filters.order}
            onOrder={(order) => change({ order })}
            busy={page.isFetching}
          />
          <nav className="pager" aria-label="Audit log pages">
            <span>
              {(filters.page - 1) * AUDIT_PAGE_SIZE + 1}–{(filters.page - 1) * AUDIT_PAGE_SIZE + page.data.items.length} of {page.data.total}{' '}
              {page.data.total === 1 ? 'entry' : 'entries'}
            </span>
            <button type="button" className="button" disabled={filters.page === 1} onClick={() => change({ page: filters.page - 1 })}>
              Previous
            </button>
            <button
              type="button"
              className="button"
              disabled={filters.page * AUDIT_PAGE_SIZE >= page.data.total}
              onClick={() => change({ page: filters.page + 1 })}
            >
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

/** How to check the chain: for those who verify, not only read. */
function VerifyHelp() {
  return (
    <details className="audit-verify">
      <summary>How to verify this log</summary>
      <p>
        Each entry holds the hash of the entry before it (the <em>Chain</em> column), so that changing or removing any entry breaks every
        link after it. On the server, <code>phaseline audit verify</code> recomputes the whole chain, every agreement’s entries included,
        and names the first entry altered, removed or added.
      </p>
      <p>
        To prove later that nothing up to a point was rewritten, keep an anchor somewhere else: <code>phaseline audit head</code> prints the
        newest one (or <code>GET /api/audit/head</code>), and <em>Copy anchor</em> on a row gives that entry’s. Then{' '}
        <code>phaseline audit verify --anchor &lt;seq&gt;:&lt;hash&gt;</code> checks that the log still holds it unchanged.
      </p>
    </details>
  );
}

/** For readers who may not read the log: why, and a way in. */
function AuditClosed({ loggedIn }: { loggedIn: boolean }) {
  const location = useLocation();
  return (
    <div className="state state-empty" role="note">
      <p className="state-title">{loggedIn ? 'The audit log is for the agreement’s mediators, monitors and party delegates' : 'Log in to see the audit log'}</p>
      <p>Who changed what, and when, is shown to those who hold one of these roles on this agreement.</p>
      {loggedIn ? null : (
        <Link className="button button-primary" to={loginPath(location.pathname + location.search)}>
          Log in
        </Link>
      )}
    </div>
  );
}
