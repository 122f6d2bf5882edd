/** The UCDP Peace Agreement library and Kaplan–Meier survival, pure (docs/FORECAST.md). */
export * from './vocabulary.ts';
export * from './dataset.ts';
export * from './search.ts';
export * from './survival.ts';
