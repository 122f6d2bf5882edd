/**
 * Adds or edits a session of a negotiation round: venue, times in the agreement's zone (or whole
 * days when the times were not reported), delegations, mediators, agenda items with their clauses,
 * and the outcome. Lists are rows one adds, moves and removes with buttons; lists are saved whole.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { SessionCreate, type PartyView, type SessionView } from '../../../src/contract/index.ts';
import { allDayBounds, sessionDays } from '../../../src/core/sessions.ts';
import { TextAreaField, TextField, SelectField, CheckboxField } from '../shared/fields.tsx';
import { ConflictNotice, FormActions, GeneralProblems, NO_PROBLEMS, problemsFromIssues, problemsOf, zodIssues, type FormProblems } from '../shared/forms.tsx';
import { queryKeys } from '../shared/queryKeys.ts';
import { fromZonedInput, toZonedInput } from '../shared/time.ts';
import { sessionsApi, useClauseChoices } from './sessions.api.ts';

const FIELDS = ['venue', 'startsAt', 'endsAt', 'delegations', 'mediators', 'agenda', 'outcome'] as const;

interface Delegation {
  partyId: string;
  head: string;
  members: string;
}
interface Mediator {
  partyId: string;
  name: string;
}
interface AgendaItem {
  title: string;
  clauseIds: string[];
}
interface Values {
  venue: string;
  allDay: boolean;
  start: string;
  end: string;
  delegations: Delegation[];
  mediators: Mediator[];
  agenda: AgendaItem[];
  outcome: string;
}

function valuesOf(session: SessionView | null, timeZone: string, venue: string): Values {
  if (!session) return { venue, allDay: false, start: '', end: '', delegations: [], mediators: [], agenda: [], outcome: '' };
  const days = sessionDays(session, timeZone);
  return {
    venue: session.venue,
    allDay: session.allDay,
    start: session.allDay ? days.first : toZonedInput(session.startsAt, timeZone),
    end: session.allDay ? (session.endsAt ? days.last : '') : toZonedInput(session.endsAt, timeZone),
    delegations: session.delegations.map((d) => ({ partyId: d.partyId, head: d.head, members: d.members.join('\n') })),
    mediators: session.mediators.map((m) => ({ partyId: m.partyId ?? '', name: m.name })),
    // A clause deleted since (its document re-imported or removed) is dropped rather than sent back.
    agenda: session.agenda.map((a) => ({ title: a.title, clauseIds: a.clauseIds.filter((id) => session.clauses.some((c) => c.id === id)) })),
    outcome: session.outcome,
  };
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The request body, or the issues that keep it from being sent. */
function bodyOf(values: Values, timeZone: string): { ok: true; body: SessionCreate } | { ok: false; problems: FormProblems } {
  const issues: Array<{ path: string; message: string }> = [];
  let startsAt: string | null;
  let endsAt: string | null;
  if (values.allDay) {
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const bounds = day.test(values.start) ? allDayBounds(values.start, day.test(values.end) ? values.end : values.start, timeZone) : null;
    startsAt = bounds?.startsAt ?? null;
    endsAt = bounds?.endsAt ?? null;
  } else {
    startsAt = fromZonedInput(values.start, timeZone);
    endsAt = values.end ? fromZonedInput(values.end, timeZone) : null;
    if (values.end && !endsAt) issues.push({ path: 'endsAt', message: 'is not a date and time' });
  }
  if (!startsAt) issues.push({ path: 'startsAt', message: values.start ? 'is not a date' : 'is required' });
  if (issues.length > 0) return { ok: false, problems: problemsFromIssues(issues, FIELDS) };
  const body: SessionCreate = {
    venue: values.venue,
    startsAt: startsAt!,
    endsAt,
    allDay: values.allDay,
    delegations: values.delegations.map((d) => ({ partyId: d.partyId, head: d.head, members: lines(d.members) })),
    mediators: values.mediators.map((m) => ({ partyId: m.partyId || null, name: m.name })),
    agenda: values.agenda.map((a) => ({ title: a.title, clauseIds: a.clauseIds })),
    outcome: values.outcome,
  };
  const parsed = SessionCreate.safeParse(body);
  return parsed.success ? { ok: true, body } : { ok: false, problems: problemsFromIssues(zodIssues(parsed.error), FIELDS) };
}

/** Moves item `i` of a list by `by` places. */
function moved<T>(list: readonly T[], i: number, by: number): T[] {
  const next = [...list];
  const [item] = next.splice(i, 1);
  next.splice(Math.max(0, Math.min(next.length, i + by)), 0, item!);
  return next;
}

export interface SessionFormProps {
  slug: string;
  roundId: string;
  /** The round's venue, the new session's default. */
  roundVenue: string;
  timeZone: string;
  parties: readonly PartyView[];
  session: SessionView | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function SessionForm({ slug, roundId, roundVenue, timeZone, parties, session, onSaved, onCancel }: SessionFormProps) {
  const client = useQueryClient();
  const clauses = useClauseChoices(slug);
  const [base, setBase] = useState(session);
  const [values, setValues] = useState<Values>(() => valuesOf(session, timeZone, roundVenue));
  const [clientProblems, setClientProblems] = useState<FormProblems | null>(null);
  const [reloading, setReloading] = useState(false);
  const save = useMutation({
    mutationFn: (body: SessionCreate) =>
      base ? sessionsApi.update(slug, roundId, base.id, { ...body, version: base.version }) : sessionsApi.create(slug, roundId, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.rounds(slug) });
      onSaved(base ? 'Session saved.' : 'Session added.');
    },
  });
  const remove = useMutation({
    mutationFn: () => sessionsApi.remove(slug, roundId, base!.id, base!.version),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.rounds(slug) });
      onSaved('Session deleted.');
    },
  });
  const problems = clientProblems ?? (save.error ? problemsOf(save.error, FIELDS) : remove.error ? problemsOf(remove.error, FIELDS) : NO_PROBLEMS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const partyOptions = [{ value: '', label: '— no party —' }, ...parties.map((p) => ({ value: p.id, label: p.name }))];
  const free = parties.filter((p) => !values.delegations.some((d) => d.partyId === p.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = bodyOf(values, timeZone);
    if (!result.ok) {
      setClientProblems(result.problems);
      return;
    }
    setClientProblems(null);
    save.mutate(result.body);
  };

  const reload = async () => {
    if (!base) return;
    setReloading(true);
    try {
      const fresh = await sessionsApi.get(slug, roundId, base.id);
      setBase(fresh);
      setValues(valuesOf(fresh, timeZone, roundVenue));
      save.reset();
      remove.reset();
    } finally {
      setReloading(false);
    }
  };

  const updateRow = <K extends 'delegations' | 'mediators' | 'agenda'>(key: K, i: number, patch: Partial<Values[K][number]>) =>
    set(key, values[key].map((row, j) => (j === i ? { ...row, ...patch } : row)) as Values[K]);
  const removeRow = <K extends 'delegations' | 'mediators' | 'agenda'>(key: K, i: number) => set(key, values[key].filter((_, j) => j !== i) as Values[K]);

  return (
    <form className="form session-form" onSubmit={submit} noValidate aria-label={base ? 'Edit session' : 'New session'}>
      {problems.conflict ? <ConflictNotice what="session" onReload={() => void reload()} reloading={reloading} /> : null}
      <GeneralProblems problems={problems} />
      <TextField label="Venue" value={values.venue} onChange={(v) => set('venue', v)} error={problems.fields.venue} dir="auto" />
      <CheckboxField
        label="Times not reported (whole days)"
        checked={values.allDay}
        onChange={(allDay) => setValues((v) => ({ ...v, allDay, start: '', end: '' }))}
        hint={`Times are in the agreement's time zone, ${timeZone}.`}
      />
      <div className="form-row">
        <TextField
          label={values.allDay ? 'First day' : 'Starts'}
          type={values.allDay ? 'date' : 'datetime-local'}
          value={values.start}
          onChange={(v) => set('start', v)}
          error={problems.fields.startsAt}
        />
        <TextField
          label={values.allDay ? 'Last day' : 'Ends'}
          type={values.allDay ? 'date' : 'datetime-local'}
          value={values.end}
          onChange={(v) => set('end', v)}
          error={problems.fields.endsAt}
        />
      </div>

      <fieldset className="session-rows">
        <legend>Delegations</legend>
        {problems.fields.delegations ? <p className="field-error">{problems.fields.delegations}</p> : null}
        {values.delegations.map((d, i) => {
          const name = parties.find((p) => p.id === d.partyId)?.name ?? 'Party';
          return (
            <div key={d.partyId} className="session-row" role="group" aria-label={`Delegation of ${name}`}>
              <strong dir="auto">{name}</strong>
              <TextField label={`Head of delegation (${name})`} value={d.head} onChange={(head) => updateRow('delegations', i, { head })} dir="auto" />
              <TextAreaField label={`Members (${name}), one per line`} value={d.members} onChange={(members) => updateRow('delegations', i, { members })} rows={2} />
              <button type="button" className="button button-small" onClick={() => removeRow('delegations', i)}>
                Remove delegation of {name}
              </button>
            </div>
          );
        })}
        {free.length > 0 ? (
          <SelectField
            label="Add the delegation of"
            value=""
            onChange={(partyId) => partyId && set('delegations', [...values.delegations, { partyId, head: '', members: '' }])}
            options={[{ value: '', label: '— choose a party —' }, ...free.map((p) => ({ value: p.id, label: p.name }))]}
          />
        ) : null}
      </fieldset>

      <fieldset className="session-rows">
        <legend>Mediators present</legend>
        {problems.fields.mediators ? <p className="field-error">{problems.fields.mediators}</p> : null}
        {values.mediators.map((m, i) => (
          <div key={i} className="session-row form-row" role="group" aria-label={`Mediator ${i + 1}`}>
            <SelectField label={`Mediator ${i + 1}: party`} value={m.partyId} onChange={(partyId) => updateRow('mediators', i, { partyId })} options={partyOptions} />
            <TextField label={`Mediator ${i + 1}: name`} value={m.name} onChange={(name) => updateRow('mediators', i, { name })} dir="auto" />
            <button type="button" className="button button-small" onClick={() => removeRow('mediators', i)}>
              Remove mediator {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button button-small" onClick={() => set('mediators', [...values.mediators, { partyId: '', name: '' }])}>
          + Add mediator
        </button>
      </fieldset>

      <fieldset className="session-rows">
        <legend>Agenda, in order</legend>
        {problems.fields.agenda ? <p className="field-error">{problems.fields.agenda}</p> : null}
        {values.agenda.map((a, i) => (
          <div key={i} className="session-row" role="group" aria-label={`Agenda item ${i + 1}`}>
            <TextField label={`Agenda item ${i + 1}`} value={a.title} onChange={(title) => updateRow('agenda', i, { title })} dir="auto" />
            {clauses.data && clauses.data.length > 0 ? (
              <ClausePicker index={i} choices={clauses.data} selected={a.clauseIds} onChange={(clauseIds) => updateRow('agenda', i, { clauseIds })} />
            ) : null}
            <div className="session-row-actions">
              <button type="button" className="button button-small" disabled={i === 0} onClick={() => set('agenda', moved(values.agenda, i, -1))}>
                Move item {i + 1} up
              </button>
              <button type="button" className="button button-small" disabled={i === values.agenda.length - 1} onClick={() => set('agenda', moved(values.agenda, i, 1))}>
                Move item {i + 1} down
              </button>
              <button type="button" className="button button-small" onClick={() => removeRow('agenda', i)}>
                Remove item {i + 1}
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="button button-small" onClick={() => set('agenda', [...values.agenda, { title: '', clauseIds: [] }])}>
          + Add agenda item
        </button>
      </fieldset>

      <TextAreaField label="Outcome" value={values.outcome} onChange={(v) => set('outcome', v)} error={problems.fields.outcome} />
      {base ? (
        <button type="button" className="button" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {remove.isPending ? 'Deleting…' : 'Delete session'}
        </button>
      ) : null}
      <FormActions submit={base ? 'Save session' : 'Add session'} busy={save.isPending} busyLabel="Saving…" disabled={save.isPending || reloading} onCancel={onCancel} />
    </form>
  );
}

/** The clauses an agenda item takes up: a list box of the agreement's clauses (several with Ctrl or Shift). */
function ClausePicker(props: { index: number; choices: readonly { id: string; label: string }[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const { index, choices, selected, onChange } = props;
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Clauses of item {index + 1}</label>
      <select
        id={id}
        multiple
        size={Math.min(5, choices.length)}
        value={selected}
        onChange={(e) => onChange(Array.from(e.target.selectedOptions, (o) => o.value))}
        aria-describedby={`${id}-hint`}
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id} dir="auto">
            {c.label}
          </option>
        ))}
      </select>
      <p className="field-hint" id={`${id}-hint`}>
        Optional; hold Ctrl (or Shift) to choose several.
      </p>
    </div>
  );
}
