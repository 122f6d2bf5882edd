/**
 * buildApp({ database, clock, logger }): the whole HTTP application. Tests build it on PGlite and
 * call app.inject; production builds it on PGlite or PostgreSQL and listens.
 */
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { repositories, type Database } from '../db/index.ts';
import { registerAccessControl } from './access/access.hook.ts';
import { agreementRoutes } from './agreements/agreements.routes.ts';
import { agreementService } from './agreements/agreements.service.ts';
import { agreementPartRoutes } from './agreements/parts.routes.ts';
import { summaryRoutes } from './agreements/summary.routes.ts';
import { summaryService } from './agreements/summary.service.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { auditService } from './audit/audit.service.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { authService } from './auth/auth.service.ts';
import { userRoutes } from './auth/users.routes.ts';
import { systemClock, type Clock } from './clock.ts';
import { complianceRoutes } from './compliance/compliance.routes.ts';
import { complianceService } from './compliance/compliance.service.ts';
import { registerErrorHandler } from './errors.ts';
import { QuietRequestLog } from './request-log.ts';
import { evidenceRoutes } from './incidents/evidence.routes.ts';
import { evidenceService } from './incidents/evidence.service.ts';
import { incidentImporter } from './incidents/import.ts';
import { incidentRoutes } from './incidents/incidents.routes.ts';
import { incidentService } from './incidents/incidents.service.ts';
import { matrixRoutes } from './matrix/matrix.routes.ts';
import { matrixService } from './matrix/matrix.service.ts';
import { documentEventRoutes } from './negotiation/events.routes.ts';
import { documentExportRoutes } from './negotiation/export.routes.ts';
import { negotiationRoutes } from './negotiation/negotiation.routes.ts';
import { negotiationService } from './negotiation/negotiation.service.ts';
import { memberRoutes } from './members/members.routes.ts';
import { memberService } from './members/members.service.ts';
import { noteRoutes } from './notes/notes.routes.ts';
import { noteService } from './notes/notes.service.ts';
import { provisionRoutes } from './provisions/provisions.routes.ts';
import { provisionService } from './provisions/provisions.service.ts';
import { sessionRoutes } from './rounds/sessions.routes.ts';
import { sessionService } from './rounds/sessions.service.ts';
import { APP_VERSION, healthRoutes, webRoutes } from './system/system.routes.ts';
import { liveFeed } from './live/live-feed.ts';
import { freshness } from './views/freshness.ts';
import { registerViewCache, viewCache } from './views/view-cache.ts';
import { writer } from './write.ts';
import { zoneRoutes } from './zones/zones.routes.ts';
import { forceRoutes } from './force/force.routes.ts';
import { forceService } from './force/force.service.ts';
import { gatesRoutes } from './gates/gates.routes.ts';
import { gatesService } from './gates/gates.service.ts';
import { groundRoutes } from './ground/ground.routes.ts';
import { groundService } from './ground/ground.service.ts';
import { zoneService } from './zones/zones.service.ts';
import { briefRoutes } from './brief/brief.routes.ts';
import { briefService } from './brief/brief.service.ts';
import { forecastRoutes } from './forecast/forecast.routes.ts';
import { forecastService } from './forecast/forecast.service.ts';
import { precedentsRoutes } from './precedents/precedents.routes.ts';
import { precedentsService } from './precedents/precedents.service.ts';
import { riskRoutes } from './risk/risk.routes.ts';
import { riskService } from './risk/risk.service.ts';
import { deskRoutes } from './desk/desk.routes.ts';
import { deskService } from './desk/desk.service.ts';

export interface ServiceOptions {
  clock?: Clock;
  /** How long a login session lasts (default 12 hours). */
  sessionTtlMs?: number;
  /** The one-time token for creating the first administrator through the API; none by default. */
  setupToken?: string | null;
}

export interface AppDeps extends ServiceOptions {
  database: Database;
  logger?: FastifyBaseLogger | boolean;
  /** Folder of the built web UI; defaults to web/dist. */
  webDist?: string;
  /** Login attempts per client address per minute (default 10). */
  loginRateLimit?: number;
  /**
   * Phaseline is served over HTTPS (COOKIE_SECURE=true): the session cookie is Secure, and the
   * headers add HSTS and the CSP's upgrade-insecure-requests. Off, a browser that opens the plain
   * http:// address of a LAN install would be told to fetch every asset over https, and show nothing.
   */
  https?: boolean;
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** How long one live event stream stays open before the browser reconnects (default 5 minutes). */
  liveStreamMs?: number;
  /** How often the live feed reads an agreement's change counter (default 1 second). */
  livePollMs?: number;
  /**
   * How PDF exports are printed (headless Chromium: CHROMIUM_PATH, else looked for on PATH). Without it
   * the app prints none (422 pdf_unavailable): `serve` gives it, test apps ask for it.
   */
  pdf?: { chromiumPath?: string | undefined };
}

/** The services over one database: what routes and the CLI call (they, not their callers, hold the repositories and the writer). */
export function services(database: Database, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  const repos = repositories(database.db);
  const write = writer(database, clock);
  // Gates read the ground's and the force's facts; the matrix shows the gates.
  const ground = groundService({ repos, write, clock });
  const force = forceService({ repos, write, clock });
  const gates = gatesService({ repos, write, clock, ground, force });
  const matrix = matrixService({ repos, clock, gates });
  const negotiation = negotiationService({ repos, write, clock });
  const sessions = sessionService({ repos, write, clock });
  // The forecast and the collapse risk read all of the above; the brief reads them all.
  const precedents = precedentsService({ categoriesOf: async (agreementId) => (await repos.provisions.list(agreementId)).map((p) => p.category) });
  const forecast = forecastService({ repos, clock, ground });
  const risk = riskService({ repos, write, clock, forecast, precedents, gates, force });
  const brief = briefService({ repos, clock, matrix, negotiation, sessions, ground, force, gates, forecast, risk, precedents });
  return {
    agreements: agreementService({ repos, write }),
    provisions: provisionService({ repos, write, clock, indicators: ground.indicators }),
    matrix,
    summary: summaryService({ repos }),
    auth: authService({
      repos,
      write,
      clock,
      sessionTtlMs: options.sessionTtlMs ?? 12 * 3_600_000,
      setupToken: options.setupToken ?? null,
    }),
    members: memberService({ repos, write }),
    notes: noteService({ repos, write }),
    audit: auditService({ repos }),
    zones: zoneService({ repos, write }),
    incidents: incidentService({ repos, write, clock }),
    evidence: evidenceService({ repos, write }),
    compliance: complianceService({ repos, clock }),
    negotiation,
    sessions,
    incidentImport: incidentImporter({ database, clock }),
    ground,
    force,
    gates,
    precedents,
    forecast,
    risk,
    brief,
    desk: deskService({ repos, clock }),
  };
}
export type Services = ReturnType<typeof services>;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: typeof deps.logger === 'object' ? deps.logger : undefined,
    logger: typeof deps.logger === 'boolean' ? deps.logger : undefined,
    bodyLimit: deps.bodyLimit ?? 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
    // Not Fastify's two info lines per request, which bury the start-up lines: one short debug line.
    logController: new QuietRequestLog(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const svc = services(deps.database, deps);
  const https = deps.https ?? false;
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        // Helmet's default; null removes it. Only HTTPS may tell the browser to upgrade.
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    // Headers that mean something only over HTTPS. Over plain HTTP a browser ignores COOP with a
    // console error on every page, and ignores HSTS; over HTTPS, HSTS pins the host name to HTTPS.
    strictTransportSecurity: https,
    crossOriginOpenerPolicy: https,
    xFrameOptions: { action: 'deny' },
  });
  // API answers and files without a precompressed copy, by Accept-Encoding (cached views come compressed already).
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
  await app.register(fastifyRateLimit, { global: false });
  const views = viewCache({ freshness: freshness(deps.database, repositories(deps.database.db)), clock: deps.clock ?? systemClock });
  registerViewCache(app, views);
  const live = liveFeed({ freshness: views.freshness, intervalMs: deps.livePollMs });
  app.decorate('live', { feed: live, maxMs: deps.liveStreamMs ?? 300_000 });
  // Open streams end before the server waits for its connections to close.
  app.addHook('preClose', async () => live.close());
  registerAccessControl(app, { auth: svc.auth, agreements: (ref) => views.freshness.agreement(ref) });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Phaseline API',
        // Markdown: a bare <token> would be read as an HTML tag and vanish, so headers go in code spans.
        description:
          'Phased ceasefires: agreements, phases, provisions, the Strategic Matrix, negotiated documents and stances, ' +
          'zones, incidents and their verification, compliance, the ground, the stabilization force, phase gates, ' +
          'the forecast, precedents, the collapse risk, the situation brief, accounts and the audit log.\n\n' +
          'Authenticate with the session cookie of `POST /api/auth/login` (writes then need the `X-CSRF-Token` header) ' +
          'or with `Authorization: Bearer <API token>` (create a token on your account page).\n\n' +
          '[Back to Phaseline](/)',
        version: APP_VERSION,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  healthRoutes(app, deps.database.kind);
  authRoutes(app, svc.auth, { loginRateLimit: deps.loginRateLimit ?? 10, secureCookies: https });
  userRoutes(app, svc.auth);
  agreementRoutes(app, svc.agreements);
  agreementPartRoutes(app, svc.agreements);
  sessionRoutes(app, svc.sessions);
  provisionRoutes(app, svc.provisions);
  matrixRoutes(app, svc.matrix);
  summaryRoutes(app, svc.summary);
  memberRoutes(app, svc.members);
  noteRoutes(app, svc.notes);
  auditRoutes(app, svc.audit);
  zoneRoutes(app, svc.zones);
  incidentRoutes(app, svc.incidents);
  evidenceRoutes(app, svc.evidence);
  complianceRoutes(app, svc.compliance);
  negotiationRoutes(app, svc.negotiation);
  documentExportRoutes(app, svc.negotiation, { clock: deps.clock ?? systemClock, pdf: deps.pdf ?? null });
  documentEventRoutes(app, svc.negotiation);
  groundRoutes(app, svc.ground);
  forceRoutes(app, svc.force);
  gatesRoutes(app, svc.gates);
  precedentsRoutes(app, svc.precedents);
  forecastRoutes(app, svc.forecast);
  riskRoutes(app, svc.risk);
  briefRoutes(app, svc.brief, { pdf: deps.pdf ?? null });
  deskRoutes(app, svc.desk);
  await webRoutes(app, deps.webDist);
  return app;
}
