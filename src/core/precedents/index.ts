/** The UCDP Peace Agreement library and Kaplan–Meier survival, pure (docs/FORECAST.md). */
export {};
