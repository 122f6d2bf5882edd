/**
 * The Notes section of an agreement's page: the notes the server lets the caller see (those of the
 * audiences they are in), each with its author and audience, and a form for the notes they may write.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { NoteView, PartyView, ProvisionView } from '../../../src/contract/index.ts';
import type { Audience, Audienced } from '../../../src/core/access.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { GeneralProblems, problemsOf } from '../shared/forms.tsx';
import { QueryStates } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { provisionPath } from '../provisions/paths.ts';
import { audienceBadge } from './audiences.ts';
import { NoteForm } from './NoteForm.tsx';
import { useNotes, useRemoveNote } from './notes.api.ts';
import './notes.css';

export interface NotesSectionProps {
  slug: string;
  timeZone: string;
  parties: PartyView[];
  provisions: ProvisionView[];
  /** Ids of the parties the caller writes notes for. */
  noteParties: string[];
  /** The audiences the caller may give a note (none: the caller writes no notes). */
  noteAudiences: Audience[];
  /** Whether the caller may edit or delete a note. */
  writeNote: (note: Audienced) => boolean;
  onChanged: (message: string) => void;
}

export function NotesSection({ slug, timeZone, parties, provisions, noteParties, noteAudiences, writeNote, onChanged }: NotesSectionProps) {
  const notes = useNotes(slug);
  const [editing, setEditing] = useState<NoteView | null>(null);
  const [formKey, setFormKey] = useState(0);
  const writable = parties.filter((p) => noteParties.includes(p.id));
  const partyOf = (id: string | null) => (id ? parties.find((p) => p.id === id) : undefined);
  const provisionOf = (id: string | null) => (id ? provisions.find((p) => p.id === id) : undefined);
  // What the new-note form and the edit dialog's form share.
  const noteForm = { slug, parties: writable, audiences: noteAudiences, provisions };

  return (
    <section aria-labelledby="notes-heading" className="section">
      <h2 id="notes-heading">Notes</h2>
      <p className="muted">
        Each note has an audience: one party’s circle (its delegates and the mediators), the mediators only, or everyone who
        reads the agreement. Outside its audience nobody learns that a note exists.
      </p>
      <div className={noteAudiences.length > 0 ? 'notes-grid' : undefined}>
        <div>
          <QueryStates query={notes} loading="Loading notes…" failed="Could not load the notes" empty="No notes you may read yet.">
            {(data) => (
              <ul className="stack-list" aria-label="Notes">
                {data.map((note) => (
                  <NoteItem
                    key={note.id}
                    slug={slug}
                    note={note}
                    party={partyOf(note.partyId)}
                    provision={provisionOf(note.provisionId)}
                    timeZone={timeZone}
                    canWrite={writeNote(note)}
                    onEdit={() => setEditing(note)}
                    onChanged={onChanged}
                  />
                ))}
              </ul>
            )}
          </QueryStates>
        </div>
        {noteAudiences.length > 0 ? (
          <aside className="panel" aria-labelledby="note-form-heading">
            <h3 id="note-form-heading">Add a note</h3>
            <NoteForm
              key={formKey}
              {...noteForm}
              note={null}
              onSaved={(message) => {
                setFormKey((k) => k + 1);
                onChanged(message);
              }}
            />
          </aside>
        ) : null}
      </div>
      {editing ? (
        <Dialog title={`Edit note: ${editing.title}`} onClose={() => setEditing(null)}>
          <NoteForm
            {...noteForm}
            note={editing}
            onSaved={(message) => {
              setEditing(null);
              onChanged(message);
            }}
            onCancel={() => setEditing(null)}
          />
        </Dialog>
      ) : null}
    </section>
  );
}

/** A small padlock (inline SVG: no emoji font is needed, and the CSP allows it). */
function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 12 14" width="10" height="12" aria-hidden="true" focusable="false">
      <path d="M3 6V4a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="1" y="6" width="10" height="7.5" rx="1.5" fill="currentColor" />
    </svg>
  );
}

interface NoteItemProps {
  slug: string;
  note: NoteView;
  party: PartyView | undefined;
  provision: ProvisionView | undefined;
  timeZone: string;
  canWrite: boolean;
  onEdit: () => void;
  onChanged: (message: string) => void;
}

function NoteItem({ slug, note, party, provision, timeZone, canWrite, onEdit, onChanged }: NoteItemProps) {
  const remove = useRemoveNote(slug);
  const [confirming, setConfirming] = useState(false);
  const confidential = note.audience !== 'all';
  return (
    <li className={confidential ? 'panel note note-confidential' : 'panel note'} aria-label={note.title}>
      <div className="note-head">
        <span className="note-title" dir="auto">
          {note.title}
        </span>
        {confidential ? (
          <span className="pill pill-confidential">
            <LockIcon />
            {audienceBadge(note.audience, party?.name)}
          </span>
        ) : (
          <span className="pill pill-outline">{audienceBadge(note.audience, party?.name)}</span>
        )}
      </div>
      <p className="meta">
        by <span dir="auto">{note.authorName ?? 'an author not recorded (demo data)'}</span>
        {party ? (
          <>
            {' '}
            · for <span dir="auto">{party.name}</span>
          </>
        ) : null}{' '}
        ·{' '}
        {provision ? (
          <>
            on{' '}
            <Link to={provisionPath(slug, provision.id)} dir="auto">
              {provision.code || provision.title}
            </Link>
          </>
        ) : (
          'on the agreement as a whole'
        )}{' '}
        · updated{' '}
        <ZonedTime iso={note.updatedAt} timeZone={timeZone} />
      </p>
      {note.body ? (
        <p className="note-body" dir="auto">
          {note.body}
        </p>
      ) : null}
      {remove.isError ? <GeneralProblems problems={problemsOf(remove.error, [])} /> : null}
      {canWrite ? (
        <div className="note-actions">
          <button type="button" className="button-link" aria-label={`Edit note ${note.title}`} onClick={onEdit}>
            Edit
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                className="button button-small button-danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: note.id, version: note.version }, { onSuccess: () => onChanged(`Note “${note.title}” deleted.`) })}
              >
                Delete for good
              </button>
              <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="button-link" aria-label={`Delete note ${note.title}`} onClick={() => setConfirming(true)}>
              Delete
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}
