import { describe, expect, it } from 'vitest';
import { locate, LOCATION_PROBLEMS, problemOf } from './geolocation.ts';

/** A Geolocation that answers getCurrentPosition with a position or an error code. */
function fakeGeolocation(answer: { lon: number; lat: number } | { code: number }): Geolocation {
  return {
    getCurrentPosition: (success, failure) => {
      if ('code' in answer) failure?.({ code: answer.code, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
      else success({ coords: { longitude: answer.lon, latitude: answer.lat, accuracy: 12 } } as GeolocationPosition);
    },
    watchPosition: () => 0,
    clearWatch: () => {},
  };
}

describe('locate', () => {
  it('gives the position as [lon, lat]', async () => {
    expect(await locate(fakeGeolocation({ lon: 34.3, lat: 31.35 }), true)).toEqual({ ok: true, point: [34.3, 31.35], accuracyM: 12 });
  });

  it('names why there is no position', async () => {
    expect(await locate(fakeGeolocation({ code: 1 }), true)).toEqual({ ok: false, problem: 'denied' });
    expect(await locate(fakeGeolocation({ code: 2 }), true)).toEqual({ ok: false, problem: 'unavailable' });
    expect(await locate(fakeGeolocation({ code: 3 }), true)).toEqual({ ok: false, problem: 'timeout' });
    expect(await locate(undefined, true)).toEqual({ ok: false, problem: 'unsupported' });
    // Plain HTTP on a LAN address: browsers refuse, so the page says why before asking.
    expect(await locate(fakeGeolocation({ lon: 1, lat: 2 }), false)).toEqual({ ok: false, problem: 'insecure' });
  });

  it('says what to do instead in every message', () => {
    expect(problemOf(1)).toBe('denied');
    for (const message of Object.values(LOCATION_PROBLEMS)) expect(message).toMatch(/click the place on the map/i);
    expect(LOCATION_PROBLEMS.denied).toMatch(/did not allow/);
    expect(LOCATION_PROBLEMS.insecure).toMatch(/HTTPS or on localhost/);
  });
});
