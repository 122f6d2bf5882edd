/** The address of a provision's page: its permalink, linked from the matrix and wherever a provision is named. */
export const provisionPath = (slug: string, id: string): string => `/agreements/${encodeURIComponent(slug)}/provisions/${encodeURIComponent(id)}`;
