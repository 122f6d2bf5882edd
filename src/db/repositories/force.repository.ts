/**
 * The stabilization force (docs/GATES.md): requirements, contributors, pledges, budget lines,
 * funding entries and mandate items, each versioned and scoped to its agreement; and the parties'
 * positions on contributors, append-only under their audiences (as stances are).
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { AcceptabilityPosition, AcceptabilityStatement, Audience, FundingKind, MandateKind, ReadinessLevel } from '../../core/index.ts';
import type { Db } from '../open.ts';
import { budgetLines, contributorAcceptability, forceContributors, forceMandateItems, forcePledges, forceRequirements, fundingEntries } from '../schema/index.ts';
import { mapWriteError, scopedRepository } from './versioned.ts';

/** Creation and last update as ISO instants, as every view of an edited row gives them. */
interface Edited {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ForceRequirement extends Edited {
  id: string;
  agreementId: string;
  phaseId: string | null;
  capability: string;
  sectorId: string | null;
  personnel: number;
  equipment: string;
  notes: string;
  illustrative: boolean;
}

export interface ForceContributor extends Edited {
  id: string;
  agreementId: string;
  name: string;
  country: string;
  notes: string;
  illustrative: boolean;
}

export interface ForcePledge extends Edited {
  id: string;
  agreementId: string;
  contributorId: string;
  capability: string;
  sectorId: string | null;
  personnel: number;
  readiness: ReadinessLevel;
  caveats: string;
  pledgedOn: string;
  illustrative: boolean;
}

export interface BudgetLine extends Edited {
  id: string;
  agreementId: string;
  name: string;
  amount: number;
  currency: string;
  notes: string;
  illustrative: boolean;
}

export interface FundingEntry extends Edited {
  id: string;
  agreementId: string;
  budgetLineId: string | null;
  donor: string;
  kind: FundingKind;
  amount: number;
  datedOn: string;
  source: string;
  illustrative: boolean;
}

export interface ForceMandateItem extends Edited {
  id: string;
  agreementId: string;
  kind: MandateKind;
  title: string;
  text: string;
  clauseId: string | null;
}

/** A party's position on a contributor as stored: core's statement with its agreement and author. */
export interface Acceptability extends AcceptabilityStatement {
  agreementId: string;
  authorId: string | null;
}
export type AcceptabilityInsert = Omit<Acceptability, 'id' | 'createdAt'>;

const stamps = <R extends { createdAt: Date; updatedAt: Date }>(row: R) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
const touch = () => ({ updatedAt: sql`now()` });

export function forceRepository(db: Db) {
  return {
    requirements: scopedRepository<typeof forceRequirements.$inferSelect, ForceRequirement>(db, {
      table: forceRequirements,
      entity: 'Force requirement',
      orderBy: [forceRequirements.createdAt],
      toModel: stamps,
      extraSet: touch,
    }),
    contributors: scopedRepository<typeof forceContributors.$inferSelect, ForceContributor>(db, {
      table: forceContributors,
      entity: 'Contributor',
      orderBy: [forceContributors.name],
      toModel: stamps,
      extraSet: touch,
    }),
    pledges: scopedRepository<typeof forcePledges.$inferSelect, ForcePledge>(db, {
      table: forcePledges,
      entity: 'Pledge',
      orderBy: [forcePledges.pledgedOn, forcePledges.createdAt],
      toModel: (row) => ({ ...stamps(row), readiness: row.readiness as ReadinessLevel }),
      extraSet: touch,
    }),
    budgetLines: scopedRepository<typeof budgetLines.$inferSelect, BudgetLine>(db, {
      table: budgetLines,
      entity: 'Budget line',
      orderBy: [budgetLines.createdAt],
      toModel: stamps,
      extraSet: touch,
    }),
    funding: scopedRepository<typeof fundingEntries.$inferSelect, FundingEntry>(db, {
      table: fundingEntries,
      entity: 'Funding entry',
      orderBy: [fundingEntries.datedOn, fundingEntries.createdAt],
      toModel: (row) => ({ ...stamps(row), kind: row.kind as FundingKind }),
      extraSet: touch,
    }),
    mandate: scopedRepository<typeof forceMandateItems.$inferSelect, ForceMandateItem>(db, {
      table: forceMandateItems,
      entity: 'Mandate item',
      orderBy: [forceMandateItems.kind, forceMandateItems.createdAt],
      toModel: (row) => ({ ...stamps(row), kind: row.kind as MandateKind }),
      extraSet: touch,
    }),
    acceptability: {
      async insert(values: AcceptabilityInsert): Promise<Acceptability> {
        try {
          const rows = await db.insert(contributorAcceptability).values(values).returning();
          return toAcceptability(rows[0]!);
        } catch (err) {
          throw mapWriteError(err, "Party's position on a contributor", { values });
        }
      },
      /** Every statement of the agreement, whoever may see it, newest first. */
      async ofAgreement(agreementId: string): Promise<Acceptability[]> {
        const rows = await db
          .select()
          .from(contributorAcceptability)
          .where(eq(contributorAcceptability.agreementId, agreementId))
          .orderBy(desc(contributorAcceptability.createdAt), desc(contributorAcceptability.id));
        return rows.map(toAcceptability);
      },
    },
  };
}
export type ForceRepository = ReturnType<typeof forceRepository>;

const toAcceptability = (row: typeof contributorAcceptability.$inferSelect): Acceptability => ({
  ...row,
  position: row.position as AcceptabilityPosition,
  audience: row.audience as Audience,
});
