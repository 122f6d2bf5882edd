/** /account: who you are, your password, and your API tokens. */
import { useState, type FormEvent } from 'react';
import { FormActions, GeneralProblems, NO_PROBLEMS, problemsOf } from '../shared/forms.tsx';
import { Notice } from '../shared/Notice.tsx';
import { useChangePassword } from './auth.api.ts';
import { CurrentPasswordField, NewPasswordFields } from './CredentialFields.tsx';
import { newPasswordProblems, useNewPassword } from './passwords.ts';
import { RequireUser } from './RequireUser.tsx';
import { useSession } from './session.ts';
import { TokensSection } from './TokensSection.tsx';
import './auth.css';

export function AccountPage() {
  return (
    <RequireUser>
      <Account />
    </RequireUser>
  );
}

function Account() {
  const { user, me } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  if (!user) return null;
  const roles = me?.memberships.length ?? 0;
  return (
    <div className="page account-page">
      <title>Your account · Phaseline</title>
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd dir="auto">{user.name}</dd>
        <dt>E-mail</dt>
        <dd className="mono">{user.email}</dd>
        <dt>Access</dt>
        <dd>
          {user.admin ? 'Administrator: every right on every agreement' : roles === 1 ? 'A role on 1 agreement' : `Roles on ${roles} agreements`}
        </dd>
      </dl>
      <div className="account-grid">
        <section className="panel" aria-labelledby="password-heading">
          <h2 id="password-heading">Change password</h2>
          <PasswordForm onChanged={() => setNotice('Password changed. Your other sessions have ended.')} />
        </section>
        <TokensSection />
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </div>
  );
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const [local, setLocal] = useState<{ current?: string; password?: string; confirm?: string }>({});
  const server = change.error ? problemsOf(change.error, FIELDS) : NO_PROBLEMS;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { password: next, confirm } = newPassword;
    const problems = { ...(current === '' && { current: 'Enter your current password' }), ...newPasswordProblems(next, confirm) };
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          newPassword.clear();
          onChanged();
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Change password">
      <GeneralProblems problems={server} />
      <CurrentPasswordField label="Current password" value={current} onChange={setCurrent} error={local.current ?? server.fields.currentPassword} />
      <NewPasswordFields
        label="New password"
        repeatLabel="Repeat the new password"
        hint="At least 12 characters. Your other sessions end when you change it."
        state={newPassword}
        errors={local}
        serverError={server.fields.newPassword}
      />
      <FormActions submit="Change password" busy={change.isPending} busyLabel="Changing…" />
    </form>
  );
}
