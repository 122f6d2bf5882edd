/**
 * /api/agreements/:agreement/force: the stabilization force's rows (the five routes of each part),
 * the parties' positions on contributors under audiences, the overview and the gaps, each as the
 * reader may see them (cached per reader: the view key holds the reader's audiences).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptabilityCreate,
  AcceptabilityList,
  AcceptabilityView,
  AgreementRefParams,
  BudgetLineCreate,
  BudgetLineUpdate,
  BudgetLineView,
  ForceContributorCreate,
  ForceContributorUpdate,
  ForceContributorView,
  ForceGapsAnswer,
  ForceGapsQuery,
  ForceOverview,
  ForcePledgeCreate,
  ForcePledgeUpdate,
  ForcePledgeView,
  ForceRequirementCreate,
  ForceRequirementUpdate,
  ForceRequirementView,
  FundingEntryCreate,
  FundingEntryUpdate,
  FundingEntryView,
  MandateItemCreate,
  MandateItemUpdate,
  MandateItemView,
} from '../../contract/index.ts';
import { actorOf } from '../access/access.hook.ts';
import { partRoutes } from '../parts/part-routes.ts';
import { routeSchema } from '../route-schema.ts';
import { agreementOf } from '../views/view-cache.ts';
import { viewRoute } from '../views/view-route.ts';
import type { ForceService } from './force.service.ts';

const tags = ['force'];
const base = '/api/agreements/:agreement/force';

export function forceRoutes(app: FastifyInstance, service: ForceService): void {
  const write = 'force:write' as const;
  partRoutes(app, { path: 'force/requirements', noun: 'force requirement (capability × sector × personnel)', create: ForceRequirementCreate, update: ForceRequirementUpdate, view: ForceRequirementView, writePermission: write }, service.requirements);
  partRoutes(app, { path: 'force/contributors', noun: 'contributor to the force', create: ForceContributorCreate, update: ForceContributorUpdate, view: ForceContributorView, writePermission: write }, service.contributors);
  partRoutes(app, { path: 'force/pledges', noun: "contributor's pledge", create: ForcePledgeCreate, update: ForcePledgeUpdate, view: ForcePledgeView, writePermission: write }, service.pledges);
  partRoutes(app, { path: 'force/budget-lines', noun: 'budget line', create: BudgetLineCreate, update: BudgetLineUpdate, view: BudgetLineView, writePermission: write }, service.budgetLines);
  partRoutes(app, { path: 'force/funding', noun: 'funding entry (pledge, commitment or disbursement)', create: FundingEntryCreate, update: FundingEntryUpdate, view: FundingEntryView, writePermission: write }, service.funding);
  partRoutes(app, { path: 'force/mandate', noun: 'rule of engagement or authority boundary', create: MandateItemCreate, update: MandateItemUpdate, view: MandateItemView, writePermission: write }, service.mandate);

  // Positions under audiences: the history and grid depend on the reader (the key holds their audiences), and name authors.
  viewRoute(app, `${base}/acceptability`, 'agreement:read', { tags, summary: "The parties' positions on contributors you may see (newest first) and the current grid from them", params: AgreementRefParams }, {
    view: 'force-acceptability', schema: AcceptabilityList, follows: 'everything',
    build: async (req) => ({ value: await service.acceptability(agreementOf(req).id, req.principal) }),
  });

  app.withTypeProvider<ZodTypeProvider>().post(`${base}/acceptability`, {
    ...routeSchema('acceptability:write', {
      tags,
      summary: "State a party's position on a contributor (a delegate: its own party's, never for the mediators only); an objection needs its reason",
      params: AgreementRefParams,
      body: AcceptabilityCreate,
    }, { 201: AcceptabilityView }),
    handler: async (req, reply) => reply.status(201).send(await service.addAcceptability(agreementOf(req).id, req.body, req.principal, actorOf(req))),
  });

  viewRoute(app, base, 'agreement:read', { tags, summary: 'The force as you may see it: requirements, contributors, pledges, positions, gaps, funding and mandate', params: AgreementRefParams }, {
    view: 'force', schema: ForceOverview, follows: 'agreement',
    build: async (req) => ({ value: await service.overview(agreementOf(req).id, req.principal) }),
  });

  viewRoute(app, `${base}/gaps`, 'agreement:read', { tags, summary: 'Force and funding gaps as you may see them, with assumptions applied (nothing is saved)', params: AgreementRefParams, querystring: ForceGapsQuery }, {
    view: 'force-gaps', schema: ForceGapsAnswer, follows: 'agreement',
    build: async (req) => ({ value: await service.gaps(agreementOf(req).id, req.principal, req.query.assume ?? []) }),
  });
}
