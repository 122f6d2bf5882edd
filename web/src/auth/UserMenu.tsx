/** The header's account controls: "Log in" for a visitor; for a user, a menu with Account, Administration and Log out. */
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { loginPath } from './paths.ts';
import { useLogout, useSession } from './session.ts';
import './auth.css';

export function UserMenu() {
  const { user, isAdmin, query } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  // Close on a click elsewhere or Escape.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (query.isPending) return <span className="user-menu-placeholder" aria-hidden="true" />;
  if (!user) {
    if (location.pathname === '/login') return null;
    return (
      <Link to={loginPath(location.pathname + location.search)} className="login-link">
        Log in
      </Link>
    );
  }

  const close = () => setOpen(false);
  const onLogout = () => {
    close();
    logout.mutate(undefined, { onSettled: () => void navigate('/') });
  };

  return (
    <div className="user-menu" ref={ref}>
      <button type="button" className="user-menu-button" aria-expanded={open} aria-controls="user-menu-panel" onClick={() => setOpen(!open)}>
        <span className="visually-hidden">Account menu for </span>
        <span dir="auto">{user.name}</span>
        {isAdmin ? <span className="pill user-menu-admin">admin</span> : null}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open ? (
        <ul id="user-menu-panel" className="user-menu-panel" aria-label="Account">
          <li className="user-menu-email mono">{user.email}</li>
          <li>
            <Link to="/account" onClick={close}>
              Account
            </Link>
          </li>
          {isAdmin ? (
            <li>
              <Link to="/admin/users" onClick={close}>
                Administration
              </Link>
            </li>
          ) : null}
          <li>
            <button type="button" className="user-menu-logout" onClick={onLogout} disabled={logout.isPending}>
              Log out
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
