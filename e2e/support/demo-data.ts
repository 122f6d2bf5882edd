/** The demo's data as the API gives it, for specs that start from a provision of the scenario. */
import { expect, type APIRequestContext } from '@playwright/test';

export const DEMO_SLUG = 'cairo-2026';

export interface ProvisionJson {
  id: string;
  code: string;
  title: string;
  status: string;
  version: number;
}

/** A demo provision by its code ("2.2"), as it is now (its status and version change as specs run). */
export async function provisionByCode(request: APIRequestContext, code: string): Promise<ProvisionJson> {
  const response = await request.get(`/api/agreements/${DEMO_SLUG}/provisions?limit=500`);
  expect(response.ok()).toBe(true);
  const found = ((await response.json()) as { items: ProvisionJson[] }).items.find((p) => p.code === code);
  if (!found) throw new Error(`No provision ${code} in the demo`);
  return found;
}
