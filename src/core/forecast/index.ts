/** Escalation and counts forecasting, pure (issue 12): filled in by its work. */
export * from './hawkes.ts';
export * from './hawkes-simulate.ts';
export * from './linalg.ts';
export * from './random.ts';
export * from './hawkes-events.ts';
