/** The clause filters: blocked, no position from a party, due this week (in the agreement's zone). */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PartyView } from '../../../src/contract/index.ts';
import { CheckboxField, SelectField } from '../shared/fields.tsx';
import { currentSearch } from '../shared/address.ts';
import { NO_CLAUSE_FILTERS, anyClauseFilter, clauseFiltersFromSearch, withClauseFilters, type ClauseFilters } from './filters.ts';

/**
 * The filters in the address bar. A change shows at once (the router's navigation that writes it
 * comes a moment later) and is applied to the address as it then is, so that quick changes add up;
 * the back button's address is taken as it comes.
 */
export function useClauseFilters(): [ClauseFilters, (patch: Partial<ClauseFilters>) => void] {
  const [search, setSearch] = useSearchParams();
  const fromAddress = clauseFiltersFromSearch(search);
  const addressKey = withClauseFilters(new URLSearchParams(), fromAddress).toString();
  const [seen, setSeen] = useState(addressKey);
  const [filters, setFilters] = useState(fromAddress);
  if (seen !== addressKey) {
    setSeen(addressKey);
    setFilters(fromAddress);
  }
  const change = (patch: Partial<ClauseFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    // The address as it is now: react-router's `current` is the last render's, which loses a change made in the same tick.
    void setSearch(() => {
      const current = currentSearch();
      return withClauseFilters(current, { ...clauseFiltersFromSearch(current), ...patch });
    }, { replace: true });
  };
  return [filters, change];
}

export function ClauseFiltersBar({ filters, parties, onChange }: { filters: ClauseFilters; parties: PartyView[]; onChange: (patch: Partial<ClauseFilters>) => void }) {
  return (
    <form className="toolbar clause-filters" aria-label="Clause filters" onSubmit={(e) => e.preventDefault()}>
      <CheckboxField label="Blocked only" checked={filters.blocked} onChange={(blocked) => onChange({ blocked })} />
      <SelectField
        label="No position from"
        value={filters.noPosition}
        onChange={(noPosition) => onChange({ noPosition })}
        options={[{ value: '', label: 'Any party' }, ...parties.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <CheckboxField
        label="Due this week"
        hint="Deadline today or in the next six days, in the agreement’s time zone."
        checked={filters.due}
        onChange={(due) => onChange({ due })}
      />
      {anyClauseFilter(filters) ? (
        <button type="button" className="button button-small" onClick={() => onChange(NO_CLAUSE_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
