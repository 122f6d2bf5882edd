export * from './brackets.ts';
export * from './consensus.ts';
export * from './diff.ts';
