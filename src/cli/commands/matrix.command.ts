/** `phaseline matrix <agreement>`: the Strategic Matrix as a table per phase, CSV per provision, or JSON. */
import type { Command } from 'commander';
import { z } from 'zod';
import { STATUS_LABELS, type BottleneckReason, type Matrix, type Provision } from '../../core/index.ts';
import { services } from '../../server/app.ts';
import { withDatabase, type CliIo } from '../context.ts';
import { parseOptions } from '../options.ts';
import { addFormatOption, fitColumns, formatSchema, renderCsv, renderJson, renderTable } from '../output.ts';

const MatrixOptions = z.object({ format: formatSchema() });

export function reasonText(reason: BottleneckReason): string {
  return reason.kind === 'overdue' ? `overdue ${reason.daysOverdue} d` : 'disputed';
}

const realityLine = (p: Provision) => `${p.code.padEnd(5)} ${STATUS_LABELS[p.status].padEnd(16)} ${p.title}`;

/** One row per phase: Phase | Objective | Ground realities | Bottlenecks. */
export function matrixTable(matrix: Matrix, columns?: number): string {
  const { agreement, totals } = matrix;
  const lines = [
    `${agreement.title} (${agreement.slug})`,
    `Strategic Matrix as of ${matrix.asOf}: ${totals.total} provisions, ${totals.bottlenecks} bottlenecks`,
  ];
  if (agreement.illustrative) lines.push('Illustrative scenario drawn from public reporting, not an official record.');
  const rows = matrix.rows.map((row) => [
    `${row.phase.ordinal}. ${row.phase.name}\n(${row.phase.status})`,
    row.phase.objective,
    row.realities.map(realityLine).join('\n') || '(no provisions)',
    row.bottlenecks.map((b) => `${b.code} ${b.reasons.map(reasonText).join(', ')}`).join('\n') || '-',
  ]);
  const colWidths = fitColumns(columns, [22, 22, 20], 2);
  return `${lines.join('\n')}\n${renderTable(['Phase', 'Objective', 'Ground realities', 'Bottlenecks'], rows, colWidths ? { colWidths } : {})}`;
}

/** One row per provision, in matrix order, with its phase and why it holds the phase back. */
export function matrixCsv(matrix: Matrix): string {
  const partyName = new Map(matrix.parties.map((p) => [p.id, p.name]));
  const header = ['phase', 'objective', 'code', 'title', 'category', 'obligated_party', 'status', 'deadline', 'bottlenecks'];
  const rows = matrix.rows.flatMap((row) => {
    const reasonsOf = new Map(row.bottlenecks.map((b) => [b.provisionId, b.reasons.map(reasonText).join('; ')]));
    return row.realities.map((p) => [
      row.phase.name,
      row.phase.objective,
      p.code,
      p.title,
      p.category,
      p.obligatedPartyId ? (partyName.get(p.obligatedPartyId) ?? p.obligatedPartyId) : 'All parties',
      p.status,
      p.deadline,
      reasonsOf.get(p.id) ?? '',
    ]);
  });
  return renderCsv(header, rows);
}

export function registerMatrixCommand(program: Command, io: CliIo): void {
  const command = program
    .command('matrix')
    .description('The Strategic Matrix of an agreement: per phase, its objective, ground realities and bottlenecks')
    .argument('<agreement>', 'agreement id or slug');
  addFormatOption(command).action(async (ref: string, raw: Record<string, unknown>) => {
    const { format } = parseOptions(MatrixOptions, raw);
    const matrix = await withDatabase(io, (database) => services(database, { clock: io.clock }).matrix.get(ref));
    if (format === 'json') io.stdout(renderJson(matrix));
    else if (format === 'csv') io.stdout(matrixCsv(matrix));
    else io.stdout(matrixTable(matrix, io.columns));
  });
}
