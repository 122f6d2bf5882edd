/** The situation brief laid out as Markdown and HTML, pure (docs/FORECAST.md). */
export * from './headline.ts';
export * from './model.ts';
export { briefSections, briefSubtitle, formatNumber, type Block as BriefBlock, type Section as BriefLayoutSection } from './layout.ts';
export { briefMarkdown, escapeMarkdown } from './markdown.ts';
export { briefHtml, BRIEF_CSP, escapeHtml } from './html.ts';
