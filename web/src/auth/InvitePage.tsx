/** /invite/:token: an invited user sets a password, and is logged in. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, apiPath } from '../shared/api.ts';
import { TextField } from '../shared/fields.tsx';
import { newPasswordProblems, type NewPasswordProblems } from './passwords.ts';
import { credentialsError } from './paths.ts';
import { LoggedIn, useIdentityChanged, useSession } from './session.ts';
import './auth.css';

export function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const changed = useIdentityChanged();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<NewPasswordProblems>({});

  const accept = useMutation({
    mutationFn: (body: { token: string; password: string }) => api.post(apiPath('/auth/invitations/accept'), LoggedIn, body),
    onSuccess: async (loggedIn) => {
      await changed(loggedIn);
      await navigate('/', { replace: true, state: { notice: `Welcome, ${loggedIn.user.name}: your password is set and you are logged in.` } });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = newPasswordProblems(password, confirm);
    setLocal(problems);
    if (Object.keys(problems).length === 0) accept.mutate({ token, password });
  };

  const gone = accept.error instanceof ApiError && accept.error.isNotFound;

  return (
    <section className="page auth-page" aria-labelledby="invite-heading">
      <title>Set your password · Phaseline</title>
      <div className="panel auth-panel">
        <h1 id="invite-heading">Set your password</h1>
        <p className="muted">You were invited to Phaseline. Choose a password to finish creating your account.</p>
        {session.user ? (
          <p className="auth-info">
            You are logged in as <strong dir="auto">{session.user.name}</strong>; setting this password logs you in as the invited account
            instead.
          </p>
        ) : null}
        <form className="form" onSubmit={onSubmit} noValidate aria-label="Set your password">
          {accept.isError ? (
            <div className="form-problems" role="alert">
              <p>
                {gone
                  ? 'This invitation link was already used, has expired or is unknown. Ask an administrator for a new link.'
                  : credentialsError(accept.error)}
              </p>
            </div>
          ) : null}
          <TextField
            label="New password"
            type="password"
            value={password}
            onChange={setPassword}
            error={local.password}
            hint="At least 12 characters."
            autoComplete="new-password"
            autoFocus
          />
          <TextField label="Repeat the password" type="password" value={confirm} onChange={setConfirm} error={local.confirm} autoComplete="new-password" />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={accept.isPending}>
              {accept.isPending ? 'Saving…' : 'Set password and log in'}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
