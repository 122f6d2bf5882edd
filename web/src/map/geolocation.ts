/**
 * "Use my location" when reporting an incident: the browser's position as a point, or a message
 * that says why there is none and what to do instead (click the map, or type the coordinates).
 */
import type { LngLat } from './drawing.ts';

export type LocationProblem = 'insecure' | 'unsupported' | 'denied' | 'unavailable' | 'timeout';

export type Located = { ok: true; point: LngLat; accuracyM: number } | { ok: false; problem: LocationProblem };

const INSTEAD = 'Click the place on the map, or type the coordinates.';

export const LOCATION_PROBLEMS: Record<LocationProblem, string> = {
  insecure: `The browser shares its location only with a page opened over HTTPS or on localhost, and this one is not. ${INSTEAD}`,
  unsupported: `This browser cannot tell its location. ${INSTEAD}`,
  denied: `Your browser did not allow this page to use your location. Allow it in the browser’s site settings and try again, or: ${INSTEAD[0]!.toLowerCase()}${INSTEAD.slice(1)}`,
  unavailable: `Your location is not available right now (no GPS or network position). ${INSTEAD}`,
  timeout: `Finding your location took too long. Try again, or: ${INSTEAD[0]!.toLowerCase()}${INSTEAD.slice(1)}`,
};

/** The problem of a GeolocationPositionError's code (1 denied, 2 unavailable, 3 timeout). */
export function problemOf(code: number): LocationProblem {
  return code === 1 ? 'denied' : code === 3 ? 'timeout' : 'unavailable';
}

/** Asks the browser for its position once; never rejects. */
export function locate(
  geolocation: Geolocation | undefined = typeof navigator === 'undefined' ? undefined : navigator.geolocation,
  secure: boolean = typeof window === 'undefined' || window.isSecureContext,
): Promise<Located> {
  if (!secure) return Promise.resolve({ ok: false, problem: 'insecure' });
  if (!geolocation) return Promise.resolve({ ok: false, problem: 'unsupported' });
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (position) => resolve({ ok: true, point: [position.coords.longitude, position.coords.latitude], accuracyM: position.coords.accuracy }),
      (error) => resolve({ ok: false, problem: problemOf(error.code) }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  });
}
