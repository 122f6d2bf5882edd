/** The precedents (docs/FORECAST.md). */
export function PrecedentsRoute() {
  return <h1>The precedents</h1>;
}
