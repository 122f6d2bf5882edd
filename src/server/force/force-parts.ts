/**
 * The force's versioned rows (requirements, contributors, pledges, budget lines, funding entries,
 * mandate items) through auditedParts: each write checked, versioned and audited. Every id a row
 * names belongs to the agreement (422 naming the field); a sector is a zone of kind sector.
 */
import type {
  BudgetLineCreate,
  BudgetLineUpdate,
  ForceContributorCreate,
  ForceContributorUpdate,
  ForcePledgeCreate,
  ForcePledgeUpdate,
  ForceRequirementCreate,
  ForceRequirementUpdate,
  FundingEntryCreate,
  FundingEntryUpdate,
  MandateItemCreate,
  MandateItemUpdate,
  Parsed,
} from '../../contract/index.ts';
import { assertRules, RuleViolationError, type RuleIssue } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type {
  BudgetLine,
  ForceContributor,
  ForceMandateItem,
  ForcePledge,
  ForceRequirement,
  FundingEntry,
} from '../../db/repositories/force.repository.ts';
import { auditedParts, type PartContext } from '../parts/audited-parts.ts';
import { checkReferences } from '../references.ts';
import type { Write } from '../write.ts';

/** An id a force row names: a sector zone, a contributor or a budget line of the agreement. */
interface ForceId {
  path: string;
  kind: 'sector' | 'contributor' | 'budgetLine';
  id: string | null | undefined;
}

const RELATION = {
  sector: 'is not a zone of kind sector of this agreement',
  contributor: 'is not a contributor of this agreement',
  budgetLine: 'is not a budget line of this agreement',
} as const;

/** 422 naming each field whose id is not of the agreement (one lookup after the other: a transaction runs one at a time). */
export async function checkForceIds(repos: Repositories, agreementId: string, fields: readonly ForceId[]): Promise<void> {
  assertRules(await forceIdIssues(repos, agreementId, fields));
}

async function forceIdIssues(repos: Repositories, agreementId: string, fields: readonly ForceId[]): Promise<RuleIssue[]> {
  const issues: RuleIssue[] = [];
  for (const f of fields) {
    if (!f.id) continue;
    const found =
      f.kind === 'sector'
        ? (await repos.zones.get(agreementId, f.id).catch(() => null))?.kind === 'sector'
        : f.kind === 'contributor'
          ? (await repos.force.contributors.get(agreementId, f.id).catch(() => null)) !== null
          : (await repos.force.budgetLines.get(agreementId, f.id).catch(() => null)) !== null;
    if (!found) issues.push({ path: f.path, message: RELATION[f.kind] });
  }
  return issues;
}

/** The issues checkReferences finds, to be reported with the force's own in one 422. */
async function referenceIssues(repos: Repositories, agreementId: string, fields: Parameters<typeof checkReferences>[2]): Promise<RuleIssue[]> {
  try {
    await checkReferences(repos, agreementId, fields);
    return [];
  } catch (err) {
    if (err instanceof RuleViolationError) return (err.details as { issues?: RuleIssue[] }).issues ?? [];
    throw err;
  }
}

/** Checks the ids of a new row (all of them) or a patch (those it changes), then gives its values. */
function checked<T extends Record<string, unknown>>(ids: (values: Partial<T>) => { refs?: Parameters<typeof checkReferences>[2]; force?: ForceId[] }) {
  return async (ctx: PartContext, values: T | Partial<T>): Promise<Record<string, unknown>> => {
    const { refs = [], force = [] } = ids(values);
    const issues = await referenceIssues(ctx.repos, ctx.agreementId, refs);
    assertRules([...issues, ...(await forceIdIssues(ctx.repos, ctx.agreementId, force))]);
    return values;
  };
}

export function forceParts(deps: { repos: Repositories; write: Write }) {
  const requirement = checked<Parsed<typeof ForceRequirementCreate>>((v) => ({
    refs: [{ path: 'phaseId', kind: 'phase', id: v.phaseId }],
    force: [{ path: 'sectorId', kind: 'sector', id: v.sectorId }],
  }));
  const pledge = checked<Parsed<typeof ForcePledgeCreate>>((v) => ({
    force: [
      { path: 'contributorId', kind: 'contributor', id: v.contributorId },
      { path: 'sectorId', kind: 'sector', id: v.sectorId },
    ],
  }));
  const funding = checked<Parsed<typeof FundingEntryCreate>>((v) => ({ force: [{ path: 'budgetLineId', kind: 'budgetLine', id: v.budgetLineId }] }));
  const mandate = checked<Parsed<typeof MandateItemCreate>>((v) => ({ refs: [{ path: 'clauseId', kind: 'clause', id: v.clauseId }] }));

  return {
    requirements: auditedParts<ForceRequirement, Parsed<typeof ForceRequirementCreate>, Parsed<typeof ForceRequirementUpdate>>(deps, {
      entity: 'force_requirement',
      repo: (r) => r.force.requirements,
      prepareCreate: requirement,
      preparePatch: (ctx, _current, patch) => requirement(ctx, patch),
    }),
    contributors: auditedParts<ForceContributor, Parsed<typeof ForceContributorCreate>, Parsed<typeof ForceContributorUpdate>>(deps, {
      entity: 'force_contributor',
      repo: (r) => r.force.contributors,
    }),
    pledges: auditedParts<ForcePledge, Parsed<typeof ForcePledgeCreate>, Parsed<typeof ForcePledgeUpdate>>(deps, {
      entity: 'force_pledge',
      repo: (r) => r.force.pledges,
      prepareCreate: pledge,
      preparePatch: (ctx, _current, patch) => pledge(ctx, patch),
    }),
    budgetLines: auditedParts<BudgetLine, Parsed<typeof BudgetLineCreate>, Parsed<typeof BudgetLineUpdate>>(deps, {
      entity: 'budget_line',
      repo: (r) => r.force.budgetLines,
    }),
    funding: auditedParts<FundingEntry, Parsed<typeof FundingEntryCreate>, Parsed<typeof FundingEntryUpdate>>(deps, {
      entity: 'funding_entry',
      repo: (r) => r.force.funding,
      prepareCreate: funding,
      preparePatch: (ctx, _current, patch) => funding(ctx, patch),
    }),
    mandate: auditedParts<ForceMandateItem, Parsed<typeof MandateItemCreate>, Parsed<typeof MandateItemUpdate>>(deps, {
      entity: 'force_mandate_item',
      repo: (r) => r.force.mandate,
      prepareCreate: mandate,
      preparePatch: (ctx, _current, patch) => mandate(ctx, patch),
    }),
  };
}
export type ForceParts = ReturnType<typeof forceParts>;
