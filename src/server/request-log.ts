/**
 * Fastify's per-request log lines, made quiet: instead of two JSON lines at `info` for every request
 * ("incoming request", "request completed"), which bury the lines the server prints at start (its
 * address, the first-start setup link), one short line at `debug` when the response is sent: method,
 * path, status and time taken. Never the query string (`/setup?token=`) nor an invitation link's token.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** The path of a request URL as logged: no query string, no invitation token. */
export function loggedPath(url: string): string {
  return url.split('?', 1)[0]!.replace(/^\/invite\/[^/]+/, '/invite/…');
}

const line = (request: FastifyRequest, reply: FastifyReply) =>
  `${request.method} ${loggedPath(request.url)} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`;

export class QuietRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ err: error }, line(request, reply));
    else reply.log.debug(line(request, reply));
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug(`${request.method} ${loggedPath(request.url)}: no such route`);
  }
}
