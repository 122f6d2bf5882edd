/** The web UI's entry: React Query, the router and the pages. */
// (zod is configured for the CSP by web/src/zodConfig.ts, through which the bundler sends every import of it.)
// First the base styles, so that each feature's own CSS (imported by its components) comes after them.
import './styles.css';
import './shared/controls.css';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AgreementsPage } from './agreements/AgreementsPage.tsx';
import { sessionKey, setSessionEnded } from './auth/session.ts';
import { ApiError, onSessionEnded } from './shared/api.ts';
import { Layout, NotFoundPage } from './shared/Layout.tsx';
import { Loading } from './shared/states.tsx';

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

/**
 * A page whose code is loaded when its route is first opened: the home page (the agreements list,
 * what most visitors open first) downloads its own code only.
 */
function page(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<Loading label="Loading the page…" />}>
      <Page />
    </Suspense>
  );
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <AgreementsPage /> },
      { path: '/agreements/:slug', element: page(async () => (await import('./agreements/AgreementPage.tsx')).AgreementRoute) },
      { path: '/agreements/:slug/map', element: page(async () => (await import('./map/MapPage.tsx')).MapRoute) },
      { path: '/agreements/:slug/incidents', element: page(async () => (await import('./incidents/IncidentsPage.tsx')).IncidentsRoute) },
      { path: '/agreements/:slug/incidents/:id', element: page(async () => (await import('./incidents/IncidentPage.tsx')).IncidentRoute) },
      { path: '/agreements/:slug/documents/:id', element: page(async () => (await import('./negotiation/DocumentPage.tsx')).DocumentRoute) },
      { path: '/agreements/:slug/provisions/:id', element: page(async () => (await import('./provisions/ProvisionPage.tsx')).ProvisionRoute) },
      { path: '/agreements/:slug/ground', element: page(async () => (await import('./ground/GroundPage.tsx')).GroundRoute) },
      { path: '/agreements/:slug/indicators/:id', element: page(async () => (await import('./ground/IndicatorPage.tsx')).IndicatorRoute) },
      { path: '/agreements/:slug/phases/:phaseId/gate', element: page(async () => (await import('./gates/GatePage.tsx')).GateRoute) },
      { path: '/agreements/:slug/force', element: page(async () => (await import('./force/ForcePage.tsx')).ForceRoute) },
      { path: '/agreements/:slug/risk', element: page(async () => (await import('./risk/RiskPage.tsx')).RiskRoute) },
      { path: '/agreements/:slug/brief', element: page(async () => (await import('./brief/BriefPage.tsx')).BriefRoute) },
      { path: '/agreements/:slug/since', element: page(async () => (await import('./desk/SincePage.tsx')).SinceRoute) },
      { path: '/agreements/:slug/audit', element: page(async () => (await import('./audit/AuditPage.tsx')).AuditRoute) },
      { path: '/precedents', element: page(async () => (await import('./precedents/PrecedentsPage.tsx')).PrecedentsRoute) },
      { path: '/login', element: page(async () => (await import('./auth/LoginPage.tsx')).LoginPage) },
      { path: '/setup', element: page(async () => (await import('./auth/SetupPage.tsx')).SetupPage) },
      { path: '/invite/:token', element: page(async () => (await import('./auth/InvitePage.tsx')).InvitePage) },
      { path: '/account', element: page(async () => (await import('./auth/AccountPage.tsx')).AccountPage) },
      { path: '/admin/users', element: page(async () => (await import('./admin/AdminUsersPage.tsx')).AdminUsersPage) },
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
