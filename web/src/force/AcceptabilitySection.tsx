/**
 * The parties' positions on the force's contributors (contributors × parties), from the statements
 * the reader may see: position in words with an icon, the reason of an objection, the audience
 * badge. Those who may state positions (acceptability:write) do so for the parties they may write
 * for, under the audiences they may choose.
 */
import { useState, type FormEvent } from 'react';
import { AcceptabilityCreate, type ForceOverview, type PartyView } from '../../../src/contract/index.ts';
import type { Audience } from '../../../src/core/access.ts';
import { localDate } from '../../../src/core/calendar.ts';
import { ACCEPTABILITY_LABELS, ACCEPTABILITY_POSITIONS, type AcceptabilityPosition } from '../../../src/core/force/vocabulary.ts';
import type { GateForceAbilities } from '../auth/abilities.ts';
import { audienceOption } from '../notes/audiences.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, useCheckedProblems } from '../shared/forms.tsx';
import { EmptyState } from '../shared/states.tsx';
import { formatDate } from '../shared/time.ts';
import { gridRows } from './acceptability.ts';
import { useAddAcceptability, type AcceptabilityBody } from './force.api.ts';
import { IllustrativeBadge } from './ForcePage.tsx';

interface Props {
  slug: string;
  timeZone: string;
  force: ForceOverview;
  parties: PartyView[];
  can: GateForceAbilities;
  onSaved: (message: string) => void;
}

export function AcceptabilitySection({ slug, timeZone, force, parties, can, onSaved }: Props) {
  const [open, setOpen] = useState(false);
  const grid = force.acceptability;
  const rows = gridRows(grid);
  const illustrative = new Map(force.contributors.map((c) => [c.id, c.illustrative]));
  const writable = parties.filter((p) => can.acceptabilityParties.includes(p.id));
  const mayState = writable.length > 0 && can.acceptabilityAudiences.length > 0 && force.contributors.length > 0;
  return (
    <section aria-labelledby="acceptability-heading" className="section">
      <div className="section-head">
        <h2 id="acceptability-heading">Acceptability of contributors</h2>
        {mayState ? (
          <button type="button" className="button" onClick={() => setOpen(true)}>
            State a position
          </button>
        ) : null}
      </div>
      <p className="muted">Each party’s current position on each contributor, as you may see it. A signatory’s objection removes the contributor’s pledges from the cover.</p>
      {rows.length === 0 ? (
        <EmptyState title="No contributors yet." />
      ) : (
        <div className="table-scroll">
          <table className="force-table acceptability-grid" aria-labelledby="acceptability-heading">
            <thead>
              <tr>
                <th scope="col">Contributor</th>
                {grid.parties.map((p) => (
                  <th scope="col" key={p.id} dir="auto">
                    {p.name}
                    {p.signatory ? null : <span className="muted"> (not a signatory)</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.contributorId}>
                  <th scope="row" dir="auto">
                    {row.contributorName} <IllustrativeBadge show={illustrative.get(row.contributorId) ?? false} />
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.partyId} className={`position position-${cell.position ?? 'none'}`}>
                      <span className="position-words">
                        <span aria-hidden="true">{cell.icon}</span> {cell.words}
                      </span>
                      {cell.reason ? (
                        <span className="position-reason" dir="auto">
                          {cell.reason}
                        </span>
                      ) : null}
                      {cell.badge ? <span className="pill pill-outline">{cell.badge}</span> : null}
                      {cell.statedOn ? <span className="muted position-date">{formatDate(cell.statedOn)}</span> : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open ? (
        <Dialog title="State a party’s position on a contributor" onClose={() => setOpen(false)}>
          <AcceptabilityForm
            slug={slug}
            timeZone={timeZone}
            contributors={force.contributors}
            parties={writable}
            audiences={can.acceptabilityAudiences}
            onSaved={(m) => {
              setOpen(false);
              onSaved(m);
            }}
            onCancel={() => setOpen(false)}
          />
        </Dialog>
      ) : null}
    </section>
  );
}

const FIELDS = ['contributorId', 'partyId', 'position', 'reason', 'statedOn', 'audience'] as const;

function AcceptabilityForm(props: {
  slug: string;
  timeZone: string;
  contributors: ForceOverview['contributors'];
  parties: PartyView[];
  audiences: Audience[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { slug, timeZone, contributors, parties, audiences, onSaved, onCancel } = props;
  const add = useAddAcceptability(slug);
  const [contributorId, setContributorId] = useState(contributors[0]?.id ?? '');
  const [partyId, setPartyId] = useState(parties[0]?.id ?? '');
  const [position, setPosition] = useState<AcceptabilityPosition>('accepted');
  const [reason, setReason] = useState('');
  const [statedOn, setStatedOn] = useState(() => localDate(new Date(), timeZone));
  // Confidential to the party's circle unless the caller shares it: a position on a contributor is a negotiating position.
  const [audience, setAudience] = useState<Audience>(audiences.includes('party') ? 'party' : (audiences[0] ?? 'party'));
  const { problems, accepts } = useCheckedProblems(add.error, FIELDS);
  const party = parties.find((p) => p.id === partyId);
  const contributor = contributors.find((c) => c.id === contributorId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: AcceptabilityBody = { contributorId, partyId, position, reason: reason.trim(), statedOn, audience };
    if (!accepts(AcceptabilityCreate, body)) return;
    add.mutate(body, { onSuccess: () => onSaved(`${party?.name ?? 'The party'}: ${ACCEPTABILITY_LABELS[position]} on ${contributor?.name ?? 'the contributor'}.`) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="State a position">
      <GeneralProblems problems={problems} />
      <SelectField label="Contributor" value={contributorId} onChange={setContributorId} error={problems.fields.contributorId} options={contributors.map((c) => ({ value: c.id, label: c.name }))} />
      <SelectField
        label="Party"
        value={partyId}
        onChange={setPartyId}
        error={problems.fields.partyId}
        options={parties.map((p) => ({ value: p.id, label: p.name }))}
        hint={parties.length === 1 ? 'You state positions for this party only.' : undefined}
      />
      <SelectField
        label="Position"
        value={position}
        onChange={(v) => setPosition(v as AcceptabilityPosition)}
        error={problems.fields.position}
        options={ACCEPTABILITY_POSITIONS.map((p) => ({ value: p, label: ACCEPTABILITY_LABELS[p] }))}
      />
      <TextAreaField
        label={position === 'objected' ? 'Reason (required for an objection)' : 'Reason'}
        value={reason}
        onChange={setReason}
        rows={2}
        error={problems.fields.reason}
      />
      <TextField label="Stated on" type="date" value={statedOn} onChange={setStatedOn} error={problems.fields.statedOn} hint={`The day the party stated it (${timeZone}).`} />
      <SelectField
        label="Audience"
        value={audience}
        onChange={(v) => setAudience(v as Audience)}
        error={problems.fields.audience}
        options={audiences.map((a) => audienceOption(a, party?.name))}
        hint="Outside its audience nobody learns of the position, and the gaps are computed without it."
      />
      <FormActions submit="State position" busy={add.isPending} busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
