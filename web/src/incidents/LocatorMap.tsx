/**
 * A small map of where an incident happened, on its page: its point among the agreement's zones,
 * drawn offline. "No location recorded" when the report has no point; MapLibre loads only when
 * there is one to show.
 */
import { lazy, Suspense, useMemo } from 'react';
import type { IncidentView, ZoneView } from '../../../src/contract/index.ts';
import { incidentCollection, zoneCollection } from '../map/features.ts';
import { Loading } from '../shared/states.tsx';
import { pointText } from './incidentText.ts';
import './incident-search.css';

const LocatorCanvas = lazy(() => import('./LocatorCanvas.tsx').then((m) => ({ default: m.LocatorCanvas })));

export function LocatorMap({ incident, zones }: { incident: IncidentView; zones: readonly ZoneView[] }) {
  const zoneSource = useMemo(() => zoneCollection(zones), [zones]);
  const pointSource = useMemo(() => incidentCollection([incident]), [incident]);
  const { lon, lat } = incident;
  return (
    <section aria-labelledby="locator-heading" className="section locator">
      <h2 id="locator-heading">Location</h2>
      {lon === null || lat === null ? (
        <p className="muted">No location recorded</p>
      ) : (
        <Suspense fallback={<Loading label="Loading the map…" />}>
          <LocatorCanvas lon={lon} lat={lat} zones={zoneSource} point={pointSource} label={`Map of the incident’s location, ${pointText(lon, lat) ?? ''}, among the agreement’s zones`} />
        </Suspense>
      )}
    </section>
  );
}
