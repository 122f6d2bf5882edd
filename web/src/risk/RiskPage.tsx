/** The collapse risk (docs/FORECAST.md). */
export function RiskRoute() {
  return <h1>The collapse risk</h1>;
}
