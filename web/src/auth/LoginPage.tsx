/** /login: e-mail and password; afterwards back to ?next= (a path of this site) or home. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormActions, FormAlert } from '../shared/forms.tsx';
import { AuthPanel } from './AuthPanel.tsx';
import { CurrentPasswordField, EmailField } from './CredentialFields.tsx';
import { credentialsError, safeNext } from './paths.ts';
import { useLogin, useSession, useSessionEnded } from './session.ts';
import './auth.css';

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const ended = useSessionEnded();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      ...(email.trim() === '' && { email: 'Enter your e-mail address' }),
      ...(password === '' && { password: 'Enter your password' }),
    };
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    login.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  const loggedInAs = session.user && !login.isPending && !login.isSuccess ? session.user : null;

  return (
    <AuthPanel id="login" title="Log in" heading="Log in">
      {ended && !session.user ? (
        <p className="auth-info" role="status">
          Your session has ended. Log in again to continue.
        </p>
      ) : null}
      {session.me?.setupRequired ? (
        <p className="auth-info">
          Phaseline has no administrator yet. Open the setup link the server printed when it started (<code>/setup?token=…</code>) to create
          the first administrator.
        </p>
      ) : null}
      {loggedInAs ? (
        <p className="auth-info">
          You are logged in as <strong dir="auto">{loggedInAs.name}</strong>. Logging in again replaces that session.
        </p>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Log in">
        {login.isError ? <FormAlert>{credentialsError(login.error)}</FormAlert> : null}
        <EmailField value={email} onChange={setEmail} error={missing.email} autoFocus />
        <CurrentPasswordField label="Password" value={password} onChange={setPassword} error={missing.password} />
        <FormActions submit="Log in" busy={login.isPending} busyLabel="Logging in…" />
      </form>
      <p className="muted auth-footnote">
        No account? An administrator invites you with a link. Visitors may <Link to="/">read the public agreements</Link> without
        one.
      </p>
    </AuthPanel>
  );
}
