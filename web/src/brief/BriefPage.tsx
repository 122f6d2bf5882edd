/** The situation brief (docs/FORECAST.md). */
export function BriefRoute() {
  return <h1>The situation brief</h1>;
}
