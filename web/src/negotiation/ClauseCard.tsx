/**
 * One clause: its number, status and deadline; its text with each bracket group's alternatives side
 * by side; per group the consensus, who blocks (where the reader may know), the grid of stances, and
 * for mediators a Settle button once the group is agreed. Actions open the stance form, the editor
 * and the versions with their diff.
 */
import { Fragment, useId } from 'react';
import type { ClauseView, PartyView } from '../../../src/contract/index.ts';
import { FormAlert, GeneralProblems, problemsOf } from '../shared/forms.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { ClauseStatusBadge } from './ClauseStatusBadge.tsx';
import { useSettle } from './negotiation.api.ts';
import type { StanceGroup } from './StanceForm.tsx';
import { StanceGrid } from './StanceGrid.tsx';
import { alternativeText, blockersText, type GroupConsensus } from './stanceGrid.ts';

/** What a clause card may open. */
export type ClauseAction = { kind: 'stance'; groupKey: string } | { kind: 'edit' } | { kind: 'versions' };

export interface ClauseCardProps {
  slug: string;
  documentId: string;
  clause: ClauseView;
  /** The deadline it is held to (its own or the document's) and whether that is the document's. */
  deadline: string | null;
  deadlineIsDocument: boolean;
  timeZone: string;
  parties: PartyView[];
  partyName: (id: string) => string | undefined;
  canStateStances: boolean;
  documentWrite: boolean;
  onAction: (clause: ClauseView, action: ClauseAction) => void;
  onChanged: (message: string) => void;
}

/** "Clause 2.1", or "Clause (paragraph 3)" for one without a number. */
export const clauseName = (clause: Pick<ClauseView, 'number' | 'position'>): string =>
  clause.number ? `Clause ${clause.number}` : `Clause (paragraph ${clause.position + 1})`;

/** The clause's bracket groups in order, named "Group 1", "Group 2"... */
export function clauseGroups(clause: ClauseView): StanceGroup[] {
  return clause.segments.flatMap((s) => (s.kind === 'group' ? [{ key: s.key, alternatives: s.alternatives }] : [])).map((g, i) => ({ ...g, label: `Group ${i + 1}` }));
}

export function ClauseCard(props: ClauseCardProps) {
  const { clause, deadline, deadlineIsDocument, timeZone, canStateStances, documentWrite, onAction } = props;
  const headingId = useId();
  const groups = clauseGroups(clause);
  const name = clauseName(clause);
  let groupIndex = 0;

  return (
    <article className={`clause panel clause-${clause.consensus.status}`} aria-labelledby={headingId} data-clause={clause.number ?? ''}>
      <header className="clause-head">
        <h3 id={headingId} className="clause-number">
          {name}
        </h3>
        <ClauseStatusBadge status={clause.consensus.status} />
        <span className="meta">
          {deadline ? (
            <>
              Due <ZonedTime iso={deadline} timeZone={timeZone} />
              {deadlineIsDocument ? ' (the document’s)' : ''}
            </>
          ) : (
            'No deadline'
          )}{' '}
          · version {clause.version}
        </span>
      </header>
      <div className="clause-text" dir="auto">
        {clause.segments.map((segment, i) => {
          if (segment.kind === 'text') return <Fragment key={i}>{segment.text}</Fragment>;
          const n = ++groupIndex;
          return (
            <span key={i} className="group-inline" role="group" aria-label={`Group ${n}: ${segment.alternatives.length} alternatives`}>
              {segment.alternatives.map((text, a) => (
                <span key={a} className={text.trim() === '' ? 'alternative alternative-omit' : 'alternative'}>
                  <span className="alternative-label">{a + 1}</span>
                  <span dir="auto">{alternativeText(text)}</span>
                </span>
              ))}
            </span>
          );
        })}
      </div>
      {clause.provisions.length > 0 ? (
        <p className="meta">
          Creates{' '}
          {clause.provisions.map((p, i) => (
            <span key={p.id} dir="auto">
              {i > 0 ? ', ' : ''}
              {p.code || p.title}
            </span>
          ))}
        </p>
      ) : null}
      {groups.map((group, i) => {
        const consensus = clause.consensus.groups.find((g) => g.key === group.key);
        return consensus ? (
          <GroupBlock key={group.key} {...props} group={group} consensus={consensus} label={`${name}, group ${i + 1}`} />
        ) : null;
      })}
      <div className="clause-actions">
        {canStateStances && groups.length > 0 ? (
          <button type="button" className="button button-small" onClick={() => onAction(clause, { kind: 'stance', groupKey: groups[0]?.key ?? '' })}>
            State a stance<span className="visually-hidden"> on {name}</span>
          </button>
        ) : null}
        {documentWrite ? (
          <button type="button" className="button button-small" onClick={() => onAction(clause, { kind: 'edit' })}>
            Edit text<span className="visually-hidden"> of {name}</span>
          </button>
        ) : null}
        <button type="button" className="button button-small" onClick={() => onAction(clause, { kind: 'versions' })}>
          Versions and changes<span className="visually-hidden"> of {name}</span>
        </button>
      </div>
    </article>
  );
}

function GroupBlock(props: ClauseCardProps & { group: StanceGroup; consensus: GroupConsensus; label: string }) {
  const { slug, documentId, clause, group, consensus, label, parties, partyName, documentWrite, onChanged } = props;
  const settle = useSettle(slug, documentId);
  const blockers = blockersText(consensus, partyName);
  const agreed = consensus.agreedAlternative;
  const settleProblems = settle.isError ? problemsOf(settle.error, []) : null;
  return (
    <section className="group-block" aria-label={label}>
      <div className="group-head">
        <h4>{group.label}</h4>
        <ClauseStatusBadge status={consensus.status} />
        {agreed !== null ? (
          <span className="group-agreed" dir="auto">
            Agreed on alternative {agreed + 1}: {alternativeText(group.alternatives[agreed] ?? '')}
          </span>
        ) : null}
        {documentWrite && agreed !== null ? (
          <button
            type="button"
            className="button button-small button-primary"
            disabled={settle.isPending}
            onClick={() =>
              settle.mutate(
                { clauseId: clause.id, body: { groupKey: group.key, version: clause.version } },
                { onSuccess: () => onChanged(`${label} settled: alternative ${agreed + 1} kept, its brackets removed.`) },
              )
            }
          >
            {settle.isPending ? 'Settling…' : 'Settle'}
            <span className="visually-hidden"> {label}</span>
          </button>
        ) : null}
      </div>
      {blockers ? (
        // Rejects block the group only when every alternative has one; else they say what stands in the way.
        <p className="group-blockers" dir="auto">
          {consensus.status === 'blocked' ? 'Blocked' : 'Rejections'}: {blockers}.
        </p>
      ) : null}
      {settleProblems?.conflict ? (
        <FormAlert>The clause changed meanwhile (an edit, or another group settled). It is shown as it is now: look again, then settle.</FormAlert>
      ) : settleProblems ? (
        <GeneralProblems problems={settleProblems} />
      ) : null}
      <StanceGrid clause={clause} groupKey={group.key} label={label} alternatives={group.alternatives} parties={parties} partyName={partyName} />
    </section>
  );
}
