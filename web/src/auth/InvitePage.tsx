/** /invite/:token: an invited user sets a password, and is logged in. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { InvitationStatusView } from '../../../src/contract/index.ts';
import { api, ApiError, apiPath } from '../shared/api.ts';
import { Loading } from '../shared/states.tsx';
import { FormActions, FormAlert } from '../shared/forms.tsx';
import { AuthPanel } from './AuthPanel.tsx';
import { NewPasswordFields } from './CredentialFields.tsx';
import { newPasswordProblems, useNewPassword, type NewPasswordProblems } from './passwords.ts';
import { credentialsError } from './paths.ts';
import { LoggedIn, useIdentityChanged, useSession } from './session.ts';
import './auth.css';

const GONE = 'This invitation link was already used, has expired or is unknown. Ask an administrator for a new link.';

export function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const changed = useIdentityChanged();
  const newPassword = useNewPassword();
  const [local, setLocal] = useState<NewPasswordProblems>({});
  // Whether the link is still open, before asking for a password nobody could set.
  const status = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.post(apiPath('/auth/invitations/check'), InvitationStatusView, { token }),
    retry: false,
    staleTime: Infinity,
  });

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
  const closed = status.error instanceof ApiError && status.error.isNotFound;

  if (status.isPending) return <Loading label="Checking the invitation link…" />;
  if (status.isError) {
    return (
      <AuthPanel id="invite" title="Invitation link" heading="Invitation link">
        <FormAlert>{closed ? GONE : `The invitation link could not be checked: ${status.error.message}`}</FormAlert>
      </AuthPanel>
    );
  }

  return (
    <AuthPanel id="invite" title="Set your password" heading="Set your password">
      <p className="muted">
        You were invited to Phaseline as <strong dir="auto">{status.data.name}</strong> ({status.data.email}). Choose a password to finish creating your
        account.
      </p>
      {session.user ? (
        <p className="auth-info">
          You are logged in as <strong dir="auto">{session.user.name}</strong>; setting this password logs you in as the invited account
          instead.
        </p>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Set your password">
        {accept.isError ? (
          <FormAlert>
            {gone ? GONE : credentialsError(accept.error)}
          </FormAlert>
        ) : null}
        <NewPasswordFields label="New password" repeatLabel="Repeat the password" state={newPassword} errors={local} autoFocus />
        <FormActions submit="Set password and log in" busy={accept.isPending} busyLabel="Saving…" />
      </form>
    </AuthPanel>
  );
}
