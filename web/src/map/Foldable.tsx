/**
 * A panel of the map page that a phone can fold away, so that the map gets the screen: under the
 * phone breakpoint a button shows or hides it (folded at first); wider screens always show it and
 * never the button (map.css).
 */
import { useId, useState, type ReactNode } from 'react';

export function Foldable({ label, note, children }: { label: string; note?: string | undefined; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="foldable">
      <button type="button" className="button foldable-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span aria-hidden="true" className="foldable-arrow">
          {open ? '▾' : '▸'}
        </span>
        {label}
        {note ? <span className="foldable-note">{note}</span> : null}
      </button>
      <div id={id} className={open ? 'foldable-body' : 'foldable-body foldable-folded'}>
        {children}
      </div>
    </div>
  );
}
