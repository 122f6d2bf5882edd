/** The frame of the pages one reaches without an account (login, first start, invitation): one narrow panel under a heading. */
import type { ReactNode } from 'react';

export function AuthPanel({ id, title, heading, children }: { id: string; title: string; heading: string; children: ReactNode }) {
  return (
    <section className="page auth-page" aria-labelledby={`${id}-heading`}>
      <title>{`${title} · Phaseline`}</title>
      <div className="panel auth-panel">
        <h1 id={`${id}-heading`}>{heading}</h1>
        {children}
      </div>
    </section>
  );
}
