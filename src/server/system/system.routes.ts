/** Health, OpenAPI document and the web UI's static files with a single-page fallback. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthView } from '../../contract/index.ts';
import type { DatabaseKind } from '../../db/index.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));
export const APP_VERSION = '0.1.0';

export function healthRoutes(app: FastifyInstance, databaseKind: DatabaseKind): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { permission: 'public' },
    schema: { tags: ['system'], summary: 'Liveness and which database is in use', response: { 200: HealthView } },
    handler: async () => ({ status: 'ok' as const, database: databaseKind, version: APP_VERSION }),
  });
}

/** Built files whose names carry a hash of their content (Vite's assets/): they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves web/dist when it has been built; every non-API path falls back to index.html. The build
 * writes a brotli and a gzip copy beside each text file (web/vite.config.ts), sent by Accept-Encoding.
 * Hashed assets are cached for a year; everything else, index.html first, is revalidated each time.
 */
export async function webRoutes(app: FastifyInstance, webDist: string = WEB_DIST): Promise<void> {
  const hasWeb = existsSync(`${webDist}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // A missing asset (a file name with an extension) is a 404, not the page: a stale bundle must not load HTML as script.
    const isAsset = /\.[a-z0-9]+$/i.test(path);
    if (path.startsWith('/api/') || request.method !== 'GET' || !hasWeb || isAsset) {
      return reply.status(404).send({
        error: {
          code: 'not_found',
          message: hasWeb ? `No route ${request.method} ${path}` : `No route ${request.method} ${path} (web UI not built: npm run build)`,
          details: {},
        },
      });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
