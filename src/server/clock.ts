/** The one place that reads the wall clock; everything else takes a Clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at one instant, for tests and reproducible briefs. */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
}

/**
 * A clock that can be set to an instant, from which it then runs on at the wall clock's pace: the
 * end-to-end server's, so that a spec can move the server to "the next morning" and back.
 */
export interface SettableClock extends Clock {
  /** Runs from `at` on; null goes back to the wall clock. */
  set(at: Date | string | null): void;
}

export function settableClock(wall: Clock = systemClock): SettableClock {
  let offsetMs = 0;
  return {
    now: () => new Date(wall.now().getTime() + offsetMs),
    set(at) {
      offsetMs = at === null ? 0 : new Date(at).getTime() - wall.now().getTime();
    },
  };
}
