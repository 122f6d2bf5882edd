/** The API contract: zod schemas shared by the server, the web client and the CLI. */
export * from './agreements.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './health.ts';
export * from './negotiation.ts';
export * from './provisions.ts';
export * from './rounds.ts';
export * from './summary.ts';
export * from './incidents.ts';
export * from './zones.ts';
export * from './ground.ts';
export * from './force.ts';
export * from './gates.ts';
export * from './forecast.ts';
export * from './precedents.ts';
export * from './brief.ts';
