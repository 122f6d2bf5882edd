/** An agreement's incidents: filters, the list with cursor paging, and the daily chart of verified incidents per party. */
import { useParams } from 'react-router';

export function IncidentsRoute() {
  const { slug = '' } = useParams();
  return (
    <section className="page">
      <h1>Incidents</h1>
      <p className="muted">Agreement {slug}: the incident list is being built.</p>
    </section>
  );
}
