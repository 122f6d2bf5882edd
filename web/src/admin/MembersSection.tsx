/** The Members section of an agreement's page (administrators): roles, giving one, taking one away. */
import { useState, type FormEvent } from 'react';
import type { PartyView } from '../../../src/contract/index.ts';
import { AGREEMENT_ROLES, type AgreementRole } from '../../../src/core/access.ts';
import { SelectField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, NO_PROBLEMS, problemsOf } from '../shared/forms.tsx';
import { AGREEMENT_ROLE_LABELS, options } from '../shared/labels.ts';
import { ScrollingTable } from '../shared/ScrollingTable.tsx';
import { ErrorState, Loading, QueryStates } from '../shared/states.tsx';
import { useMembers, useRemoveMember, useSetMember } from './members.api.ts';
import { useUsers } from './users.api.ts';
import './admin.css';

const isRole = (value: string): value is AgreementRole => (AGREEMENT_ROLES as readonly string[]).includes(value);

export function MembersSection({ slug, parties, onChanged }: { slug: string; parties: PartyView[]; onChanged: (message: string) => void }) {
  const members = useMembers(slug);
  const remove = useRemoveMember(slug);
  const partyName = (id: string | null) => (id ? (parties.find((p) => p.id === id)?.name ?? 'Unknown party') : null);

  return (
    <section aria-labelledby="members-heading" className="section">
      <div className="section-head">
        <h2 id="members-heading">Members</h2>
        <span className="muted">Administrators only · administrators hold every right without a role</span>
      </div>
      <div className="members-grid">
        <div>
          <QueryStates query={members} loading="Loading members…" failed="Could not load the members" empty="Nobody holds a role on this agreement yet.">
            {(data) => (
              <ScrollingTable labelledBy="members-heading" columns={['Name', 'E-mail', 'Role', 'Party', <span className="visually-hidden">Actions</span>]}>
                {data.map((m) => (
                  <tr key={m.userId} aria-label={m.email}>
                    <th scope="row" dir="auto">
                      {m.name}
                    </th>
                    <td className="mono nowrap">{m.email}</td>
                    <td className="nowrap">{AGREEMENT_ROLE_LABELS[m.role]}</td>
                    <td dir="auto">{partyName(m.partyId) ?? <span className="muted">—</span>}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Remove ${m.email} from this agreement`}
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(m.userId, { onSuccess: () => onChanged(`${m.email} no longer holds a role here.`) })}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </ScrollingTable>
            )}
          </QueryStates>
          {remove.isError ? <GeneralProblems problems={problemsOf(remove.error, [])} /> : null}
        </div>
        <div className="panel">
          <h3>Give a role</h3>
          <MemberForm slug={slug} parties={parties} onChanged={onChanged} />
        </div>
      </div>
    </section>
  );
}

const FIELDS = ['userId', 'role', 'partyId'] as const;

function MemberForm({ slug, parties, onChanged }: { slug: string; parties: PartyView[]; onChanged: (message: string) => void }) {
  const users = useUsers();
  const set = useSetMember(slug);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<AgreementRole>('viewer');
  const [partyId, setPartyId] = useState('');
  const [missing, setMissing] = useState<{ userId?: string; partyId?: string }>({});
  const problems = set.error ? problemsOf(set.error, FIELDS) : NO_PROBLEMS;

  if (users.isPending) return <Loading label="Loading accounts…" />;
  if (users.isError) return <ErrorState error={users.error} title="Could not load the accounts" onRetry={() => void users.refetch()} />;

  const candidates = users.data.filter((u) => !u.admin && !u.disabledAt);
  const delegate = role === 'party_delegate';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      ...(userId === '' && { userId: 'Pick a user' }),
      ...(delegate && partyId === '' && { partyId: 'A party delegate speaks for one party: pick it' }),
    };
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    const user = users.data.find((u) => u.id === userId);
    set.mutate(
      { userId, role, partyId: delegate ? partyId : null },
      {
        onSuccess: (m) => {
          const party = m.partyId ? ` for ${parties.find((p) => p.id === m.partyId)?.name ?? 'a party'}` : '';
          onChanged(`${user?.email ?? 'The user'} is now ${AGREEMENT_ROLE_LABELS[m.role].toLowerCase()}${party} on this agreement.`);
          setUserId('');
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Give a role">
      <GeneralProblems problems={problems} />
      <SelectField
        label="User"
        value={userId}
        onChange={setUserId}
        error={missing.userId ?? problems.fields.userId}
        options={[{ value: '', label: 'Pick a user…' }, ...candidates.map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }))]}
        hint="Giving a role replaces the one the user held here. Administrators need none."
      />
      <SelectField
        label="Role"
        value={role}
        onChange={(value) => isRole(value) && setRole(value)}
        error={problems.fields.role}
        options={options(AGREEMENT_ROLE_LABELS)}
      />
      {delegate ? (
        <SelectField
          label="Party"
          value={partyId}
          onChange={setPartyId}
          error={missing.partyId ?? problems.fields.partyId}
          options={[{ value: '', label: 'Pick a party…' }, ...parties.map((p) => ({ value: p.id, label: p.name }))]}
        />
      ) : null}
      <FormActions submit="Give role" busy={set.isPending} busyLabel="Saving…" />
    </form>
  );
}
