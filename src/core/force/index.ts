/** The stabilization force, pure (docs/GATES.md): vocabulary, acceptability, force and funding gaps, what if. */
export * from './vocabulary.ts';
export * from './acceptability.ts';
export * from './gaps.ts';
export * from './funding.ts';
export * from './what-if.ts';
