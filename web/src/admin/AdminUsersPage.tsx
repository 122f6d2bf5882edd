/** /admin/users: every account, inviting users, new invitation links, disabling and the administrator flag. */
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { UserView } from '../../../src/contract/index.ts';
import { RequireUser } from '../auth/RequireUser.tsx';
import { useSession } from '../auth/session.ts';
import { ApiError, errorMessage } from '../shared/api.ts';
import { CopyField } from '../shared/CopyField.tsx';
import { Notice } from '../shared/Notice.tsx';
import { ScrollingTable } from '../shared/ScrollingTable.tsx';
import { AGREEMENT_ROLE_LABELS } from '../shared/labels.ts';
import { EmptyState, ErrorState, Loading } from '../shared/states.tsx';
import { InviteUserForm } from './InviteUserForm.tsx';
import { invitationUrl, useNewInvitation, useUpdateUser, useUsers } from './users.api.ts';
import './admin.css';

function noticeFromState(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string') return state.notice;
  return null;
}

export function AdminUsersPage() {
  return (
    <RequireUser admin>
      <AdminUsers />
    </RequireUser>
  );
}

function AdminUsers() {
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(() => noticeFromState(location.state));
  return (
    <div className="page admin-page">
      <title>Accounts · Administration · Phaseline</title>
      <p className="eyebrow">Administration</p>
      <h1>Accounts</h1>
      <p className="muted">
        Invite people here. Roles on an agreement (mediator, monitor, party delegate, viewer) are given on the agreement’s own page, in its
        Members section; administrators hold every right everywhere. <Link to="/">Open an agreement</Link>.
      </p>
      <section className="panel invite-panel" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a user</h2>
        <InviteUserForm />
      </section>
      <section aria-labelledby="accounts-heading" className="section">
        <h2 id="accounts-heading">All accounts</h2>
        <UsersTable onChanged={setNotice} />
      </section>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </div>
  );
}

function UsersTable({ onChanged }: { onChanged: (message: string) => void }) {
  const users = useUsers();
  const { user: me } = useSession();
  const update = useUpdateUser();
  const newInvitation = useNewInvitation();
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);

  if (users.isPending) return <Loading label="Loading accounts…" />;
  if (users.isError) return <ErrorState error={users.error} title="Could not load the accounts" onRetry={() => void users.refetch()} />;
  if (users.data.length === 0) return <EmptyState title="No accounts yet." />;

  const change = (user: UserView, patch: { admin?: boolean; disabled?: boolean }, done: string) =>
    update.mutate({ id: user.id, version: user.version, ...patch }, { onSuccess: () => onChanged(done) });
  const reinvite = (user: UserView) =>
    newInvitation.mutate(user.id, { onSuccess: (invitation) => setLink({ email: user.email, url: invitationUrl(invitation) }) });
  const error = update.error ?? newInvitation.error;

  return (
    <>
      {error ? (
        <div className="form-problems" role="alert">
          <p>
            {error instanceof ApiError && error.isConflict
              ? 'That account was changed by someone else meanwhile: the list now shows it as it is. Try again.'
              : errorMessage(error)}
          </p>
        </div>
      ) : null}
      {link ? (
        <div className="secret-once" role="region" aria-label="New invitation link">
          <CopyField
            label={`Invitation link for ${link.email}`}
            value={link.url}
            hint="Copy it now: it is not shown again. It lets them set a new password, once, within 7 days."
          />
          <button type="button" className="button" onClick={() => setLink(null)}>
            Done
          </button>
        </div>
      ) : null}
      <ScrollingTable
        labelledBy="accounts-heading"
        className="users-table"
        columns={['Name', 'E-mail', 'Administrator', 'Roles', 'Status', 'Password', 'Actions']}
      >
        {users.data.map((user) => {
          const self = user.id === me?.id;
          return (
            <tr key={user.id} aria-label={user.email}>
              <th scope="row" dir="auto">
                {user.name}
                {self ? <span className="muted"> (you)</span> : null}
              </th>
              <td className="mono nowrap">{user.email}</td>
              <td>{user.admin ? <span className="pill pill-admin">Administrator</span> : <span className="muted">no</span>}</td>
              <td>
                {user.roles.length === 0 ? (
                  <span className="muted">none</span>
                ) : (
                  <ul className="account-roles">
                    {user.roles.map((r) => (
                      <li key={r.agreementSlug}>
                        {AGREEMENT_ROLE_LABELS[r.role]}
                        {r.partyName ? (
                          <>
                            {' for '}
                            <bdi>{r.partyName}</bdi>
                          </>
                        ) : null}
                        {' on '}
                        <Link to={`/agreements/${r.agreementSlug}`} dir="auto">
                          {r.agreementTitle}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{user.disabledAt ? <span className="pill pill-disabled">Disabled</span> : 'Active'}</td>
              <td>{user.hasPassword ? 'Set' : <span className="pill pill-outline">Invited, not yet set</span>}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`New invitation link for ${user.email}`}
                    disabled={newInvitation.isPending}
                    onClick={() => reinvite(user)}
                  >
                    New invitation link
                  </button>
                  {self ? null : (
                    <>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`${user.disabledAt ? 'Enable' : 'Disable'} ${user.email}`}
                        disabled={update.isPending}
                        onClick={() => change(user, { disabled: !user.disabledAt }, `${user.email} ${user.disabledAt ? 'enabled' : 'disabled'}.`)}
                      >
                        {user.disabledAt ? 'Enable' : 'Disable'}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={user.admin ? `Remove the administrator flag of ${user.email}` : `Make ${user.email} an administrator`}
                        disabled={update.isPending}
                        onClick={() => change(user, { admin: !user.admin }, `${user.email} ${user.admin ? 'is no longer an administrator' : 'is now an administrator'}.`)}
                      >
                        {user.admin ? 'Remove admin' : 'Make admin'}
                      </button>
                    </>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </ScrollingTable>
    </>
  );
}
