/** What a page under /agreements/:slug shows when the agreement does not exist or the caller may not read it. */
import { Link, useLocation } from 'react-router';
import { loginPath } from '../auth/paths.ts';
import { useSession } from '../auth/session.ts';

export function AgreementNotFound({ slug }: { slug: string }) {
  const location = useLocation();
  const session = useSession();
  return (
    <>
      <h1>Agreement not found</h1>
      <p>
        There is no agreement “{slug}” that you may read. <Link to="/">Back to the agreements</Link>.
      </p>
      {session.user ? null : (
        <p>
          If it is not public, <Link to={loginPath(location.pathname + location.search)}>log in</Link> to see it.
        </p>
      )}
    </>
  );
}
