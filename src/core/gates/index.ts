/** Phase gates, pure (docs/GATES.md): their conditions, checked and evaluated on plain facts. */
export * from './conditions.ts';
export * from './facts.ts';
export * from './checks-ground.ts';
export * from './checks-agreement.ts';
export * from './evaluate.ts';
