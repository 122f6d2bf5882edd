/** The collapse risk, pure (docs/FORECAST.md): its parts, each with value, source, weight and score, and the score. */
export * from './parts.ts';
export * from './facts.ts';
export * from './weights.ts';
export * from './compute.ts';
