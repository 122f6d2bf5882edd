/** The parties to an agreement with their role and their name in their own language (often right-to-left). */
import type { PartyView } from '../../../src/contract/index.ts';
import { PARTY_ROLE_LABELS } from '../shared/labels.ts';
import { EmptyState } from '../shared/states.tsx';

export function PartiesList({ parties }: { parties: PartyView[] }) {
  if (parties.length === 0) return <EmptyState title="No parties recorded yet." />;
  return (
    <ul className="parties" aria-label="Parties">
      {parties.map((party) => (
        <li key={party.id} className="party-card">
          <div className="party-names">
            <span className="party-name" dir="auto">
              {party.name}
            </span>
            {party.localName ? (
              <span className="party-local-name" dir="auto" data-testid="party-local-name">
                {party.localName}
              </span>
            ) : null}
          </div>
          <span className={`pill role-${party.role}`}>{PARTY_ROLE_LABELS[party.role]}</span>
          {party.description ? (
            <p className="party-description" dir="auto">
              {party.description}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
