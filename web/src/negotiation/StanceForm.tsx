/**
 * States a party's stance on one alternative of a bracket group: for the parties the caller speaks
 * for (a delegate its own, mediators any), with an audience it may give (never the mediators' room
 * for a delegate). A reservation is asked for only with "accept with reservation".
 */
import { useState, type FormEvent } from 'react';
import { StanceCreate, type PartyView } from '../../../src/contract/index.ts';
import type { Audience } from '../../../src/core/access.ts';
import { localDate } from '../../../src/core/calendar.ts';
import { isSignatory, POSITION_LABELS, POSITIONS, type Position } from '../../../src/core/negotiation/consensus.ts';
import { audienceOption } from '../notes/audiences.ts';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, useCheckedProblems } from '../shared/forms.tsx';
import { alternativeText } from './stanceGrid.ts';
import { useAddStance, type StanceCreateBody } from './negotiation.api.ts';

const FIELDS = ['partyId', 'groupKey', 'alternative', 'position', 'reservation', 'reason', 'statedOn', 'audience'] as const;

export interface StanceGroup {
  key: string;
  /** "Group 1". */
  label: string;
  alternatives: string[];
}

export interface StanceFormProps {
  slug: string;
  documentId: string;
  clauseId: string;
  timeZone: string;
  groups: StanceGroup[];
  /** The group to start on. */
  groupKey: string;
  /** The parties the caller states stances for. */
  parties: PartyView[];
  audiences: Audience[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function StanceForm({ slug, documentId, clauseId, timeZone, groups, groupKey, parties, audiences, onSaved, onCancel }: StanceFormProps) {
  const add = useAddStance(slug, documentId);
  const [partyId, setPartyId] = useState((parties.find((p) => isSignatory(p)) ?? parties[0])?.id ?? '');
  const [key, setKey] = useState(groupKey);
  const [alternative, setAlternative] = useState('0');
  const [position, setPosition] = useState<Position>('accept');
  const [reservation, setReservation] = useState('');
  const [reason, setReason] = useState('');
  const [statedOn, setStatedOn] = useState(() => localDate(new Date(), timeZone));
  // Confidential to the party's circle unless the caller chooses to share it: a stance is a negotiating position.
  const [audience, setAudience] = useState<Audience>(audiences.includes('party') ? 'party' : (audiences[0] ?? 'party'));
  const { problems, accepts } = useCheckedProblems(add.error, FIELDS);
  const group = groups.find((g) => g.key === key) ?? groups[0];
  const party = parties.find((p) => p.id === partyId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: StanceCreateBody = {
      groupKey: key,
      alternative: Number(alternative),
      partyId,
      position,
      reservation: position === 'accept_with_reservation' ? reservation.trim() : '',
      reason: reason.trim(),
      statedOn,
      audience,
    };
    if (!accepts(StanceCreate, body)) return;
    add.mutate(
      { clauseId, body },
      { onSuccess: () => onSaved(`${party?.name ?? 'The party'}: ${POSITION_LABELS[position]} on ${group?.label.toLowerCase() ?? 'the group'}, alternative ${Number(alternative) + 1}.`) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="State a stance">
      <GeneralProblems problems={problems} />
      <SelectField
        label="Party"
        value={partyId}
        onChange={setPartyId}
        error={problems.fields.partyId}
        options={parties.map((p) => ({ value: p.id, label: p.name }))}
        hint={parties.length === 1 ? 'You state stances for this party only.' : undefined}
      />
      {groups.length > 1 ? (
        <SelectField
          label="Bracket group"
          value={key}
          onChange={(v) => {
            setKey(v);
            setAlternative('0');
          }}
          error={problems.fields.groupKey}
          options={groups.map((g) => ({ value: g.key, label: `${g.label}: ${g.alternatives.map(alternativeText).join(' | ')}` }))}
        />
      ) : null}
      <SelectField
        label="Alternative"
        value={alternative}
        onChange={setAlternative}
        error={problems.fields.alternative}
        options={(group?.alternatives ?? []).map((text, i) => ({ value: String(i), label: `${i + 1}: ${alternativeText(text)}` }))}
      />
      <SelectField
        label="Position"
        value={position}
        onChange={(v) => setPosition(v as Position)}
        error={problems.fields.position}
        options={POSITIONS.map((p) => ({ value: p, label: POSITION_LABELS[p] }))}
      />
      {position === 'accept_with_reservation' ? (
        <TextAreaField label="Reservation" value={reservation} onChange={setReservation} rows={2} error={problems.fields.reservation} />
      ) : null}
      <TextAreaField label="Reason" value={reason} onChange={setReason} rows={2} error={problems.fields.reason} />
      <TextField label="Stated on" type="date" value={statedOn} onChange={setStatedOn} error={problems.fields.statedOn} hint={`The day the party stated it (${timeZone}).`} />
      <SelectField
        label="Audience"
        value={audience}
        onChange={(v) => setAudience(v as Audience)}
        error={problems.fields.audience}
        options={audiences.map((a) => audienceOption(a, party?.name))}
        hint="Outside its audience nobody learns that the stance exists, and consensus is computed without it."
      />
      <FormActions submit="State stance" busy={add.isPending} busyLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
