/** The role matrix as a Markdown table, for docs/SECURITY.md (a test keeps the two in step). */
import { MATRIX_ROLES, PERMISSION_DESCRIPTIONS, PERMISSIONS, ROLE_MATRIX } from '../../core/index.ts';

export function roleMatrixMarkdown(): string {
  const header = `| Permission | ${MATRIX_ROLES.join(' | ')} | What it allows |`;
  const rule = `|---|${MATRIX_ROLES.map(() => ':-:').join('|')}|---|`;
  const rows = PERMISSIONS.map(
    (p) => `| \`${p}\` | ${MATRIX_ROLES.map((r) => (ROLE_MATRIX[p].includes(r) ? 'yes' : '-')).join(' | ')} | ${PERMISSION_DESCRIPTIONS[p]} |`,
  );
  return [header, rule, ...rows].join('\n');
}
