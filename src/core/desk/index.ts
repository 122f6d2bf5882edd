/** The daily desk (docs/DESK.md): what changed in an agreement since a reader last looked, pure. */
export * from './clauses.ts';
export * from './items.ts';
export * from './kinds.ts';
export * from './window.ts';
