/** The brief as Markdown: data never becomes markup (every character Markdown reads is escaped). */
import { briefSections, briefSubtitle, type Block } from './layout.ts';
import type { Brief } from './model.ts';

/** Text as literal Markdown: the characters that start emphasis, links, code, HTML or tables are escaped, lines joined. */
export function escapeMarkdown(text: string): string {
  const inline = text
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/([\\`*[\]<>|~])/g, '\\$1')
    // An underscore inside a word starts no emphasis; an ampersand only matters before an entity's name.
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace('_', '\\_'))
    .replace(/&(?=#?\w+;)/g, '\\&');
  // What starts a heading, a list item or a quote only does so at the start of a line.
  return inline.replace(/^(\s*)([#+-]|\d+(?=[.)](?:\s|$)))/, (_m, space: string, lead: string) => (/\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`));
}

/** A table cell: its lines joined by semicolons (a Markdown row is one line), escaped; an empty one shows as a dash. */
const cell = (text: string) => escapeMarkdown(text.split('\n').join('; ')) || '—';

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'p':
      return escapeMarkdown(block.text);
    case 'h':
      return `### ${escapeMarkdown(block.text)}`;
    case 'empty':
      return `_${escapeMarkdown(block.text)}_`;
    case 'list':
      return block.items.length === 0 ? '_None._' : block.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
    case 'table': {
      const numeric = new Set(block.numeric ?? []);
      const rule = block.head.map((_, i) => (numeric.has(i) ? '---:' : '---'));
      return [block.head, rule, ...block.rows].map((row, r) => `| ${row.map((c) => (r === 1 ? c : cell(c))).join(' | ')} |`).join('\n');
    }
  }
}

/** The brief as one Markdown text; the same brief gives the same bytes. */
export function briefMarkdown(brief: Brief): string {
  const parts = [`# Situation brief: ${escapeMarkdown(brief.agreement.title)}`, escapeMarkdown(briefSubtitle(brief))];
  if (brief.agreement.illustrative) parts.push('**Illustrative scenario**: drawn from public reporting, not an official record.');
  for (const section of briefSections(brief)) {
    parts.push(`## ${escapeMarkdown(section.title)}`);
    for (const block of section.blocks) parts.push(blockMarkdown(block));
  }
  return `${parts.join('\n\n')}\n`;
}
