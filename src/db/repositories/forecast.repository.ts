/** What the forecast reads (docs/FORECAST.md): an agreement's verified incidents as events and as daily counts. */
import type { Db } from '../open.ts';

export function forecastRepository(_db: Db) {
  return {};
}
