/**
 * The incident list's search box: what is typed goes into the address (`q`) after a pause, or at
 * once on Enter; a change of the address under it (Back, "Clear filters") shows in the box.
 */
import { useEffect, useRef, useState } from 'react';
import { TextField } from '../shared/fields.tsx';
import { SEARCH_MAX } from './filters.ts';

/** How long typing pauses before the list is searched. */
export const SEARCH_PAUSE_MS = 300;

export function IncidentSearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  // `sent`: what this box last put in the address, so that its arrival does not undo typing done since.
  const [box, setBox] = useState({ draft: value, shown: value, sent: value });
  if (value !== box.shown) setBox((b) => ({ ...b, shown: value, draft: value === b.sent.trim() ? b.draft : value }));

  // The caller's latest onSearch, without restarting the pause at each of its renders.
  const search = useRef(onSearch);
  useEffect(() => {
    search.current = onSearch;
  });

  const draft = box.draft;
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => {
      setBox((b) => ({ ...b, sent: draft }));
      search.current(draft.trim());
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);

  return (
    <TextField
      label="Search"
      type="search"
      dir="auto"
      placeholder="Words of the place or description"
      hint="Any language; the start of a word is enough"
      maxLength={SEARCH_MAX}
      value={draft}
      onChange={(next) => setBox((b) => ({ ...b, draft: next }))}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        setBox((b) => ({ ...b, sent: draft }));
        onSearch(draft.trim());
      }}
    />
  );
}
