/**
 * A seeded random source for core's simulations: core never calls Math.random, the caller passes
 * a generator, so that a seed reproduces a forecast exactly.
 */

/** Uniform draws in [0, 1). */
export type RandomSource = () => number;

/** mulberry32: a small, fast 32-bit generator (period 2^32); fine for simulation, not for anything secret. */
export function mulberry32(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An exponential draw of the given rate (mean 1 / rate), by inversion. */
export function exponentialDraw(rng: RandomSource, rate: number): number {
  // 1 - u lies in (0, 1]: the log is finite.
  return -Math.log(1 - rng()) / rate;
}

/** A Poisson draw of the given mean: Knuth's product of uniforms in chunks of mean 30, so that e^-mean never underflows. */
export function poissonDraw(rng: RandomSource, mean: number): number {
  let count = 0;
  let rest = mean;
  while (rest > 0) {
    const chunk = Math.min(rest, 30);
    rest -= chunk;
    const limit = Math.exp(-chunk);
    let product = rng();
    while (product > limit) {
      count += 1;
      product *= rng();
    }
  }
  return count;
}
