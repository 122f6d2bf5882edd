/** Reading and saving the phases of an agreement. */
import { PhaseView, type PhaseCreate, type PhaseUpdate } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';

const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}/phases`;

export const phasesApi = {
  get: (slug: string, id: string) => api.get(apiPath(`${base(slug)}/${id}`), PhaseView),
  create: (slug: string, body: PhaseCreate) => api.post(apiPath(base(slug)), PhaseView, body),
  update: (slug: string, id: string, body: PhaseUpdate) => api.patch(apiPath(`${base(slug)}/${id}`), PhaseView, body),
};
