import { describe, expect, it } from 'vitest';
import { fixedClock, settableClock, type Clock } from './clock.ts';

/** A wall clock the test moves by hand. */
function handWall(start: string): Clock & { advance(ms: number): void } {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

describe('settableClock', () => {
  it('reads the wall clock until set', () => {
    const wall = handWall('2026-12-02T06:00:00Z');
    expect(settableClock(wall).now().toISOString()).toBe('2026-12-02T06:00:00.000Z');
  });

  it('runs on from the instant it is set to, at the wall clock pace, and goes back when reset', () => {
    const wall = handWall('2026-12-02T06:00:00Z');
    const clock = settableClock(wall);
    clock.set('2026-12-03T05:30:00Z');
    expect(clock.now().toISOString()).toBe('2026-12-03T05:30:00.000Z');
    wall.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-12-03T05:31:30.000Z');
    clock.set(null);
    expect(clock.now().toISOString()).toBe('2026-12-02T06:01:30.000Z');
  });

  it('a fixed clock never shares its instant with callers', () => {
    const clock = fixedClock('2026-12-02T00:00:00Z');
    clock.now().setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });
});
