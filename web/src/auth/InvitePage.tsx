/** /invite/:token: an invited user sets a password, and is logged in. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, apiPath } from '../shared/api.ts';
import { FormActions, FormAlert } from '../shared/forms.tsx';
import { AuthPanel } from './AuthPanel.tsx';
import { NewPasswordFields } from './CredentialFields.tsx';
import { newPasswordProblems, useNewPassword, type NewPasswordProblems } from './passwords.ts';
import { credentialsError } from './paths.ts';
import { LoggedIn, useIdentityChanged, useSession } from './session.ts';
import './auth.css';

export function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const changed = useIdentityChanged();
  const newPassword = useNewPassword();
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
    const { password, confirm } = newPassword;
    const problems = newPasswordProblems(password, confirm);
    setLocal(problems);
    if (Object.keys(problems).length === 0) accept.mutate({ token, password });
  };

  const gone = accept.error instanceof ApiError && accept.error.isNotFound;

  return (
    <AuthPanel id="invite" title="Set your password" heading="Set your password">
      <p className="muted">You were invited to Phaseline. Choose a password to finish creating your account.</p>
      {session.user ? (
        <p className="auth-info">
          You are logged in as <strong dir="auto">{session.user.name}</strong>; setting this password logs you in as the invited account
          instead.
        </p>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Set your password">
        {accept.isError ? (
          <FormAlert>
            {gone
              ? 'This invitation link was already used, has expired or is unknown. Ask an administrator for a new link.'
              : credentialsError(accept.error)}
          </FormAlert>
        ) : null}
        <NewPasswordFields label="New password" repeatLabel="Repeat the password" state={newPassword} errors={local} autoFocus />
        <FormActions submit="Set password and log in" busy={accept.isPending} busyLabel="Saving…" />
      </form>
    </AuthPanel>
  );
}
