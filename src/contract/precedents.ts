/** The UCDP Peace Agreement library and survival curves (docs/FORECAST.md). */
export {};
