/** The web UI's entry: React Query, the router and the pages. */
// (zod is configured for the CSP by web/src/zodConfig.ts, through which the bundler sends every import of it.)
// First the base styles, so that each feature's own CSS (imported by its components) comes after them.
import './styles.css';
import './shared/controls.css';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AdminUsersPage } from './admin/AdminUsersPage.tsx';
import { AgreementRoute } from './agreements/AgreementPage.tsx';
import { AgreementsPage } from './agreements/AgreementsPage.tsx';
import { AccountPage } from './auth/AccountPage.tsx';
import { InvitePage } from './auth/InvitePage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { sessionKey, setSessionEnded } from './auth/session.ts';
import { SetupPage } from './auth/SetupPage.tsx';
import { IncidentRoute } from './incidents/IncidentPage.tsx';
import { IncidentsRoute } from './incidents/IncidentsPage.tsx';
import { MapRoute } from './map/MapPage.tsx';
import { ApiError, onSessionEnded } from './shared/api.ts';
import { Layout, NotFoundPage } from './shared/Layout.tsx';

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A 4xx answer will not change on retry; a network failure or a 5xx might.
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
  mutationCache: new MutationCache({
    // A refused write may mean the role changed meanwhile: read the session again, so the controls follow.
    onError: (error) => {
      if (error instanceof ApiError && error.isForbidden) void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  }),
});

onSessionEnded(() => {
  setSessionEnded(true);
  void queryClient.invalidateQueries({ queryKey: sessionKey });
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <AgreementsPage /> },
      { path: '/agreements/:slug', element: <AgreementRoute /> },
      { path: '/agreements/:slug/map', element: <MapRoute /> },
      { path: '/agreements/:slug/incidents', element: <IncidentsRoute /> },
      { path: '/agreements/:slug/incidents/:id', element: <IncidentRoute /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <SetupPage /> },
      { path: '/invite/:token', element: <InvitePage /> },
      { path: '/account', element: <AccountPage /> },
      { path: '/admin/users', element: <AdminUsersPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
