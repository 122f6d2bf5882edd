/**
 * A negotiated document as PDF: rendered to one self-contained HTML page (everything escaped,
 * bracketed runs styled, each clause `dir="auto"`), then printed by Chromium's headless
 * print-to-PDF in a temporary folder removed afterwards. Without Chromium, a clear error: the
 * server answers 422, the CLI exits 1.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DomainError, escapeHtml } from '../../core/index.ts';
import { exportBlocks, exportedLine, headerLine, type ExportBlock, type ExportSource, type Piece } from './export-layout.ts';

/** No Chromium to print with (code `pdf_unavailable`). */
export class ChromiumMissingError extends DomainError {
  constructor(detail: string) {
    super('pdf_unavailable', `PDF export needs Chromium: install Debian's \`chromium\` package or set CHROMIUM_PATH (${detail})`);
  }
}

/** Chromium ran but gave no PDF: it failed or took too long (code `pdf_failed`). */
export class PdfPrintError extends DomainError {
  constructor(detail: string) {
    super('pdf_failed', `Chromium could not print the PDF: ${detail}`);
  }
}

/** Where Chromium is looked for when CHROMIUM_PATH is not set: Debian's, then these names on PATH. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const isExecutable = (path: string) =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

/**
 * The browser to print with: `configured` (CHROMIUM_PATH) when set, which must then exist; else
 * /usr/bin/chromium, else the first of CHROMIUM_NAMES on `searchPath`.
 */
export async function findChromium(configured: string | undefined, searchPath: string | undefined): Promise<string> {
  if (configured) {
    if (await isExecutable(configured)) return configured;
    throw new ChromiumMissingError(`CHROMIUM_PATH is ${configured}, which is not an executable file`);
  }
  if (await isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const folders = (searchPath ?? '').split(delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const folder of folders) {
      const candidate = join(folder, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return Promise.reject(new ChromiumMissingError(`none of ${DEBIAN_CHROMIUM}, ${CHROMIUM_NAMES.join(', ')} was found on PATH`));
}

/** Text as HTML (core's, as the brief writes it): nothing in a document's text is markup. */
export { escapeHtml };

const lines = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

function pieceHtml(piece: Piece): string {
  return piece.kind === 'bracketed' ? `<mark class="bracketed">${lines(piece.text)}</mark>` : lines(piece.text);
}

function blockHtml(block: ExportBlock): string {
  if (block.kind === 'heading') {
    const level = Math.min(Math.max(block.level, 1) + 1, 6);
    return `<h${level} dir="auto">${escapeHtml(block.title)}</h${level}>`;
  }
  const bullet = block.marker === '-' || block.marker === '*' || block.marker === '+';
  const label = block.marker ? `<span class="label" dir="ltr">${escapeHtml(bullet ? '•' : block.marker)}</span>` : '';
  return `<p class="clause${block.marker ? ' item' : ''}" dir="auto">${label}<span class="text">${block.pieces.map(pieceHtml).join('')}</span></p>`;
}

const STYLE = `
@page { size: A4; margin: 22mm 20mm; }
body { font-family: "DejaVu Serif", "Noto Serif", "Noto Naskh Arabic", "Noto Serif Hebrew", serif; font-size: 11pt; line-height: 1.45; color: #111; }
header { font-size: 8.5pt; color: #555; border-bottom: 1px solid #bbb; padding-bottom: 4pt; margin-bottom: 14pt; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
.exported { font-size: 9pt; color: #444; font-style: italic; margin: 0 0 16pt; }
h2 { font-size: 14pt; } h3 { font-size: 12.5pt; } h4, h5, h6 { font-size: 11pt; }
p.clause { margin: 0 0 8pt; }
p.item { display: flex; gap: 8pt; }
p.item .label { min-width: 2.2em; font-weight: bold; }
mark.bracketed { background: #fff2a8; color: inherit; border-bottom: 1px dotted #8a6d00; }
`;

/** The document as one self-contained HTML page: no script, no outside resource. */
export function documentHtml(source: ExportSource): string {
  const body = exportBlocks(source).map(blockHtml).join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(source.document.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header dir="auto">${escapeHtml(headerLine(source))}</header>`,
    `<h1 dir="auto">${escapeHtml(source.document.title)}</h1>`,
    `<p class="exported" dir="auto">${escapeHtml(exportedLine(source))}</p>`,
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export interface PrintOptions {
  /** CHROMIUM_PATH, when configured. */
  chromiumPath?: string | undefined;
  /** Where to look for Chromium by name (the PATH variable). */
  searchPath?: string | undefined;
  /** How long Chromium may take (default 60 s). */
  timeoutMs?: number;
}

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-pdf-header-footer',
];

/** Prints an HTML page to PDF with headless Chromium; returns the PDF's bytes. */
export async function printHtmlToPdf(html: string, options: PrintOptions = {}): Promise<Buffer> {
  const chromium = await findChromium(options.chromiumPath, options.searchPath);
  const folder = await mkdtemp(join(tmpdir(), 'phaseline-pdf-'));
  try {
    const page = join(folder, 'document.html');
    const pdf = join(folder, 'document.pdf');
    await writeFile(page, html);
    // Its own profile in the temp folder: no lock on, or trace in, anyone's browser profile.
    const args = [...CHROMIUM_FLAGS, `--user-data-dir=${join(folder, 'profile')}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href];
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: options.timeoutMs ?? 60_000, killSignal: 'SIGKILL', env: { ...process.env, HOME: folder } }, (err, _stdout, stderr) => {
        if (!err) return resolve();
        const why = err.killed ? `it took longer than ${(options.timeoutMs ?? 60_000) / 1000} s` : (String(stderr).trim().split('\n').at(-1) ?? err.message);
        reject(new PdfPrintError(why || err.message));
      });
    });
    const bytes = await readFile(pdf).catch(() => {
      throw new PdfPrintError('it wrote no file');
    });
    if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new PdfPrintError('what it wrote is not a PDF');
    return bytes;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The document as PDF bytes. */
export async function documentPdf(source: ExportSource, options: PrintOptions = {}): Promise<Buffer> {
  return printHtmlToPdf(documentHtml(source), options);
}
