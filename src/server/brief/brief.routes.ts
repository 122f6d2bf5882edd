/** /api/agreements/:agreement/brief: the situation brief as JSON, Markdown, HTML or PDF. */
import type { FastifyInstance } from 'fastify';
import type { BriefService } from './brief.service.ts';

export function briefRoutes(_app: FastifyInstance, _service: BriefService, _options: { pdf: { chromiumPath?: string | undefined } | null }): void {}
