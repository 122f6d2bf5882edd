export * from './access.ts';
export * from './audit.ts';
export * from './audit-labels.ts';
export * from './domain.ts';
export * from './errors.ts';
export * from './matrix.ts';
export * from './model.ts';
export * from './rules.ts';
export * from './slug.ts';
export * from './incidents.ts';
export * from './zones.ts';
export * from './calendar.ts';
export * from './sessions.ts';
export * from './compliance.ts';
export * from './incident-import.ts';
export * from './incident-rules.ts';
export * from './negotiation/index.ts';
// Both zones (a GeoJSON position) and negotiation (a stance's position) name a Position: here it is
// the GeoJSON one; the stance's is also exported as StancePosition.
export type { Position } from './zones.ts';
export * from './ground/index.ts';
export * from './force/index.ts';
export * from './gates/index.ts';
export * from './forecast/index.ts';
export * from './risk/index.ts';
export * from './precedents/index.ts';
export * from './brief/index.ts';
export * from './desk/index.ts';
export * from './provision-status.ts';
