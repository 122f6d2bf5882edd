/**
 * Parties' responses to the allegation. A party answers an allegation made against it: its
 * delegates for it, mediators and administrators naming it. Nobody answers for another party.
 */
import { useState, type FormEvent } from 'react';
import type { IncidentDetail, PartyView } from '../../../src/contract/index.ts';
import { SelectField, TextAreaField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, problemsOf } from '../shared/forms.tsx';
import { EmptyState } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { incidentsApi, useIncidentWrite } from './incidents.api.ts';

interface ResponsesProps {
  slug: string;
  incident: IncidentDetail;
  parties: PartyView[];
  /** The agreement's zone, in which times are shown. */
  timeZone: string;
  /** The parties the caller may respond for; empty hides the form. */
  respondFor: string[];
  onChanged: (message: string) => void;
}

export function ResponsesSection({ slug, incident, parties, timeZone, respondFor, onChanged }: ResponsesProps) {
  const partyName = (id: string) => parties.find((p) => p.id === id)?.name ?? 'Unknown party';
  return (
    <section aria-labelledby="responses-heading" className="section">
      <h2 id="responses-heading">Responses of the parties</h2>
      {incident.responses.length === 0 ? (
        <EmptyState title="No party has responded." />
      ) : (
        <ul className="response-list" aria-labelledby="responses-heading">
          {incident.responses.map((r) => (
            <li key={r.id} className="response" aria-label={`Response of ${partyName(r.partyId)}`}>
              <p className="meta">
                <strong dir="auto">{partyName(r.partyId)}</strong> · <span dir="auto">{r.authorName}</span> · <ZonedTime iso={r.createdAt} timeZone={timeZone} />
              </p>
              <p className="response-body" dir="auto">
                {r.body}
              </p>
            </li>
          ))}
        </ul>
      )}
      {respondFor.length > 0 ? <ResponseForm slug={slug} incidentId={incident.id} parties={parties.filter((p) => respondFor.includes(p.id))} onChanged={onChanged} /> : null}
    </section>
  );
}

function ResponseForm({ slug, incidentId, parties, onChanged }: { slug: string; incidentId: string; parties: PartyView[]; onChanged: (message: string) => void }) {
  const [partyId, setPartyId] = useState(parties[0]?.id ?? '');
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState<string | undefined>();
  const respond = useIncidentWrite(slug, (input: { partyId: string; body: string }) => incidentsApi.respond(slug, incidentId, input));
  const party = parties.find((p) => p.id === partyId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBodyError(body.trim() === '' ? 'Write the response.' : undefined);
    if (body.trim() === '' || !party) return;
    respond.mutate(
      { partyId, body: body.trim() },
      {
        onSuccess: () => {
          setBody('');
          onChanged(`Response of ${party.name} filed.`);
        },
      },
    );
  };

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-label="Respond to the allegation">
      <h3>Respond to the allegation</h3>
      {respond.isError ? <GeneralProblems problems={problemsOf(respond.error, ['body'])} /> : null}
      {parties.length > 1 ? (
        <SelectField label="Responding party" value={partyId} onChange={setPartyId} options={parties.map((p) => ({ value: p.id, label: p.name }))} />
      ) : (
        <p className="muted">
          Responding for <strong dir="auto">{party?.name}</strong>
        </p>
      )}
      <TextAreaField label="Response" value={body} onChange={setBody} error={bodyError} rows={4} />
      <FormActions submit="File response" busy={respond.isPending} busyLabel="Filing…" />
    </form>
  );
}
