/** One incident: its facts, history, evidence, parties' responses and the workflow's next steps. */
import { useParams } from 'react-router';

export function IncidentRoute() {
  const { slug = '', id = '' } = useParams();
  return (
    <section className="page">
      <h1>Incident</h1>
      <p className="muted">
        Agreement {slug}, incident {id}: the incident page is being built.
      </p>
    </section>
  );
}
