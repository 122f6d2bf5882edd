/** The situation brief laid out as Markdown and HTML, pure (docs/FORECAST.md). */
export {};
