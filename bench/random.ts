/** mulberry32: the core's seeded generator (src/core/forecast/random.ts), to vary benchmark data; not for anything secret. */
export { mulberry32 } from '../src/core/forecast/random.ts';
