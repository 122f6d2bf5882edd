/** An agreement's map: zones and incidents (clustered, filtered), drawing zones and filing incidents. */
import { useParams } from 'react-router';

export function MapRoute() {
  const { slug = '' } = useParams();
  return (
    <section className="page">
      <h1>Map</h1>
      <p className="muted">Agreement {slug}: the map is being built.</p>
    </section>
  );
}
