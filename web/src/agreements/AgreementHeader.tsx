/** The top of an agreement's page: title, status, time zone, the illustrative banner and the summary. */
import type { AgreementView } from '../../../src/contract/index.ts';
import { AGREEMENT_STATUS_LABELS } from '../shared/labels.ts';

export function AgreementHeader({ agreement }: { agreement: AgreementView }) {
  return (
    <header className="agreement-header">
      <p className="eyebrow">
        <span className="mono">{agreement.slug}</span> · times in {agreement.timeZone}, where the agreement is; each time’s tooltip gives yours
      </p>
      <h1 dir="auto">{agreement.title}</h1>
      <p className="agreement-badges">
        <span className={`pill agreement-status-${agreement.status}`}>Status: {AGREEMENT_STATUS_LABELS[agreement.status]}</span>
        {agreement.public ? <span className="pill pill-outline">Public</span> : null}
      </p>
      {agreement.illustrative ? (
        <aside className="banner-illustrative" aria-labelledby="illustrative-heading">
          <h2 id="illustrative-heading">Illustrative scenario</h2>
          <p dir="auto">{agreement.sourceNote || 'This agreement is an illustration, not an official record.'}</p>
        </aside>
      ) : agreement.sourceNote ? (
        <p className="source-note" dir="auto">
          Source: {agreement.sourceNote}
        </p>
      ) : null}
      {agreement.summary ? (
        <p className="agreement-summary-full" dir="auto">
          {agreement.summary}
        </p>
      ) : null}
    </header>
  );
}
