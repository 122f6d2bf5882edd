/** /setup?token=: the first administrator, while none exists (the server printed the link). */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, apiPath } from '../shared/api.ts';
import { TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, NO_PROBLEMS, problemsOf } from '../shared/forms.tsx';
import { ErrorState, Loading } from '../shared/states.tsx';
import { AuthPanel } from './AuthPanel.tsx';
import { EmailField, NewPasswordFields } from './CredentialFields.tsx';
import { newPasswordProblems, useNewPassword } from './passwords.ts';
import { credentialsError } from './paths.ts';
import { LoggedIn, useIdentityChanged, useSession } from './session.ts';
import './auth.css';

const FIELDS = ['email', 'name', 'password'] as const;

export function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useSession();
  const navigate = useNavigate();
  const changed = useIdentityChanged();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const newPassword = useNewPassword();
  const [local, setLocal] = useState<{ name?: string; email?: string; password?: string; confirm?: string }>({});

  const setup = useMutation({
    mutationFn: (body: { token: string; email: string; name: string; password: string }) => api.post(apiPath('/auth/setup'), LoggedIn, body),
    onSuccess: async (loggedIn) => {
      await changed(loggedIn);
      await navigate('/admin/users', { replace: true, state: { notice: 'Administrator created: you are logged in. Invite the others here.' } });
    },
  });

  if (session.query.isPending) return <Loading label="Checking whether Phaseline is set up…" />;
  if (session.query.isError) return <ErrorState error={session.query.error} onRetry={() => void session.query.refetch()} />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { password, confirm } = newPassword;
    const problems = {
      ...(name.trim() === '' && { name: 'Enter your name' }),
      ...(email.trim() === '' && { email: 'Enter your e-mail address' }),
      ...newPasswordProblems(password, confirm),
    };
    setLocal(problems);
    if (Object.keys(problems).length === 0) setup.mutate({ token, email: email.trim(), name: name.trim(), password });
  };

  const serverProblems = setup.error ? problemsOf(setup.error, FIELDS) : NO_PROBLEMS;
  // A wrong token (401) or too many attempts (429) reads as a sentence, not as the raw API message.
  const shown = serverProblems.general.length > 0 ? { ...serverProblems, general: [credentialsError(setup.error)] } : serverProblems;

  return (
    <AuthPanel id="setup" title="First start" heading="Create the first administrator">
      {!session.me?.setupRequired && !setup.isSuccess ? (
        <p className="auth-info">
          Phaseline is already set up: an administrator exists. <Link to="/login">Log in</Link> instead.
        </p>
      ) : !token ? (
        <p className="auth-info">
          This page needs the setup link the server printed when it started: <code>/setup?token=…</code>.
        </p>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate aria-label="First administrator">
          <p className="muted">No administrator exists yet. The one you create here administers Phaseline and invites everyone else.</p>
          <GeneralProblems problems={shown} />
          <TextField label="Name" value={name} onChange={setName} error={local.name ?? serverProblems.fields.name} dir="auto" autoComplete="name" />
          <EmailField value={email} onChange={setEmail} error={local.email ?? serverProblems.fields.email} />
          <NewPasswordFields label="Password" repeatLabel="Repeat the password" state={newPassword} errors={local} serverError={serverProblems.fields.password} />
          <FormActions submit="Create administrator" busy={setup.isPending} busyLabel="Creating…" />
        </form>
      )}
    </AuthPanel>
  );
}
