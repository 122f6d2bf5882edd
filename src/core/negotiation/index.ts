/**
 * Negotiated texts, pure. Word diffs (`./diff.ts`) are imported from their own module, not from here:
 * jsdiff builds objects when it loads, so a bundle that reached it through this index would carry it to
 * every page of the web UI.
 */
export * from './brackets.ts';
export * from './consensus.ts';
