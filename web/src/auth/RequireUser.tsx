/** Gates for pages that need a logged-in user, or an administrator. */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorState, Loading } from '../shared/states.tsx';
import { loginPath } from './paths.ts';
import { useSession } from './session.ts';

export function RequireUser({ admin = false, children }: { admin?: boolean; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.query.isPending) return <Loading label="Checking your session…" />;
  if (session.query.isError) {
    return <ErrorState error={session.query.error} title="Could not check your session" onRetry={() => void session.query.refetch()} />;
  }
  if (!session.user) {
    return (
      <section className="page narrow-page">
        <title>Log in · Phaseline</title>
        <h1>Log in to see this page</h1>
        <p>
          <Link to={loginPath(location.pathname + location.search)}>Log in</Link> first.
        </p>
      </section>
    );
  }
  if (admin && !session.isAdmin) {
    return (
      <section className="page narrow-page">
        <title>Administrators only · Phaseline</title>
        <h1>Administrators only</h1>
        <p>
          Your account cannot manage accounts. <Link to="/">Back to the agreements</Link>.
        </p>
      </section>
    );
  }
  return children;
}
