/**
 * What if (docs/GATES.md): the reader chooses assumptions (a contributor withdraws, a party objects to
 * a contributor, a pledge reaches Level 3), and sees the gaps and each phase's gate recomputed beside
 * the current ones. The server computes and forgets: nothing is saved.
 */
import { useState } from 'react';
import type { ForceOverview } from '../../../src/contract/index.ts';
import { FORCE_ASSUMPTION_LABELS, FORCE_ASSUMPTION_KINDS } from '../../../src/core/force/what-if.ts';
import { useGates, useWhatIf } from '../gates/gates.api.ts';
import { SelectField } from '../shared/fields.tsx';
import { ErrorState, Loading } from '../shared/states.tsx';
import { assumeText, choiceOf, gapChanges, gateChanges, gateWords, readyCandidates, type WhatIfChoice } from './whatIf.ts';

type Kind = WhatIfChoice['kind'];

export function WhatIfPanel({ slug, force }: { slug: string; force: ForceOverview }) {
  const [kind, setKind] = useState<Kind>('withdraw');
  const [fields, setFields] = useState({ contributorId: '', partyId: '', pledgeId: '' });
  const [assume, setAssume] = useState<string[]>([]);
  const gates = useGates(slug);
  const whatIf = useWhatIf(slug, assume);
  const choice = choiceOf(kind, fields);
  const pledges = readyCandidates(force.pledges);
  const set = (field: keyof typeof fields) => (value: string) => setFields((f) => ({ ...f, [field]: value }));

  const add = () => {
    if (!choice) return;
    const text = assumeText(choice);
    setAssume((a) => (a.includes(text) ? a : [...a, text]));
  };

  return (
    <section aria-labelledby="what-if-heading" className="section what-if">
      <h2 id="what-if-heading">What if</h2>
      <p className="what-if-note" role="note">
        <strong>Nothing is saved.</strong> The gaps and gates below are computed under your assumptions and forgotten; nobody else sees them.
      </p>
      <div className="what-if-form">
        <SelectField label="Assume" inline value={kind} onChange={(v) => setKind(v as Kind)} options={FORCE_ASSUMPTION_KINDS.map((k) => ({ value: k, label: FORCE_ASSUMPTION_LABELS[k] }))} />
        {kind !== 'ready' ? (
          <SelectField
            label="Contributor"
            inline
            value={fields.contributorId}
            onChange={set('contributorId')}
            options={[{ value: '', label: 'Choose…' }, ...force.contributors.map((c) => ({ value: c.id, label: c.name }))]}
          />
        ) : null}
        {kind === 'object' ? (
          <SelectField
            label="Party"
            inline
            value={fields.partyId}
            onChange={set('partyId')}
            options={[{ value: '', label: 'Choose…' }, ...force.acceptability.parties.map((p) => ({ value: p.id, label: p.signatory ? p.name : `${p.name} (not a signatory)` }))]}
          />
        ) : null}
        {kind === 'ready' ? (
          <SelectField
            label="Pledge"
            inline
            value={fields.pledgeId}
            onChange={set('pledgeId')}
            options={[
              { value: '', label: pledges.length === 0 ? 'No pledge below Level 3' : 'Choose…' },
              ...pledges.map((p) => ({ value: p.id, label: `${p.contributorName}: ${p.capability}${p.sectorName ? ` · ${p.sectorName}` : ''}, ${p.personnel} at ${p.readiness}` })),
            ]}
          />
        ) : null}
        <button type="button" className="button button-primary" disabled={!choice} onClick={add}>
          Add assumption
        </button>
      </div>

      {assume.length === 0 ? (
        <p className="muted">Add an assumption to see the gaps and gates it would give.</p>
      ) : whatIf.isPending ? (
        <Loading label="Computing…" />
      ) : whatIf.isError ? (
        <ErrorState error={whatIf.error} title="Could not compute this" onRetry={() => void whatIf.refetch()} />
      ) : (
        <>
          <h3>Assumptions</h3>
          <ol className="what-if-assumptions">
            {whatIf.data.assumptions.map((a) => (
              <li key={a.text} dir="auto">
                {a.label}{' '}
                <button type="button" className="button-link" onClick={() => setAssume((list) => list.filter((t) => t !== a.text))} aria-label={`Remove the assumption: ${a.label}`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="button button-small" onClick={() => setAssume([])}>
            Clear all
          </button>
          <div className="force-tables">
            <div className="table-scroll">
              <table className="force-table" aria-label="Gaps now and under the assumptions">
                <caption>Personnel gaps: now and if</caption>
                <thead>
                  <tr>
                    <th scope="col">Requirement</th>
                    <th scope="col" className="num">Gap now</th>
                    <th scope="col" className="num">Gap if</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {gapChanges(force.gaps, whatIf.data.force).map((c) => (
                    <tr key={c.requirementId} className={c.changed ? 'what-if-changed' : undefined}>
                      <th scope="row" dir="auto">
                        {c.label}
                      </th>
                      <td className="num">{c.before.gap}</td>
                      <td className="num">{c.after?.gap ?? '—'}</td>
                      <td>{c.changed ? <strong>Changed</strong> : 'Same'}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">All</th>
                    <td className="num">{force.gaps.totals.gap}</td>
                    <td className="num">{whatIf.data.force.totals.gap}</td>
                    <td>{force.gaps.totals.gap === whatIf.data.force.totals.gap ? 'Same' : <strong>Changed</strong>}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <div className="table-scroll">
              <table className="force-table" aria-label="Gates now and under the assumptions">
                <caption>Phase gates: now and if</caption>
                <thead>
                  <tr>
                    <th scope="col">Phase</th>
                    <th scope="col">Now</th>
                    <th scope="col">If</th>
                  </tr>
                </thead>
                <tbody>
                  {gates.data ? (
                    gateChanges(gates.data.items, whatIf.data.gates).map((g) => (
                      <tr key={g.phaseId} className={g.changed ? 'what-if-changed' : undefined}>
                        <th scope="row" dir="auto">
                          Phase {g.ordinal}: {g.phaseName}
                        </th>
                        <td>{gateWords(g.before)}</td>
                        <td>
                          {gateWords(g.after)}
                          {g.changed ? <strong> (changed)</strong> : null}
                        </td>
                      </tr>
                    ))
                  ) : (
                    <tr>
                      <td colSpan={3}>{gates.isError ? 'Could not load the current gates.' : 'Loading the current gates…'}</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
