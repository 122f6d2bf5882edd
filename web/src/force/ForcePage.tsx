/** Filled in by issue 11's work (docs/GATES.md). */
export function ForceRoute() {
  return null;
}
