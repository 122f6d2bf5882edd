/**
 * The audit page's filters: the actor (those who wrote what the reader may see), the record kind
 * (those that appear, in words), the action, and first and last days in the agreement's zone.
 */
import type { AuditActor } from '../../../src/contract/index.ts';
import { AUDIT_ACTIONS } from '../../../src/core/audit.ts';
import { auditActionLabel, auditEntityLabel } from '../../../src/core/audit-labels.ts';
import { SelectField, TextField } from '../shared/fields.tsx';
import { isFiltered, NO_USER, type AuditFilters } from './filters.ts';

interface Props {
  filters: AuditFilters;
  actors: readonly AuditActor[];
  entities: readonly string[];
  timeZone: string;
  rangeProblem: string | null;
  onChange: (patch: Partial<AuditFilters>) => void;
  onClear: () => void;
}

const any = (label: string) => ({ value: '', label });

/** The choices of a select, with the current value kept even when this page's choices do not hold it. */
function withCurrent(options: Array<{ value: string; label: string }>, current: string, label: string) {
  return current && !options.some((o) => o.value === current) ? [...options, { value: current, label }] : options;
}

export function AuditFiltersForm({ filters, actors, entities, timeZone, rangeProblem, onChange, onClear }: Props) {
  const actorOptions = actors.map((a) => ({ value: a.id ?? NO_USER, label: a.name }));
  const entityOptions = entities.map((kind) => ({ value: kind, label: auditEntityLabel(kind) })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <form className="toolbar audit-filters" aria-label="Audit log filters" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        label="Actor"
        value={filters.actor}
        onChange={(actor) => onChange({ actor })}
        options={[any('Anyone'), ...withCurrent(actorOptions, filters.actor, filters.actor === NO_USER ? 'Without a user' : 'This actor')]}
      />
      <SelectField
        label="Record kind"
        value={filters.entity}
        onChange={(entity) => onChange({ entity })}
        options={[any('Any kind'), ...withCurrent(entityOptions, filters.entity, auditEntityLabel(filters.entity))]}
      />
      <SelectField
        label="Action"
        value={filters.action}
        onChange={(action) => onChange({ action: action as AuditFilters['action'] })}
        options={[any('Any action'), ...AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabel(a) }))]}
      />
      <TextField label="From day" type="date" value={filters.from} onChange={(from) => onChange({ from })} error={rangeProblem ?? undefined} hint={`Whole days in ${timeZone}`} />
      <TextField label="To day" type="date" value={filters.to} onChange={(to) => onChange({ to })} hint="That day included" />
      {isFiltered(filters) ? (
        <button type="button" className="button button-quiet" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
