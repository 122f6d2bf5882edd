/** Output in the three formats every listing command takes: a table for people, JSON and CSV for programs. */
import Table from 'cli-table3';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';

export const OUTPUT_FORMATS = ['table', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The zod schema of `--format`, limited to what a command can print. */
export function formatSchema(formats: readonly OutputFormat[] = OUTPUT_FORMATS) {
  return z
    .enum(formats as [OutputFormat, ...OutputFormat[]], { error: `must be one of ${formats.join(', ')}` })
    .default('table');
}

export function addFormatOption(command: Command, formats: readonly OutputFormat[] = OUTPUT_FORMATS): Command {
  return command.option('--format <format>', `output format: ${formats.join(', ')}`, 'table');
}

export interface TableOptions {
  /** Width of each column, padding included; omitted columns size to their content. */
  colWidths?: Array<number | null>;
}

/** A boxed table without colours, so that piped output and tests see plain text. */
export function renderTable(head: string[], rows: string[][], options: TableOptions = {}): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    ...(options.colWidths ? { colWidths: options.colWidths, wordWrap: true, wrapOnWordBoundary: true } : {}),
  });
  table.push(...rows);
  return `${table.toString()}\n`;
}

export type CsvValue = string | number | boolean | null | undefined;

/** RFC 4180 CSV with a header row; null and undefined are empty fields. */
export function renderCsv(header: string[], rows: CsvValue[][]): string {
  return stringify([header, ...rows], { cast: { boolean: (b) => String(b) } });
}

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Splits `width` columns of terminal between table columns: fixed ones, and one that takes the rest. */
export function fitColumns(width: number | undefined, fixed: number[], flexibleIndex: number, minimum = 30) {
  if (width === undefined) return undefined;
  const borders = fixed.length + 2;
  const rest = Math.max(minimum, width - borders - fixed.reduce((a, b) => a + b, 0));
  const widths = [...fixed];
  widths.splice(flexibleIndex, 0, rest);
  return widths;
}
