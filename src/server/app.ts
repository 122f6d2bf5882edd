/**
 * buildApp({ database, clock, logger }): the whole HTTP application. Tests build it on PGlite and
 * call app.inject; production builds it on PGlite or PostgreSQL and listens.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { repositories, type Database } from '../db/index.ts';
import { agreementRoutes } from './agreements/agreements.routes.ts';
import { agreementService } from './agreements/agreements.service.ts';
import { agreementPartRoutes } from './agreements/parts.routes.ts';
import { systemClock, type Clock } from './clock.ts';
import { registerErrorHandler } from './errors.ts';
import { provisionRoutes } from './provisions/provisions.routes.ts';
import { provisionService } from './provisions/provisions.service.ts';
import { APP_VERSION, healthRoutes, webRoutes } from './system/system.routes.ts';

export interface AppDeps {
  database: Database;
  clock?: Clock;
  logger?: FastifyBaseLogger | boolean;
  /** Folder of the built web UI; defaults to web/dist. */
  webDist?: string;
}

/** The services over one set of repositories: what routes and the CLI call. */
export function services(database: Database, clock: Clock = systemClock) {
  const repos = repositories(database.db);
  return {
    agreements: agreementService({ repos }),
    provisions: provisionService({ repos, clock }),
  };
}
export type Services = ReturnType<typeof services>;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: typeof deps.logger === 'object' ? deps.logger : undefined,
    logger: typeof deps.logger === 'boolean' ? deps.logger : undefined,
    bodyLimit: 1_048_576,
    // Default ajv coercion must not run: zod parses querystrings itself.
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Phaseline API',
        description: 'Phased ceasefires: agreements, phases, provisions and the Strategic Matrix.',
        version: APP_VERSION,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const svc = services(deps.database, deps.clock);
  healthRoutes(app, deps.database.kind);
  agreementRoutes(app, svc.agreements);
  agreementPartRoutes(app, svc.agreements);
  provisionRoutes(app, svc.provisions);
  await webRoutes(app, deps.webDist);
  return app;
}
