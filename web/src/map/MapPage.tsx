/**
 * An agreement's map: zones and incidents (clustered, filtered), drawing zones and filing incidents.
 * The page itself is loaded on demand, so that no other page downloads MapLibre.
 */
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { Loading } from '../shared/states.tsx';

const MapScreen = lazy(() => import('./MapScreen.tsx'));

/** Keyed by slug, so that moving to another agreement's map starts afresh. */
export function MapRoute() {
  const { slug = '' } = useParams();
  return (
    <Suspense fallback={<Loading label="Loading the map…" />}>
      <MapScreen key={slug} slug={slug} />
    </Suspense>
  );
}
