/** Invites a user: creates the account and shows its one-time link to set a password, once. */
import { useState, type FormEvent } from 'react';
import { UserCreate } from '../../../src/contract/index.ts';
import { CopyField } from '../shared/CopyField.tsx';
import { CheckboxField, TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, useCheckedProblems } from '../shared/forms.tsx';
import { browserZone } from '../shared/time.ts';
import { YourTime } from '../shared/ZonedTime.tsx';
import { invitationUrl, useInviteUser, type Invitation } from './users.api.ts';

const FIELDS = ['email', 'name'] as const;

export function InviteUserForm() {
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [admin, setAdmin] = useState(false);
  const [sent, setSent] = useState<{ email: string; invitation: Invitation } | null>(null);
  const { problems, accepts } = useCheckedProblems(invite.error, FIELDS);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = { email: email.trim(), name: name.trim(), admin };
    if (!accepts(UserCreate, body)) return;
    invite.mutate(body, {
      onSuccess: ({ user, invitation }) => {
        setSent({ email: user.email, invitation });
        setEmail('');
        setName('');
        setAdmin(false);
      },
    });
  };

  if (sent) {
    return (
      <div className="secret-once" role="region" aria-label="Invitation link">
        <p>
          Account created for <strong className="mono">{sent.email}</strong>. Send them this link to set their password; it works once,
          until <YourTime iso={sent.invitation.expiresAt} /> (your time zone, {browserZone()}).
        </p>
        <CopyField label="Invitation link" value={invitationUrl(sent.invitation)} hint="Copy it now: it is not shown again." />
        <button
          type="button"
          className="button"
          onClick={() => {
            setSent(null);
            invite.reset();
          }}
        >
          Invite someone else
        </button>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Invite a user">
      <GeneralProblems problems={problems} />
      <TextField label="E-mail" type="email" value={email} onChange={setEmail} error={problems.fields.email} autoComplete="off" spellCheck={false} />
      <TextField label="Name" value={name} onChange={setName} error={problems.fields.name} dir="auto" autoComplete="off" />
      <CheckboxField label="Administrator" checked={admin} onChange={setAdmin} hint="Every right on every agreement, and manages accounts." />
      <FormActions submit="Invite" busy={invite.isPending} busyLabel="Inviting…" />
    </form>
  );
}
