/**
 * Exporting a negotiated document as Markdown, DOCX or PDF, now or at a past revision: what the
 * export route and `phaseline docs export` share. Markdown is the document as imported (whitespace
 * aside); DOCX and PDF are laid out from it (export-docx.ts, export-pdf.ts).
 */
import type { Agreement } from '../../core/index.ts';
import { documentDocx } from './export-docx.ts';
import { exportFileName, type ExportSource } from './export-layout.ts';
import { documentPdf, type PrintOptions } from './export-pdf.ts';
import type { NegotiationService } from './negotiation.service.ts';

export const EXPORT_FORMATS = ['md', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface ExportedDocument {
  fileName: string;
  contentType: string;
  /** Markdown as text; DOCX and PDF as bytes. */
  body: string | Buffer;
  revision: number;
}

export interface ExportOptions {
  format: ExportFormat;
  /** A past revision; the current one when absent. */
  revision?: number | undefined;
  /** When the export is made (printed under the title, in the agreement's zone). */
  now: Date;
  /** Where Chromium is, for PDF. */
  print?: PrintOptions;
}

export async function exportDocument(negotiation: NegotiationService, agreement: Agreement, documentId: string, options: ExportOptions): Promise<ExportedDocument> {
  const { document, markdown } = await negotiation.markdown(agreement, documentId, options.revision);
  const source: ExportSource = {
    agreement,
    document: { id: document.id, title: document.title, revision: document.revision },
    revision: options.revision ?? document.revision,
    markdown,
    generatedAt: options.now,
  };
  const fileName = exportFileName(source, options.format);
  const body = options.format === 'md' ? markdown : options.format === 'docx' ? await documentDocx(source) : await documentPdf(source, options.print);
  return { fileName, contentType: EXPORT_TYPES[options.format], body, revision: source.revision };
}
