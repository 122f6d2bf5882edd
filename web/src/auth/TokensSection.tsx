/** Your API tokens: create one (its secret is shown once), see when each was used, revoke. */
import { useState, type FormEvent } from 'react';
import { CopyField } from '../shared/CopyField.tsx';
import { SelectField, TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, NO_PROBLEMS, problemsOf } from '../shared/forms.tsx';
import { QueryStates } from '../shared/states.tsx';
import { browserZone } from '../shared/time.ts';
import { YourTime } from '../shared/ZonedTime.tsx';
import { useCreateToken, useRevokeToken, useTokens, type TokenCreated, type TokenView } from './auth.api.ts';

const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: '', label: 'Never' },
] as const;

function tokenState(token: TokenView, now: number): string {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

export function TokensSection() {
  const tokens = useTokens();
  const [created, setCreated] = useState<TokenCreated | null>(null);
  return (
    <section className="panel" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        For scripts and the command line: send a token in the header <code>Authorization: Bearer &lt;token&gt;</code>; it acts with
        your rights. Times here belong to no agreement: they are in your time zone, {browserZone()}.
      </p>
      {created ? (
        <div className="secret-once" role="region" aria-label="New API token">
          <CopyField label={`Secret of “${created.name}”`} value={created.token} hint="Copy it now: it is not shown again." />
          <button type="button" className="button" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      ) : (
        <TokenForm onCreated={setCreated} />
      )}
      <QueryStates query={tokens} loading="Loading your tokens…" failed="Could not load your tokens" empty="No API tokens yet.">
        {(data) => (
          <ul className="token-list" aria-label="Your API tokens">
            {data.map((token) => (
              <TokenItem key={token.id} token={token} />
            ))}
          </ul>
        )}
      </QueryStates>
    </section>
  );
}

function TokenForm({ onCreated }: { onCreated: (token: TokenCreated) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  const [missing, setMissing] = useState<string | undefined>();
  const problems = create.error ? problemsOf(create.error, ['name']) : NO_PROBLEMS;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setMissing('Name the token, e.g. after the script that uses it');
      return;
    }
    setMissing(undefined);
    create.mutate(
      { name: name.trim(), expiresInDays: expiry === '' ? null : Number(expiry) },
      {
        onSuccess: (token) => {
          setName('');
          onCreated(token);
        },
      },
    );
  };

  return (
    <form className="form token-form" onSubmit={onSubmit} noValidate aria-label="New API token">
      <GeneralProblems problems={problems} />
      <div className="form-row">
        <TextField label="Token name" value={name} onChange={setName} error={missing ?? problems.fields.name} dir="auto" autoComplete="off" />
        <SelectField label="Expires after" value={expiry} onChange={setExpiry} options={EXPIRY} />
      </div>
      <FormActions submit="Create token" busy={create.isPending} busyLabel="Creating…" />
    </form>
  );
}

function TokenItem({ token }: { token: TokenView }) {
  const revoke = useRevokeToken();
  const [confirming, setConfirming] = useState(false);
  // Read once per render of the list: whether a token has expired by now.
  const [now] = useState(() => Date.now());
  const state = tokenState(token, now);
  return (
    <li className="token-item" aria-label={`Token ${token.name}`}>
      <div className="token-head">
        <span className="token-name" dir="auto">
          {token.name}
        </span>
        <span className={`pill token-${state}`}>{state}</span>
      </div>
      <p className="meta">
        created <YourTime iso={token.createdAt} /> ·{' '}
        {token.expiresAt ? (
          <>
            expires <YourTime iso={token.expiresAt} />
          </>
        ) : (
          'never expires'
        )}{' '}
        · {token.lastUsedAt ? (
          <>
            last used <YourTime iso={token.lastUsedAt} />
          </>
        ) : (
          'never used'
        )}
      </p>
      {revoke.isError ? <p className="field-error">{problemsOf(revoke.error, []).general.join(' ')}</p> : null}
      {state === 'active' ? (
        confirming ? (
          <p className="confirm-row">
            <span>Scripts using it will get 401.</span>
            <button type="button" className="button button-danger button-small" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id)}>
              Revoke now
            </button>
            <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </p>
        ) : (
          <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
            Revoke
          </button>
        )
      ) : null}
    </li>
  );
}
