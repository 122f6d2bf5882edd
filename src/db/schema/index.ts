/**
 * Drizzle schema, one module per feature. Migrations under ../migrations are generated from this
 * index by drizzle-kit (`npm run db:generate`) and never edited after they land.
 */
export * from './agreements.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './monitoring.ts';
export * from './negotiation.ts';
export * from './rounds.ts';
export * from './ground.ts';
export * from './force.ts';
export * from './risk.ts';
export * from './desk.ts';
