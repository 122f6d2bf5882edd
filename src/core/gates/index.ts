// Filled in by issue 11's work: see docs/GATES.md.
export {};
