/**
 * Records what was observed of one withdrawal item (monitors, mediators, administrators): the day,
 * the finding, the source's reliability and the information's credibility (Admiralty grades, as
 * incidents), evidence links and notes. Verifications are appended, never edited.
 */
import { useState, type FormEvent } from 'react';
import { WithdrawalVerificationCreate, type WithdrawalItemView } from '../../../src/contract/index.ts';
import { localDate } from '../../../src/core/calendar.ts';
import { WITHDRAWAL_FINDING_LABELS, type WithdrawalFinding } from '../../../src/core/index.ts';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type Credibility, type Reliability } from '../../../src/core/incidents.ts';
import { SelectField, TextAreaField, TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, useCheckedProblems } from '../shared/forms.tsx';
import { options } from '../shared/labels.ts';
import { useGroundWrite, withdrawalApi } from './ground.api.ts';

const FIELDS = ['observedOn', 'finding', 'sourceReliability', 'credibility', 'evidence', 'notes'] as const;

interface Link {
  name: string;
  url: string;
}

export function VerificationForm(props: { slug: string; timeZone: string; item: WithdrawalItemView; onSaved: (item: WithdrawalItemView) => void; onCancel: () => void }) {
  const { slug, timeZone, item, onSaved, onCancel } = props;
  const verify = useGroundWrite(slug, (body: WithdrawalVerificationCreate) => withdrawalApi.verify(slug, item.id, body));
  const [observedOn, setObservedOn] = useState(() => localDate(new Date(), timeZone));
  const [finding, setFinding] = useState<WithdrawalFinding>('completed');
  const [reliability, setReliability] = useState<Reliability>('F');
  const [credibility, setCredibility] = useState('6');
  const [links, setLinks] = useState<Link[]>([]);
  const [notes, setNotes] = useState('');
  const { problems, accepts } = useCheckedProblems(verify.error, FIELDS);

  const setLink = (index: number, change: Partial<Link>) => setLinks((current) => current.map((l, i) => (i === index ? { ...l, ...change } : l)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: WithdrawalVerificationCreate = {
      observedOn,
      finding,
      sourceReliability: reliability,
      credibility: Number(credibility) as Credibility,
      evidence: links.filter((l) => l.name.trim() || l.url.trim()).map((l) => ({ name: l.name.trim() || l.url.trim(), url: l.url.trim() })),
      notes,
    };
    if (!accepts(WithdrawalVerificationCreate, body)) return;
    verify.mutate(body, { onSuccess: onSaved });
  };

  const graded = <K extends string | number>(labels: Record<K, string>) => options(labels).map((o) => ({ value: String(o.value), label: `${o.value} — ${o.label}` }));

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Record a verification">
      <GeneralProblems problems={problems} />
      <div className="form-row">
        <TextField label="Observed on" type="date" value={observedOn} onChange={setObservedOn} error={problems.fields.observedOn} hint={`The day, in the agreement’s time zone (${timeZone}).`} />
        <SelectField label="Finding" value={finding} onChange={(v) => setFinding(v as WithdrawalFinding)} options={options(WITHDRAWAL_FINDING_LABELS)} error={problems.fields.finding} />
      </div>
      <div className="form-row">
        <SelectField label="Source reliability" value={reliability} onChange={(v) => setReliability(v as Reliability)} options={graded(RELIABILITY_LABELS)} error={problems.fields.sourceReliability} />
        <SelectField label="Information credibility" value={credibility} onChange={setCredibility} options={graded(CREDIBILITY_LABELS)} error={problems.fields.credibility} />
      </div>
      <fieldset className="ground-links">
        <legend>Evidence links</legend>
        {links.length === 0 ? <p className="field-hint">None yet: add the reports, images or statements that show what was observed.</p> : null}
        {links.map((link, i) => (
          <div className="form-row ground-link-row" key={i}>
            <TextField label={`Link ${i + 1}: name`} value={link.name} onChange={(name) => setLink(i, { name })} dir="auto" />
            <TextField label={`Link ${i + 1}: address`} type="url" value={link.url} onChange={(url) => setLink(i, { url })} placeholder="https://" dir="ltr" />
            <button type="button" className="button button-small" onClick={() => setLinks((current) => current.filter((_, j) => j !== i))} aria-label={`Remove link ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        {problems.fields.evidence ? <p className="field-error">{problems.fields.evidence}</p> : null}
        <button type="button" className="button button-small" onClick={() => setLinks((current) => [...current, { name: '', url: '' }])} disabled={links.length >= 20}>
          + Add a link
        </button>
      </fieldset>
      <TextAreaField label="Notes" value={notes} onChange={setNotes} error={problems.fields.notes} />
      <FormActions submit="Record verification" busy={verify.isPending} busyLabel="Recording…" onCancel={onCancel} />
    </form>
  );
}
