/** The frame of every page: header with the product name and account menu, the page, and a footer. */
import { Link, Outlet, useLocation } from 'react-router';
import { loginPath } from '../auth/paths.ts';
import { useSession, useSessionEnded } from '../auth/session.ts';
import { UserMenu } from '../auth/UserMenu.tsx';

export function Layout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Phaseline
          </Link>
          <span className="brand-tagline">Workbench for phased ceasefires</span>
          <nav aria-label="Main" className="app-nav">
            <Link to="/">Agreements</Link>
            <Link to="/precedents">Precedents</Link>
            <a href="/api/docs">API</a>
          </nav>
          <UserMenu />
        </div>
      </header>
      <SessionBanners />
      <main id="main" className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">Phaseline · open source (Apache-2.0) · an agreement’s times are shown in its own time zone, yours in their tooltips; account times in yours</footer>
    </div>
  );
}

/** "Your session has ended" after a refused write, and "set up first" while no account exists. */
function SessionBanners() {
  const { me, user } = useSession();
  const ended = useSessionEnded();
  const location = useLocation();
  const here = location.pathname + location.search;
  if (ended && !user && location.pathname !== '/login') {
    return (
      <div className="session-banner" role="alert">
        Your session has ended, so nothing more can be saved. <Link to={loginPath(here)}>Log in again</Link>
      </div>
    );
  }
  if (me?.setupRequired && location.pathname !== '/setup') {
    return (
      <div className="session-banner">
        Phaseline has no administrator yet: open the setup link the server printed when it started (<code>/setup?token=…</code>) to create the
        first administrator.
      </div>
    );
  }
  return null;
}

export function NotFoundPage() {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Back to the agreements</Link>.
      </p>
    </section>
  );
}
