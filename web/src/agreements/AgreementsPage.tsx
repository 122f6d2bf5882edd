/** Home: the agreements, with search, status filter, sort and paging kept in the address bar. */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../../src/core/domain.ts';
import type { AgreementView } from '../../../src/contract/index.ts';
import { canCreateAgreements } from '../auth/abilities.ts';
import { useSession } from '../auth/session.ts';
import { SelectField, TextField } from '../shared/fields.tsx';
import { AGREEMENT_STATUS_LABELS, options } from '../shared/labels.ts';
import { Notice } from '../shared/Notice.tsx';
import { EmptyState, ErrorState, Loading } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { DeskCounts } from '../desk/DeskCounts.tsx';
import { AgreementCreateForm } from './AgreementCreateForm.tsx';
import { useAgreementList } from './agreements.api.ts';

export const PAGE_SIZE = 10;

const SORTS = [
  { value: 'title:asc', label: 'Title, A to Z' },
  { value: 'title:desc', label: 'Title, Z to A' },
  { value: 'updatedAt:desc', label: 'Recently updated' },
  { value: 'createdAt:desc', label: 'Newest first' },
  { value: 'createdAt:asc', label: 'Oldest first' },
  { value: 'slug:asc', label: 'Slug' },
] as const;

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...options(AGREEMENT_STATUS_LABELS)];

const isStatus = (value: string): value is AgreementStatus => (AGREEMENT_STATUSES as readonly string[]).includes(value);

function noticeFromState(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string') return state.notice;
  return null;
}

export function AgreementsPage() {
  const location = useLocation();
  const session = useSession();
  const [notice, setNotice] = useState<string | null>(() => noticeFromState(location.state));
  const creates = canCreateAgreements(session.principal);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const rawStatus = params.get('status') ?? '';
  const status = isStatus(rawStatus) ? rawStatus : '';
  const sortParam = params.get('sort') ?? '';
  const sortValue = SORTS.some((s) => s.value === sortParam) ? sortParam : 'title:asc';
  const [sort, order] = sortValue.split(':') as [string, string];
  const pageNumber = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const list = useAgreementList({ q, status, sort, order, limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE });

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const [draft, setDraft] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  // The address changed under the box (back button, "Clear filters"): show what it says now.
  if (q !== shownQ) {
    setShownQ(q);
    if (draft.trim() !== q) setDraft(q);
  }
  // Typing waits for a pause before it queries; Enter applies at once.
  useEffect(() => {
    const value = draft.trim();
    if (value === q) return;
    const timer = setTimeout(() => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set('q', value);
          else next.delete('q');
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [draft, q, setParams]);
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() });
  };

  const filtered = q !== '' || status !== '';
  const data = list.data;

  return (
    <div className="page home">
      <title>Agreements · Phaseline</title>
      <div className={creates ? 'home-grid' : 'home-single'}>
        <section aria-labelledby="agreements-heading">
          <h1 id="agreements-heading">Agreements</h1>
          <form className="toolbar" role="search" onSubmit={onSearch}>
            <TextField label="Search" inline type="search" placeholder="Title or slug" dir="auto" value={draft} onChange={setDraft} />
            <SelectField label="Status" inline value={status} onChange={(value) => update({ status: value })} options={STATUS_OPTIONS} />
            <SelectField
              label="Sort by"
              inline
              value={sortValue}
              onChange={(value) => update({ sort: value === 'title:asc' ? '' : value })}
              options={SORTS}
            />
          </form>

          {list.isPending ? (
            <Loading label="Loading agreements…" />
          ) : list.isError ? (
            <ErrorState error={list.error} title="Could not load the agreements" onRetry={() => void list.refetch()} />
          ) : data && data.items.length === 0 && data.total > 0 ? (
            <EmptyState title={`There is no page ${pageNumber}: the list has ${data.total} agreements.`}>
              <button type="button" className="button" onClick={() => update({ page: '' })}>
                First page
              </button>
            </EmptyState>
          ) : data && data.items.length === 0 ? (
            filtered ? (
              <EmptyState title="No agreement matches these filters.">
                <button type="button" className="button" onClick={() => update({ q: '', status: '' })}>
                  Clear filters
                </button>
              </EmptyState>
            ) : (
              <EmptyState title="No agreements yet.">
                <p>
                  {creates ? 'Create one with the form, or load' : session.user ? 'An administrator creates agreements, or loads' : 'Log in to see the agreements you hold a role on. An administrator can load'}{' '}
                  the illustrative Cairo 2026 scenario with <code>phaseline demo load</code>.
                </p>
              </EmptyState>
            )
          ) : data ? (
            <>
              <ul className="stack-list agreement-list" aria-busy={list.isFetching} aria-label="Agreements">
                {data.items.map((agreement) => (
                  <AgreementItem key={agreement.id} agreement={agreement} />
                ))}
              </ul>
              <Pager
                total={data.total}
                offset={data.offset}
                count={data.items.length}
                onPage={(n) => update({ page: n > 1 ? String(n) : '' })}
                pageNumber={pageNumber}
              />
            </>
          ) : null}
        </section>
        {creates ? (
          <aside aria-labelledby="create-heading" className="panel">
            <h2 id="create-heading">New agreement</h2>
            <AgreementCreateForm />
          </aside>
        ) : null}
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </div>
  );
}

function AgreementItem({ agreement }: { agreement: AgreementView }) {
  return (
    <li className="agreement-item">
      <div className="agreement-item-head">
        <Link to={`/agreements/${agreement.slug}`} className="agreement-link" dir="auto">
          {agreement.title}
        </Link>
        <span className={`pill agreement-status-${agreement.status}`}>{AGREEMENT_STATUS_LABELS[agreement.status]}</span>
        {agreement.illustrative ? <span className="pill pill-outline">Illustrative</span> : null}
      </div>
      {agreement.summary ? (
        <p className="agreement-summary" dir="auto">
          {agreement.summary}
        </p>
      ) : null}
      <DeskCounts slug={agreement.slug} />
      <p className="meta">
        <span className="mono">{agreement.slug}</span> · {agreement.timeZone} · updated <ZonedTime iso={agreement.updatedAt} timeZone={agreement.timeZone} />
      </p>
    </li>
  );
}

function Pager(props: { total: number; offset: number; count: number; pageNumber: number; onPage: (n: number) => void }) {
  const { total, offset, count, pageNumber, onPage } = props;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <nav className="pager" aria-label="Pages">
      <span>
        {count > 0 ? `${offset + 1}–${offset + count} of ${total}` : `0 of ${total}`}
      </span>
      <button type="button" className="button" disabled={pageNumber <= 1} onClick={() => onPage(pageNumber - 1)}>
        Previous page
      </button>
      <span>
        Page {pageNumber} of {pages}
      </span>
      <button type="button" className="button" disabled={pageNumber >= pages} onClick={() => onPage(pageNumber + 1)}>
        Next page
      </button>
    </nav>
  );
}
