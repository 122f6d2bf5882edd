// Ground: areas held and their coverage of sectors, the withdrawal schedule's status, and indicators
// against their targets (docs/GATES.md).
export * from './areas.ts';
export * from './coverage.ts';
export * from './withdrawal.ts';
export * from './indicators.ts';
export * from './observations-import.ts';
