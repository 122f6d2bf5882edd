/** The situation brief (docs/FORECAST.md). */
export {};
