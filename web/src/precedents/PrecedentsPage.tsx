/**
 * The precedents (docs/FORECAST.md): past peace agreements from the UCDP Peace Agreement Dataset,
 * searched, filtered and sorted with the filters in the address bar, and the Kaplan–Meier survival
 * of those with (and without) the chosen provisions beside every other agreement.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { PrecedentListView, PrecedentView } from '../../../src/contract/index.ts';
import { PA_TYPE_LABELS, UCDP_PROVISION_INFO, UCDP_PROVISIONS, type UcdpProvision } from '../../../src/core/precedents/vocabulary.ts';
import { SelectField, TextField } from '../shared/fields.tsx';
import { EmptyState, ErrorState, Loading, QueryStates } from '../shared/states.tsx';
import { usePrecedentList, usePrecedentSurvival } from './precedents.api.ts';
import { HORIZON_YEARS, SurvivalChart, SurvivalTable, type HorizonYears } from './SurvivalChart.tsx';
import { choiceOf, choose, parseProvisions, provisionLabel, type Choice } from './survivalChart.ts';
import './precedents.css';

const PAGE_SIZE = 25;
const SORTS = [
  { key: 'date', label: 'Date' },
  { key: 'name', label: 'Agreement' },
  { key: 'conflict', label: 'Conflict' },
] as const;
const TYPE_OPTIONS = [{ value: '', label: 'Any type' }, ...([1, 2, 3] as const).map((t) => ({ value: String(t), label: PA_TYPE_LABELS[t] }))];
const CHOICES: { value: Choice; label: string }[] = [
  { value: '', label: 'Either' },
  { value: 'with', label: 'With' },
  { value: 'without', label: 'Without' },
];
const GROUPS = [
  { key: 'military', label: 'Military' },
  { key: 'political', label: 'Political' },
  { key: 'territorial', label: 'Territorial' },
  { key: 'justice', label: 'Justice' },
  { key: 'process', label: 'Process' },
  { key: 'any', label: "UCDP's groupings" },
] as const;
const YEAR = /^\d{4}$/;
// The dataset's agreements are signed from 1975 to 2021.
const YEARS = Array.from({ length: 2021 - 1975 + 1 }, (_, i) => String(1975 + i)).map((y) => ({ value: y, label: y }));

export function PrecedentsRoute() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const conflict = params.get('conflict') ?? '';
  const type = ['1', '2', '3'].includes(params.get('type') ?? '') ? params.get('type')! : '';
  const from = YEAR.test(params.get('from') ?? '') ? params.get('from')! : '';
  const to = YEAR.test(params.get('to') ?? '') ? params.get('to')! : '';
  const withKeys = parseProvisions(params.get('with'));
  const withoutKeys = parseProvisions(params.get('without')).filter((k) => !withKeys.includes(k));
  const [sortKey, sortOrder] = (params.get('sort') ?? 'date:desc').split(':');
  const sort = SORTS.some((s) => s.key === sortKey) ? sortKey! : 'date';
  const order = sortOrder === 'asc' ? 'asc' : 'desc';
  const pageNumber = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const years: HorizonYears = HORIZON_YEARS.find((y) => y !== null && String(y) === params.get('years')) ?? null;

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const setProvisions = (k: UcdpProvision, choice: Choice) => {
    const next = choose(k, choice, withKeys, withoutKeys);
    update({ with: next.with.join(','), without: next.without.join(',') });
  };

  const provisionParams = { with: withKeys.join(',') || undefined, without: withoutKeys.join(',') || undefined };
  const list = usePrecedentList({
    q: q || undefined, conflict: conflict || undefined, type: type || undefined, from: from || undefined, to: to || undefined, ...provisionParams,
    sort, order, limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE,
  });
  const survival = usePrecedentSurvival(provisionParams);

  const [draft, setDraft] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    if (draft.trim() !== q) setDraft(q);
  }
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

  const filtered = q || conflict || type || from || to || withKeys.length || withoutKeys.length;
  const conflicts = list.data?.conflicts ?? [];

  return (
    <div className="page precedents">
      <title>Precedents · Phaseline</title>
      <h1>Precedents</h1>
      <p className="lead">
        How long past peace agreements held: {list.data ? list.data.source.dataset : 'the UCDP Peace Agreement Dataset'}, 374 agreements signed from 1975 to
        2021. An agreement counts as ended on the end date UCDP gives when it marks it ended; one not known to have ended (blank or False) is followed to the
        data’s end, 31 December 2021 (censored); one marked ended without a usable end date is left out, and counted.
      </p>

      <form className="toolbar precedents-filters" role="search" onSubmit={onSearch}>
        <TextField label="Search" inline type="search" placeholder="Agreement, conflict or party" value={draft} onChange={setDraft} />
        <SelectField
          label="Conflict"
          inline
          value={conflict}
          onChange={(value) => update({ conflict: value })}
          options={[{ value: '', label: 'Any conflict' }, ...conflicts.map((c) => ({ value: c.name, label: `${c.name} (${c.count})` })), ...(conflict && !conflicts.some((c) => c.name === conflict) ? [{ value: conflict, label: conflict }] : [])]}
        />
        <SelectField label="Type" inline value={type} onChange={(value) => update({ type: value })} options={TYPE_OPTIONS} />
        <SelectField label="From" inline value={from} onChange={(value) => update({ from: value })} options={[{ value: '', label: 'Any year' }, ...YEARS]} />
        <SelectField label="To" inline value={to} onChange={(value) => update({ to: value })} options={[{ value: '', label: 'Any year' }, ...YEARS]} />
        {filtered ? (
          <button type="button" className="button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear filters
          </button>
        ) : null}
      </form>

      <ProvisionChooser withKeys={withKeys} withoutKeys={withoutKeys} onChange={setProvisions} />

      <section aria-labelledby="survival-heading" className="section">
        <h2 id="survival-heading">How long they held</h2>
        <p className="muted">The curves follow the provisions chosen above only; the search, conflict, type and years narrow the list below.</p>
        <QueryStates query={survival} loading="Computing the survival curves…" failed="Could not compute the survival curves">
          {(view) =>
            view.selected.n === 0 ? (
              <EmptyState title="No agreement has these provisions together." />
            ) : (
              <div className="survival-grid">
                <div className="toolbar">
                <SelectField
                  label="Show"
                  inline
                  value={years === null ? '' : String(years)}
                  onChange={(value) => update({ years: value, page: params.get('page') ?? '' })}
                  options={HORIZON_YEARS.map((y) => ({ value: y === null ? '' : String(y), label: y === null ? 'Every year of the data' : `The first ${y === 1 ? 'year' : `${y} years`}` }))}
                />
                </div>
                <SurvivalChart view={view} years={years} />
                <SurvivalTable view={view} />
              </div>
            )
          }
        </QueryStates>
      </section>

      <section aria-labelledby="list-heading" className="section">
        <h2 id="list-heading">Agreements</h2>
        {list.isPending ? (
          <Loading label="Loading the agreements…" />
        ) : list.isError ? (
          <ErrorState error={list.error} title="Could not load the agreements" onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState title={list.data.total > 0 ? `There is no page ${pageNumber}.` : 'No agreement matches these filters.'}>
            <button type="button" className="button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <PrecedentTable data={list.data} busy={list.isFetching} sort={sort} order={order} onSort={(key) => update({ sort: key === sort ? `${key}:${order === 'asc' ? 'desc' : 'asc'}` : `${key}:${key === 'date' ? 'desc' : 'asc'}` })} />
        )}
        {list.data && list.data.total > 0 ? <Pager total={list.data.total} offset={list.data.offset} count={list.data.items.length} pageNumber={pageNumber} onPage={(n) => update({ page: n > 1 ? String(n) : '' })} /> : null}
      </section>

      <footer className="precedents-source muted">
        Source: UCDP Peace Agreement Dataset v22.1, Uppsala Conflict Data Program, licensed{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/" rel="license noreferrer">
          CC BY 4.0
        </a>
        . Pettersson, Högbladh & Öberg (2019), Organized violence, 1989–2018 and peace agreements, Journal of Peace Research 56(4). Provisions as UCDP codes them; the
        full texts are UCDP’s.
      </footer>
    </div>
  );
}

function ProvisionChooser(props: { withKeys: UcdpProvision[]; withoutKeys: UcdpProvision[]; onChange: (k: UcdpProvision, choice: Choice) => void }) {
  const chosen = props.withKeys.length + props.withoutKeys.length;
  return (
    <details className="provision-chooser" open={chosen > 0}>
      <summary>
        Provisions{chosen > 0 ? `: with ${props.withKeys.map(provisionLabel).join(', ') || 'any'}${props.withoutKeys.length ? `; without ${props.withoutKeys.map(provisionLabel).join(', ')}` : ''}` : ' (any)'}
      </summary>
      {GROUPS.map((g) => (
        <fieldset key={g.key} className="provision-group">
          <legend>{g.label}</legend>
          {UCDP_PROVISIONS.filter((k) => UCDP_PROVISION_INFO[k].group === g.key).map((k) => (
            <ProvisionSelect key={k} k={k} value={choiceOf(k, props.withKeys, props.withoutKeys)} onChange={(c) => props.onChange(k, c)} />
          ))}
        </fieldset>
      ))}
    </details>
  );
}

function ProvisionSelect({ k, value, onChange }: { k: UcdpProvision; value: Choice; onChange: (c: Choice) => void }) {
  const id = useId();
  return (
    <div className="provision-select">
      <label htmlFor={id} title={UCDP_PROVISION_INFO[k].meaning}>
        {provisionLabel(k)} <span className="mono muted">{k}</span>
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Choice)}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function PrecedentTable(props: { data: PrecedentListView; busy: boolean; sort: string; order: 'asc' | 'desc'; onSort: (key: string) => void }) {
  const headingId = useId();
  const sortable = (key: (typeof SORTS)[number]['key'], label: string) => (
    <th scope="col" aria-sort={props.sort === key ? (props.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="link-button" onClick={() => props.onSort(key)}>
        {label}
        {props.sort === key ? (props.order === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  return (
    <div className="table-scroll">
      <table className="precedent-table" aria-labelledby={headingId} aria-busy={props.busy}>
        <caption id={headingId} className="visually-hidden">
          Peace agreements
        </caption>
        <thead>
          <tr>
            {sortable('date', 'Date')}
            {sortable('name', 'Agreement')}
            {sortable('conflict', 'Conflict')}
            <th scope="col">Type</th>
            <th scope="col">Provisions</th>
            <th scope="col">Ended</th>
          </tr>
        </thead>
        <tbody>
          {props.data.items.map((p) => (
            <PrecedentRow key={p.paid} p={p} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PrecedentRow({ p }: { p: PrecedentView }) {
  return (
    <tr>
      <td className="nowrap">
        <time dateTime={p.date}>{p.date}</time>
      </td>
      <td>
        {p.fullTextUrl ? (
          <a href={p.fullTextUrl} rel="noreferrer" target="_blank">
            {p.name}
          </a>
        ) : (
          p.name
        )}
        {p.thirdParty ? <div className="muted small">Third parties: {p.thirdParty}</div> : null}
      </td>
      <td>{p.conflict}</td>
      <td>{p.typeLabel}</td>
      <td>
        <ul className="provision-pills">
          {p.provisions
            .filter((k) => UCDP_PROVISION_INFO[k].group !== 'any')
            .map((k) => (
              <li key={k} className="pill pill-outline" title={UCDP_PROVISION_INFO[k].meaning}>
                {provisionLabel(k)}
              </li>
            ))}
        </ul>
      </td>
      <td className="nowrap">{p.ended === null ? 'Not known' : p.ended ? (p.endDate ?? 'Yes, no date') : 'No'}</td>
    </tr>
  );
}

function Pager(props: { total: number; offset: number; count: number; pageNumber: number; onPage: (n: number) => void }) {
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  return (
    <nav className="pager" aria-label="Pages">
      <span>{props.count > 0 ? `${props.offset + 1}–${props.offset + props.count} of ${props.total}` : `0 of ${props.total}`}</span>
      <button type="button" className="button" disabled={props.pageNumber <= 1} onClick={() => props.onPage(props.pageNumber - 1)}>
        Previous page
      </button>
      <span>
        Page {props.pageNumber} of {pages}
      </span>
      <button type="button" className="button" disabled={props.pageNumber >= pages} onClick={() => props.onPage(props.pageNumber + 1)}>
        Next page
      </button>
    </nav>
  );
}
