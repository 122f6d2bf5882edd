export * from './domain.ts';
export * from './errors.ts';
export * from './matrix.ts';
export * from './model.ts';
export * from './rules.ts';
export * from './slug.ts';
