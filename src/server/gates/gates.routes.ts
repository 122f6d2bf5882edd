/**
 * /api/agreements/:agreement/phases/:phase/gate (read, set, remove), .../advance and .../transitions;
 * /api/agreements/:agreement/gates (every phase's gate) and /what-if (gates and gaps under
 * assumptions, nothing saved). Reads are cached per reader until a write or the agreement's midnight.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgreementRefParams,
  Deleted,
  ForceGapsQuery,
  GatePut,
  PhaseAdvance,
  PhaseAdvanced,
  PhaseGatesView,
  PhaseGateView,
  PhaseRefParams,
  PhaseTransitionsView,
  VersionQuery,
  WhatIfAnswer,
} from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import { routeSchema } from '../route-schema.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';
import type { GatesService } from './gates.service.ts';

const tags = ['gates'];

export function gatesRoutes(app: FastifyInstance, service: GatesService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const gatePath = '/api/agreements/:agreement/phases/:phase/gate';

  viewRoute(app, gatePath, 'agreement:read', { tags, summary: "A phase's gate: its conditions, evaluated from what you may see (404 when the phase has none)", params: PhaseRefParams }, {
    view: 'gate', schema: PhaseGateView, follows: 'agreement',
    build: async (req) => {
      const agreement = agreementOf(req);
      return { value: await service.gate(agreement, req.params.phase, req.principal), validUntil: service.nextMidnight(agreement) };
    },
  });

  viewRoute(app, '/api/agreements/:agreement/gates', 'agreement:read', { tags, summary: "Every phase's gate, in phase order, evaluated from what you may see", params: AgreementRefParams }, {
    view: 'gates', schema: PhaseGatesView, follows: 'agreement',
    build: async (req) => {
      const agreement = agreementOf(req);
      return { value: await service.gates(agreement, req.principal), validUntil: service.nextMidnight(agreement) };
    },
  });

  // A GET, so that what only reads stays a read (no CSRF token, cacheable); `assume` repeats.
  viewRoute(
    app,
    '/api/agreements/:agreement/what-if',
    'agreement:read',
    { tags, summary: "What if: the force's gaps and every phase's gate under assumptions (withdraw:<contributor>, object:<contributor>:<party>, ready:<pledge>), nothing saved", params: AgreementRefParams, querystring: ForceGapsQuery },
    {
      view: 'what-if', schema: WhatIfAnswer, follows: 'agreement',
      build: async (req) => {
        const agreement = agreementOf(req);
        return { value: await service.whatIf(agreement, req.query.assume ?? [], req.principal), validUntil: service.nextMidnight(agreement) };
      },
    },
  );

  r.put(gatePath, {
    ...routeSchema('ground:write', { tags, summary: "Set a phase's gate conditions (send the gate's version when it has one); answers the gate as GET does", params: PhaseRefParams, body: GatePut }, { 200: PhaseGateView }),
    handler: async (req) => service.put(req.params.agreement, req.params.phase, req.body, actorOf(req), req.principal),
  });

  r.delete(gatePath, {
    ...routeSchema('ground:write', { tags, summary: "Remove a phase's gate (send its version)", params: PhaseRefParams, querystring: VersionQuery }, { 200: Deleted }),
    handler: async (req) => ({ deleted: true as const, id: await service.remove(req.params.agreement, req.params.phase, req.query.version, actorOf(req)) }),
  });

  r.post('/api/agreements/:agreement/phases/:phase/advance', {
    ...routeSchema(
      'phase:advance',
      {
        tags,
        summary: "Advance a phase through its gate (the mediators' view): 409 gate_failing with the failing conditions, unless override with a reason",
        params: PhaseRefParams,
        body: PhaseAdvance,
      },
      { 200: PhaseAdvanced },
    ),
    handler: async (req) => service.advance(req.params.agreement, req.params.phase, req.body, actorOf(req)),
  });

  r.get('/api/agreements/:agreement/phases/:phase/transitions', {
    ...routeSchema('agreement:read', { tags, summary: "A phase's advances, newest first: passed or overridden, why, by whom, and the gate as it stood", params: PhaseRefParams }, { 200: PhaseTransitionsView }),
    handler: async (req) => service.transitions(agreementOf(req), req.params.phase, req.principal),
  });
}
