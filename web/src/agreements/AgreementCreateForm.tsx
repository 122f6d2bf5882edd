/** Creates an agreement from a slug, a title and a time zone, then opens its page. */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { AgreementCreate } from '../../../src/contract/index.ts';
import { slugify } from '../../../src/core/slug.ts';
import { TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, useCheckedProblems } from '../shared/forms.tsx';
import { useCreateAgreement } from './agreements.api.ts';

const FIELDS = ['slug', 'title', 'timeZone'] as const;

/** The slug and the zone are identifiers: neither autocompleted nor spell-checked. */
const IDENTIFIER = { autoComplete: 'off', spellCheck: false } as const;

const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function AgreementCreateForm() {
  const navigate = useNavigate();
  const create = useCreateAgreement();
  const [title, setTitle] = useState('');
  // Until the slug is typed, it follows the title.
  const [slug, setSlug] = useState<string | null>(null);
  const [timeZone, setTimeZone] = useState('UTC');
  const { problems, accepts } = useCheckedProblems(create.error, FIELDS);

  const shownSlug = slug ?? slugify(title);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = { slug: shownSlug, title, timeZone: timeZone.trim() };
    if (!accepts(AgreementCreate, input)) return;
    create.mutate(input, {
      onSuccess: (agreement) =>
        navigate(`/agreements/${agreement.slug}`, { state: { notice: `Agreement “${agreement.title}” created.` } }),
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="New agreement">
      <GeneralProblems problems={problems} />
      <TextField label="Title" value={title} onChange={setTitle} error={problems.fields.title} dir="auto" autoComplete="off" />
      <TextField
        label="Slug"
        value={shownSlug}
        onChange={setSlug}
        error={problems.fields.slug}
        hint="Lower-case letters, digits and hyphens; used in the page address."
        className="mono"
        {...IDENTIFIER}
      />
      <TextField
        label="Time zone"
        value={timeZone}
        onChange={setTimeZone}
        error={problems.fields.timeZone}
        hint="IANA name, e.g. Asia/Gaza or Africa/Cairo. Dates on the agreement are shown in this zone."
        list="time-zones"
        {...IDENTIFIER}
      />
      <datalist id="time-zones">
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <FormActions submit="Create agreement" busy={create.isPending} busyLabel="Creating…" />
    </form>
  );
}
