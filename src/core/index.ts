export * from './access.ts';
export * from './audit.ts';
export * from './domain.ts';
export * from './errors.ts';
export * from './matrix.ts';
export * from './model.ts';
export * from './rules.ts';
export * from './slug.ts';
