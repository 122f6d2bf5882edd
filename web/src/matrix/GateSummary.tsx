/**
 * What the matrix shows of the ground and the force (docs/GATES.md): each phase's gate (passes, or n
 * of m met, linked to its page), a phase's late or disputed withdrawals, and the force's and the
 * money's gaps, all as the reader sees them.
 */
import { Link } from 'react-router';
import type { MatrixView } from '../../../src/contract/index.ts';
import type { MatrixRow } from './matrix.api.ts';
import './matrixGates.css';

type Withdrawal = MatrixRow['withdrawals']['bottlenecks'][number];

/** A phase's gate in the phase cell: its verdict in words (with an icon), linked to the gate page. */
export function GateSummary({ slug, row }: { slug: string; row: MatrixRow }) {
  const href = `/agreements/${slug}/phases/${row.phase.id}/gate`;
  const gate = row.gate;
  if (gate === null) {
    return (
      <Link className="matrix-gate matrix-gate-none" to={href} aria-label={`Gate to ${row.phase.name}: none`}>
        No gate
      </Link>
    );
  }
  const words = gate.passes ? `Gate passes (${gate.met} of ${gate.total} met)` : `Gate fails: ${gate.met} of ${gate.total} met`;
  return (
    <Link className={`matrix-gate ${gate.passes ? 'matrix-gate-passes' : 'matrix-gate-fails'}`} to={href} aria-label={`Gate to ${row.phase.name}: ${words}`}>
      <span aria-hidden="true">{gate.passes ? '✓ ' : '✗ '}</span>
      {words}
    </Link>
  );
}

const WITHDRAWAL_WORDS: Record<Withdrawal['status'], string> = { late: 'withdrawal late', disputed: 'withdrawal disputed', verified: 'verified', on_time: 'on time' };

/** A late or disputed withdrawal among a phase's bottlenecks. */
export function WithdrawalBottleneck({ withdrawal: w, slug }: { withdrawal: Withdrawal; slug: string }) {
  return (
    <li className="bottleneck">
      <div className="reality-head">
        <Link className="reality-title" to={`/agreements/${slug}/ground`} dir="auto">
          {w.label}
        </Link>
      </div>
      <div className="reality-meta">
        <span className={`reason ${w.status === 'disputed' ? 'reason-disputed' : 'reason-overdue'}`}>{WITHDRAWAL_WORDS[w.status]}</span>
        {w.since ? (
          <span className="muted">
            since <time dateTime={w.since}>{w.since}</time>
          </span>
        ) : null}
      </div>
    </li>
  );
}

const amount = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);

/** The force's personnel gaps and the money's, under the matrix, linked to the force page. */
export function ForceBottlenecks({ matrix }: { matrix: MatrixView }) {
  if (matrix.force.length === 0 && matrix.funding.length === 0) return null;
  const slug = matrix.agreement.slug;
  return (
    <section aria-labelledby="force-bottlenecks-heading" className="clause-bottlenecks">
      <h3 id="force-bottlenecks-heading">Force and funding gaps</h3>
      <ul className="bottlenecks">
        {matrix.force.map((f) => (
          <li key={f.requirementId} className="bottleneck">
            <div className="reality-head">
              <Link to={`/agreements/${slug}/force`} dir="auto">
                {f.label}
              </Link>
            </div>
            <div className="reality-meta">
              <span className="reason reason-overdue">gap of {f.gap} personnel</span>
              <span className="muted">
                {f.covered} of {f.required} covered
              </span>
            </div>
          </li>
        ))}
        {matrix.funding.map((f) => (
          <li key={f.stage} className="bottleneck">
            <div className="reality-head">
              <Link to={`/agreements/${slug}/force`}>{f.stage === 'commitment' ? 'Money not committed' : 'Money not disbursed'}</Link>
            </div>
            <div className="reality-meta">
              <span className="reason reason-overdue">
                {f.stage} gap of {amount(f.gap)}
              </span>
              <span className="muted">
                {amount(f.reached)} of {amount(f.budget)} budgeted {f.stage === 'commitment' ? 'committed' : 'disbursed'}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
