import { describe, expect, it } from 'vitest';
import { sampleBrief } from './brief.fixtures.ts';
import { headline, headlineFacts, type HeadlineInput } from './headline.ts';
import { briefHtml, BRIEF_CSP, escapeHtml } from './html.ts';
import { briefSections, formatNumber } from './layout.ts';
import { briefMarkdown, escapeMarkdown } from './markdown.ts';

const SECTION_TITLES = ['Headline', 'The Strategic Matrix', 'Negotiation state', 'Round timeline', 'The ground', 'Force gaps and funding', 'Forecast', 'Collapse risk', 'Precedents', 'How to read this brief', 'Sources'];

/** A brief with nothing in it: no phase, document, round, incident, indicator, force, forecast or risk. */
const empty = () =>
  sampleBrief({
    matrix: { parties: [], rows: [] },
    negotiation: { documents: [] },
    rounds: [],
    ground: { violations: { last7: 0, last30: 0, byParty: [] }, withdrawals: { counts: { on_time: 0, late: 0, verified: 0, disputed: 0 }, items: [] }, indicators: [] },
    force: { illustrative: false, totals: { required: 0, covered: 0, gap: 0 }, requirements: [], funding: { budget: 0, pledged: 0, committed: 0, disbursed: 0, commitmentGap: 0, disbursementGap: 0 } },
    forecast: { available: false, reason: 'The forecast is not available on this server yet.', view: null },
    risk: { available: false, reason: 'The collapse risk is not available on this server yet.', view: null },
  });

describe('the brief as Markdown and HTML', () => {
  it('has every section, in order, in both', () => {
    const brief = sampleBrief();
    expect(briefSections(brief).map((s) => s.title)).toEqual(SECTION_TITLES);
    const md = briefMarkdown(brief);
    const html = briefHtml(brief);
    const at = (text: string, marks: string[]) => marks.map((m) => text.indexOf(m));
    const mdAt = at(md, SECTION_TITLES.map((t) => `\n## ${t}\n`));
    const htmlAt = at(html, SECTION_TITLES.map((t) => `<h2 dir="auto">${t}</h2>`));
    for (const positions of [mdAt, htmlAt]) {
      expect(positions.every((p) => p > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
    expect(md).toContain('| Phase Two (planned) |');
    expect(md).toContain('1 of 3 met');
    expect(md).toContain('3.2 (1–6)');
    expect(md).toContain('| Violation trend | 2 in 7 days against 1 before | 0.5 | 1 | 12.5 | Verified incidents |');
    expect(html).toContain('<td dir="auto" class="num">2,000</td>');
  });

  it('escapes every text: nothing from the data becomes markup', () => {
    const md = briefMarkdown(sampleBrief());
    const html = briefHtml(sampleBrief());
    expect(html).not.toContain('<script>');
    expect(html).toContain('Only with &lt;script&gt;alert(1)&lt;/script&gt; | pipes');
    expect(html).toContain('<title dir="auto">Situation brief: Gaza ceasefire &lt;Phase Two&gt; &amp; &quot;Cairo&quot;</title>');
    expect(md).toContain('Only with \\<script\\>alert(1)\\</script\\> \\| pipes');
    expect(md).toContain('troops from \\*Egypt\\*');
    expect(md).toContain('# Situation brief: Gaza ceasefire \\<Phase Two\\> & "Cairo"');
    expect(escapeMarkdown('AT&T &amp; snake_case _em_')).toBe('AT&T \\&amp; snake_case \\_em\\_');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not an item\nnor\ta [link](x)')).toBe('\\- not an item nor\ta \\[link\\](x)');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
  });

  it('marks every text dir="auto" so Arabic and Hebrew names read right, under a strict CSP', () => {
    const html = briefHtml(sampleBrief());
    expect(html).toContain('<td dir="auto">حماس (rejects “troops from *Egypt*”)</td>');
    expect(html).toContain('ישראל: “Only with');
    // Every element that holds text carries dir="auto".
    const textTags = html.match(/<(p|li|td|th|h1|h2|h3|title)(\s[^>]*)?>/g) ?? [];
    expect(textTags.length).toBeGreaterThan(40);
    expect(textTags.filter((t) => !t.includes('dir="auto"'))).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${BRIEF_CSP}">`);
    expect(BRIEF_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script|<link|src="http|url\(/);
    expect(html).toContain('@page { size: A4;');
  });

  it('keeps a cell’s lines (one per line in HTML, joined in Markdown) and never splits a day', () => {
    const html = briefHtml(sampleBrief());
    expect(html).toContain('1.1 Halt attacks: 7 days overdue; 2 verified violations in 7 days<br>Withdrawal Division from Rafah: Late');
    expect(briefMarkdown(sampleBrief())).toContain('| 1.1 Halt attacks: 7 days overdue; 2 verified violations in 7 days; Withdrawal Division from Rafah: Late |');
    expect(html).toContain('<td dir="auto"><span class="day">2026-06-10</span></td>');
    expect(html).toContain('<colgroup><col style="width: 15%">');
  });

  it('says so where a section is empty', () => {
    const md = briefMarkdown(empty());
    for (const words of ['_No phase._', '_No negotiated document._', '_No negotiation round._', '_No verified incidents in the last 30 days._', '_No withdrawal item._', '_No indicator._', '_No force requirement._', '_No budget or funding recorded._', '_Not available: The forecast is not available on this server yet._', '_Not available: The collapse risk is not available on this server yet._']) {
      expect(md).toContain(words);
    }
    expect(briefMarkdown(sampleBrief())).toContain('| Phase One (active) | Hold the truce lines | 1.1 Halt attacks (intermediate, due 2026-06-14) |');
    expect(briefMarkdown(sampleBrief())).toMatch(/\| no gate \|/);
    expect(briefHtml(empty())).toContain('<p class="empty" dir="auto">No verified incidents in the last 30 days.</p>');
  });

  it('gives byte-identical output for the same brief, and another for another day', () => {
    expect(briefMarkdown(sampleBrief())).toBe(briefMarkdown(sampleBrief()));
    expect(briefHtml(sampleBrief())).toBe(briefHtml(sampleBrief()));
    expect(briefHtml(sampleBrief({ asOf: '2026-06-21' }))).not.toBe(briefHtml(sampleBrief()));
  });

  it('writes numbers grouped, with at most the digits asked', () => {
    expect([formatNumber(1234567), formatNumber(1234.5, 2), formatNumber(0.333, 2), formatNumber(-2.5, 1), formatNumber(-0.001, 1), formatNumber(10, 2)]).toEqual(['1,234,567', '1,234.5', '0.33', '−2.5', '0', '10']);
  });
});

describe('the headline', () => {
  const input: HeadlineInput = {
    asOf: '2026-06-20',
    current: { name: 'Phase One' },
    next: { name: 'Phase Two', gate: { met: 2, total: 5, passes: false } },
    clauses: { agreed: 3, total: 11 },
    violations: { last7: 1, last30: 4 },
    risk: 41.6,
    nextDeadline: { day: '2026-06-25', what: 'Phase Two text §4' },
  };

  it('says the next phase and its gate, the violations, the risk and the next deadline', () => {
    expect(headline(input)).toBe('Phase Two is next, its gate at 2 of 5 conditions; 1 verified violation in 7 days, collapse risk 42/100, next deadline in 5 days.');
    expect(headlineFacts(input)).toEqual([
      'Phase One is in force.',
      'Phase Two is next: its gate meets 2 of 5 conditions.',
      '3 of 11 clauses agreed.',
      '1 verified violation in the last 7 days, 4 in the last 30.',
      'Collapse risk 42 of 100.',
      'Next deadline in 5 days (2026-06-25): Phase Two text §4.',
    ]);
  });

  it('says when there is no gate, no risk and no deadline', () => {
    const bare = { ...input, next: { name: 'Phase Two', gate: null }, risk: null, nextDeadline: null };
    expect(headline(bare)).toBe('Phase Two is next, without a gate; 1 verified violation in 7 days, no deadline ahead.');
    expect(headlineFacts(bare)).toContain('Phase Two is next; it has no gate.');
    expect(headlineFacts(bare)).toContain('No deadline ahead.');
    expect(headline({ ...bare, current: null, next: null, violations: { last7: 0, last30: 0 } })).toBe('No phase is in force; 0 verified violations in 7 days, no deadline ahead.');
  });
});
