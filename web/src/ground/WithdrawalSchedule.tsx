/**
 * The withdrawal schedule: each item's force, party, the area it leaves and the line it goes behind
 * (linked to the map), its deadline (a day in the agreement's zone), its status written out with
 * since when, and the newest verification with its grade and evidence. Monitors record
 * verifications; mediators add and edit items.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { WithdrawalItemView, WithdrawalVerificationView } from '../../../src/contract/index.ts';
import { WITHDRAWAL_FINDING_LABELS, WITHDRAWAL_STATUS_LABELS, WITHDRAWAL_STATUSES } from '../../../src/core/index.ts';
import { gradeMeaning } from '../incidents/incidentText.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { QueryStates } from '../shared/states.tsx';
import { formatDate } from '../shared/time.ts';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { WithdrawalStatusBadge } from './badges.tsx';
import { useWithdrawalItems } from './ground.api.ts';
import type { GroundContext } from './GroundContext.tsx';
import { statusText, WITHDRAWAL_STATUS_MEANINGS } from './groundText.ts';
import { VerificationForm } from './VerificationForm.tsx';
import { WithdrawalItemForm } from './WithdrawalItemForm.tsx';

type Editor = { kind: 'verify'; item: WithdrawalItemView } | { kind: 'item'; item: WithdrawalItemView | null };

export function WithdrawalSchedule({ slug, context, onNotice }: { slug: string; context: GroundContext; onNotice: (message: string) => void }) {
  const items = useWithdrawalItems(slug);
  const [editor, setEditor] = useState<Editor | null>(null);
  const close = () => setEditor(null);
  return (
    <section aria-labelledby="withdrawals-heading" className="section">
      <div className="section-head">
        <h2 id="withdrawals-heading">Withdrawal schedule</h2>
        {context.can.write ? (
          <button type="button" className="button" onClick={() => setEditor({ kind: 'item', item: null })} disabled={context.phases.length === 0}>
            + Add withdrawal item
          </button>
        ) : null}
      </div>
      <p className="muted">
        Deadlines and observations are days in the agreement’s time zone, {context.agreement.timeZone}. A status is worked out from the
        deadline and the verifications as of today there.
      </p>
      <QueryStates query={items} loading="Loading the withdrawal schedule…" failed="Could not load the withdrawal schedule" empty="No withdrawal item has been scheduled.">
        {(list) => <ScheduleTable slug={slug} context={context} items={list} busy={items.isFetching} onEdit={setEditor} />}
      </QueryStates>
      <dl className="ground-key" aria-label="What each status means">
        {WITHDRAWAL_STATUSES.map((s) => (
          <div key={s}>
            <dt>
              <span className={`badge withdrawal-status withdrawal-status-${s}`}>{WITHDRAWAL_STATUS_LABELS[s]}</span>
            </dt>
            <dd>{WITHDRAWAL_STATUS_MEANINGS[s]}</dd>
          </div>
        ))}
      </dl>
      {editor?.kind === 'verify' ? (
        <Dialog title={`Verify: ${editor.item.force}`} onClose={close}>
          <VerificationForm
            slug={slug}
            timeZone={context.agreement.timeZone}
            item={editor.item}
            onSaved={(item) => {
              onNotice(`Verification recorded: “${item.force}” is now ${statusText(item).toLowerCase()}.`);
              close();
            }}
            onCancel={close}
          />
        </Dialog>
      ) : null}
      {editor?.kind === 'item' ? (
        <Dialog title={editor.item ? `Edit withdrawal item: ${editor.item.force}` : 'New withdrawal item'} onClose={close}>
          <WithdrawalItemForm
            slug={slug}
            context={context}
            item={editor.item}
            onSaved={(message) => {
              onNotice(message);
              close();
            }}
            onCancel={close}
          />
        </Dialog>
      ) : null}
    </section>
  );
}

function ScheduleTable(props: { slug: string; context: GroundContext; items: WithdrawalItemView[]; busy: boolean; onEdit: (editor: Editor) => void }) {
  const { slug, context, items, busy, onEdit } = props;
  const mapLink = (zoneId: string | null) => {
    const zone = context.zones.find((z) => z.id === zoneId);
    if (!zone) return <span className="muted">none named</span>;
    return (
      <Link to={`/agreements/${encodeURIComponent(slug)}/map?zone=${encodeURIComponent(zone.id)}`} dir="auto">
        {zone.name}
      </Link>
    );
  };
  const phaseName = (id: string) => context.phases.find((p) => p.id === id)?.name ?? '';
  const actions = context.can.observe || context.can.write;
  return (
    <div className="table-scroll">
      <table className="data-table withdrawal-table" aria-labelledby="withdrawals-heading" aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">Force</th>
            <th scope="col">Party</th>
            <th scope="col">Area left</th>
            <th scope="col">Goes behind</th>
            <th scope="col">Deadline</th>
            <th scope="col">Status</th>
            <th scope="col">Latest verification</th>
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <span dir="auto">{item.force}</span>
                <span className="ground-sub" dir="auto">
                  {phaseName(item.phaseId)}
                </span>
              </th>
              <td dir="auto">{context.parties.find((p) => p.id === item.partyId)?.name ?? <span className="muted">none named</span>}</td>
              <td>{mapLink(item.fromZoneId)}</td>
              <td>{mapLink(item.behindZoneId)}</td>
              <td>
                <time dateTime={item.deadline}>{formatDate(item.deadline)}</time>
              </td>
              <td>
                <WithdrawalStatusBadge item={item} />
              </td>
              <td>
                <LatestVerification verification={item.verifications.at(-1) ?? null} count={item.verifications.length} timeZone={context.agreement.timeZone} />
              </td>
              {actions ? (
                <td className="ground-actions">
                  {context.can.observe ? (
                    <button type="button" className="button button-small" onClick={() => onEdit({ kind: 'verify', item })} aria-label={`Verify ${item.force}`}>
                      Verify
                    </button>
                  ) : null}
                  {context.can.write ? (
                    <button type="button" className="button button-small" onClick={() => onEdit({ kind: 'item', item })} aria-label={`Edit ${item.force}`}>
                      Edit
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LatestVerification({ verification, count, timeZone }: { verification: WithdrawalVerificationView | null; count: number; timeZone: string }) {
  if (!verification) return <span className="muted">None recorded</span>;
  const grade = { reliability: verification.sourceReliability, credibility: verification.credibility };
  return (
    <div className="ground-verification">
      <p>
        <strong>{WITHDRAWAL_FINDING_LABELS[verification.finding]}</strong> on <time dateTime={verification.observedOn}>{formatDate(verification.observedOn)}</time>,
        graded{' '}
        <abbr title={gradeMeaning(grade)}>
          {verification.sourceReliability}
          {verification.credibility}
        </abbr>
      </p>
      <p className="ground-sub">
        by <span dir="auto">{verification.authorName}</span>, <ZonedTime iso={verification.createdAt} timeZone={timeZone} />
        {count > 1 ? ` (${count} verifications)` : ''}
      </p>
      {verification.notes ? (
        <p className="ground-sub" dir="auto">
          {verification.notes}
        </p>
      ) : null}
      {verification.evidence.length > 0 ? (
        <ul className="ground-evidence" aria-label="Evidence">
          {verification.evidence.map((e) => (
            <li key={e.url}>
              <a href={e.url} target="_blank" rel="noopener noreferrer" dir="auto">
                {e.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
