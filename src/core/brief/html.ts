/**
 * The brief as one self-contained HTML page: no script and no outside resource (a CSP that allows
 * inline styles only), every text escaped and marked `dir="auto"` so Arabic and Hebrew names read
 * right, and a print style for A4.
 */
import { briefSections, briefSubtitle, type Block } from './layout.ts';
import type { Brief } from './model.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML: nothing in the data is markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The page's Content-Security-Policy, in its meta tag and (from the server) its header. */
export const BRIEF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
.subtitle { color: #444; margin: 0 0 8pt; }
.illustrative { display: inline-block; border: 1px solid #8a6d00; background: #fff8d6; padding: 2pt 6pt; font-size: 9pt; margin: 0 0 10pt; }
h2 { font-size: 13pt; border-bottom: 1px solid #bbb; padding-bottom: 2pt; margin: 16pt 0 6pt; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
section#headline > p:first-of-type { font-size: 12pt; font-weight: bold; }
p { margin: 0 0 6pt; }
ul { margin: 0 0 6pt; padding-inline-start: 1.3em; }
table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #ccc; padding: 3pt 5pt; vertical-align: top; text-align: start; }
th { background: #f1f1f1; }
th.num, td.num { text-align: end; font-variant-numeric: tabular-nums; }
table.fixed { table-layout: fixed; }
td { overflow-wrap: break-word; }
.day { white-space: nowrap; }
.empty { color: #555; font-style: italic; }
@media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;

/** A table cell's text: escaped, its lines broken, its days (YYYY-MM-DD) never split at their hyphens. */
const cellHtml = (text: string) =>
  escapeHtml(text)
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<span class="day">$&</span>')
    .replace(/\n/g, '<br>');

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'p':
      return `<p dir="auto">${escapeHtml(block.text)}</p>`;
    case 'h':
      return `<h3 dir="auto">${escapeHtml(block.text)}</h3>`;
    case 'empty':
      return `<p class="empty" dir="auto">${escapeHtml(block.text)}</p>`;
    case 'list':
      return block.items.length === 0 ? '<p class="empty" dir="auto">None.</p>' : `<ul>${block.items.map((i) => `<li dir="auto">${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const numeric = new Set(block.numeric ?? []);
      const cols = block.widths ? `<colgroup>${block.widths.map((w) => `<col style="width: ${w}%">`).join('')}</colgroup>` : '';
      const head = `<thead><tr>${block.head.map((h, i) => `<th dir="auto"${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
      const rows = block.rows.map((row) => `<tr>${row.map((c, i) => `<td dir="auto"${numeric.has(i) ? ' class="num"' : ''}>${cellHtml(c)}</td>`).join('')}</tr>`).join('\n');
      return `<table${block.widths ? ' class="fixed"' : ''}>${cols}${head}<tbody>\n${rows}\n</tbody></table>`;
    }
  }
}

/** The brief as a whole HTML page; the same brief gives the same bytes. */
export function briefHtml(brief: Brief): string {
  const title = `Situation brief: ${brief.agreement.title}`;
  const sections = briefSections(brief).map((s) => [`<section id="${s.id}">`, `<h2 dir="auto">${escapeHtml(s.title)}</h2>`, ...s.blocks.map(blockHtml), '</section>'].join('\n'));
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${BRIEF_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title dir="auto">${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1 dir="auto">${escapeHtml(title)}</h1>`,
    `<p class="subtitle" dir="auto">${escapeHtml(briefSubtitle(brief))}</p>`,
    brief.agreement.illustrative ? '<p class="illustrative" dir="auto">Illustrative scenario: drawn from public reporting, not an official record.</p>' : '',
    '</header>',
    '<main>',
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
