/** A document's agreed share: a bar, the share in words, and how many clauses stand where. */
import type { DocumentSummaryView } from '../../../src/contract/index.ts';

export const formatShare = (share: number): string => `${Math.round(share * 100)}%`;

export function ConsensusBar({ consensus }: { consensus: DocumentSummaryView['consensus'] }) {
  const { clauses, agreed, blocked, converging, open, agreedShare } = consensus;
  const counts = `${agreed} agreed · ${converging} converging · ${open} open · ${blocked} blocked`;
  return (
    <div className="consensus">
      <div
        className="consensus-bar"
        role="progressbar"
        aria-label="Clauses agreed"
        aria-valuemin={0}
        aria-valuemax={clauses}
        aria-valuenow={agreed}
        aria-valuetext={`${agreed} of ${clauses} clauses agreed (${formatShare(agreedShare)})`}
      >
        <span className="consensus-fill" style={{ width: `${agreedShare * 100}%` }} />
      </div>
      <p className="consensus-text">
        <strong>{formatShare(agreedShare)} agreed</strong> ({agreed} of {clauses === 1 ? '1 clause' : `${clauses} clauses`}) · {counts}
      </p>
    </div>
  );
}
