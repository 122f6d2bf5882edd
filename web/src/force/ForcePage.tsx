/**
 * The stabilization force of one agreement (docs/GATES.md), as the reader sees it: requirements
 * against pledges by readiness, the parties' positions on contributors, the money against the
 * budget, the mandate's clauses, and what if (nothing saved). Illustrative figures say so.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AgreementView, ForceOverview, PartyView } from '../../../src/contract/index.ts';
import { AgreementNotFound } from '../agreements/AgreementNotFound.tsx';
import { useAgreementSummary } from '../agreements/summary.api.ts';
import { gateForceAbilities, type GateForceAbilities } from '../auth/abilities.ts';
import { useSession } from '../auth/session.ts';
import { ApiError } from '../shared/api.ts';
import { Notice } from '../shared/Notice.tsx';
import { ErrorState, Loading } from '../shared/states.tsx';
import { AcceptabilitySection } from './AcceptabilitySection.tsx';
import { useForce } from './force.api.ts';
import { ForceEditors } from './ForceEditors.tsx';
import { FundingSection } from './FundingSection.tsx';
import { MandateSection } from './MandateSection.tsx';
import { RequirementsSection } from './RequirementsSection.tsx';
import { WhatIfPanel } from './WhatIfPanel.tsx';
import './force.css';

/** Keyed by slug, so that moving to another agreement starts with a fresh page state. */
export function ForceRoute() {
  const { slug = '' } = useParams();
  return <ForcePageFrame key={slug} slug={slug} />;
}

function ForcePageFrame({ slug }: { slug: string }) {
  const session = useSession();
  const summary = useAgreementSummary(slug);
  const force = useForce(slug);

  if (summary.isPending || force.isPending) return <Loading label="Loading the force…" />;
  if (summary.isError || force.isError) {
    const error = summary.error ?? force.error;
    return (
      <section className="page">
        <title>Force · Phaseline</title>
        {error instanceof ApiError && error.isNotFound ? (
          <AgreementNotFound slug={slug} />
        ) : (
          <ErrorState error={error} title="Could not load the force" onRetry={() => void Promise.all([summary.refetch(), force.refetch()])} />
        )}
      </section>
    );
  }
  const { agreement, parties } = summary.data;
  const can = gateForceAbilities(session.principal, agreement, parties.map((p) => p.id));
  return <ForcePage agreement={agreement} parties={parties} force={force.data} refreshing={force.isFetching} can={can} />;
}

/** The "Illustrative" badge of a row or figure the demo made up. */
export function IllustrativeBadge({ show = true }: { show?: boolean }) {
  return show ? <span className="badge force-illustrative" title="Written for the demo: not a real figure">Illustrative</span> : null;
}

function ForcePage(props: { agreement: AgreementView; parties: PartyView[]; force: ForceOverview; refreshing: boolean; can: GateForceAbilities }) {
  const { agreement, parties, force, refreshing, can } = props;
  const slug = agreement.slug;
  const [notice, setNotice] = useState<string | null>(null);
  const currency = force.budgetLines[0]?.currency ?? 'USD';
  const empty = force.requirements.length === 0 && force.contributors.length === 0 && force.budgetLines.length === 0;

  return (
    <article className="page force-page">
      <title>{`Force · ${agreement.title} · Phaseline`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/agreements/${slug}`} dir="auto">
          {agreement.title}
        </Link>{' '}
        › Stabilization force
      </nav>
      <h1>Stabilization force</h1>
      <p className="muted">
        What the force needs, what contributors pledge and how ready it is, whether the parties accept them, and the money, as you may see
        it{refreshing ? ' · refreshing…' : ''}.
      </p>
      {force.illustrative ? (
        <aside className="banner-illustrative" aria-labelledby="force-illustrative-heading">
          <h2 id="force-illustrative-heading">Illustrative figures</h2>
          <p>
            Figures marked <IllustrativeBadge /> were written for the demonstration: they are not real requirements, pledges, positions or
            money.
          </p>
        </aside>
      ) : null}
      {empty ? (
        <div className="state state-empty">
          <p className="state-title">No force has been sized yet.</p>
          <p>{can.forceWrite ? 'Add its requirements, contributors and budget below.' : 'Requirements, pledges and funding appear here once the mediators add them.'}</p>
        </div>
      ) : null}

      <RequirementsSection force={force} />
      <AcceptabilitySection slug={slug} timeZone={agreement.timeZone} force={force} parties={parties} can={can} onSaved={setNotice} />
      <FundingSection force={force} currency={currency} />
      <MandateSection slug={slug} force={force} />
      <WhatIfPanel slug={slug} force={force} />
      {can.forceWrite ? <ForceEditors slug={slug} force={force} timeZone={agreement.timeZone} onSaved={setNotice} /> : null}
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </article>
  );
}
