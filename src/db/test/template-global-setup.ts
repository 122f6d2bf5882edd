/** Before the tests of a project that opens PGlite: the migrated template they start from (template.ts). */
import type { TestProject } from 'vitest/node';
import { ensureTemplate } from './template.ts';

export default async function setup(project: TestProject): Promise<void> {
  project.provide('pgliteTemplate', await ensureTemplate());
}
