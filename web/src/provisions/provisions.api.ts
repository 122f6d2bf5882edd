/** Reading and saving the provisions of an agreement. */
import { ProvisionView, type ProvisionCreate, type ProvisionUpdate } from '../../../src/contract/index.ts';
import { api, apiPath } from '../shared/api.ts';

const base = (slug: string) => `/agreements/${encodeURIComponent(slug)}/provisions`;

export const provisionsApi = {
  get: (slug: string, id: string) => api.get(apiPath(`${base(slug)}/${id}`), ProvisionView),
  create: (slug: string, body: ProvisionCreate) => api.post(apiPath(base(slug)), ProvisionView, body),
  update: (slug: string, id: string, body: ProvisionUpdate) => api.patch(apiPath(`${base(slug)}/${id}`), ProvisionView, body),
};
