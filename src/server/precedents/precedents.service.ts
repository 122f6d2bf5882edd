/** Precedents (docs/FORECAST.md): the UCDP Peace Agreement library, searchable, and Kaplan–Meier survival. */
export function precedentsService() {
  return {};
}
export type PrecedentsService = ReturnType<typeof precedentsService>;
