/** The frame of every page: header with the product name, the page, and a footer. */
import { Link, Outlet } from 'react-router';

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
            <a href="/api/docs">API</a>
          </nav>
        </div>
      </header>
      <main id="main" className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">Phaseline · open source (Apache-2.0) · times shown in each agreement’s time zone</footer>
    </div>
  );
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
