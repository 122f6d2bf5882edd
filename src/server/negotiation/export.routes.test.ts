/**
 * GET .../documents/:document/export: a DOCX, PDF or Markdown download for anyone who reads the
 * agreement, at the current or a past revision; 422 with a clear message when the server has no
 * Chromium to print with (DOCX and Markdown still work).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { harnessForFile, TEST_NOW } from '../test/harness.ts';
import { importText, TEXT, world } from './negotiation.fixtures.ts';

const h = harnessForFile(TEST_NOW, { pdf: {} });
const noChromium = harnessForFile(TEST_NOW, { pdf: { chromiumPath: '/nonexistent/chromium' } });
// As the other tests' apps are: built without PDF printing.
const noPdf = harnessForFile();

const download = (harness: typeof h, url: string, token = harness.adminToken) =>
  harness.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('exporting a document', () => {
  it('downloads a Word file for a viewer, with the brackets marked, now or at a past revision', async () => {
    const w = await world(h);
    const doc = await importText(w.mediator.call, w.base);
    const viewer = await h.userWith('viewer', w.slug);
    const res = await download(h, `${w.base}/documents/${doc.id}/export?format=docx`, viewer.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="phase-two-text.docx"');
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']!);
    expect(xml).toContain('The force shall consist of ');
    expect(xml).toMatch(/<w:rStyle w:val="BracketedText"\/>(?:(?!<\/w:r>).)*\[troops from Egypt\]/);

    const clause = doc.clauses[2]!;
    const edit = await w.mediator.call('PATCH', `${w.base}/documents/${doc.id}/clauses/${clause.id}`, {
      version: clause.version,
      text: 'The parties shall cooperate fully with the force.',
      reason: 'Stronger',
    });
    expect(edit.status).toBe(200);
    const past = await download(h, `${w.base}/documents/${doc.id}/export?format=md&revision=1`);
    expect(past.headers['content-disposition']).toBe('attachment; filename="phase-two-text-r1.md"');
    expect(past.body.replace(/\s+/g, ' ')).toBe(TEXT.replace(/\s+/g, ' '));
    expect((await download(h, `${w.base}/documents/${doc.id}/export?format=md&revision=9`)).statusCode).toBe(404);
  });

  // Chromium starts cold: it takes seconds, more on a busy machine.
  it('prints a PDF with Chromium', { timeout: 120_000 }, async () => {
    const w = await world(h);
    const doc = await importText(w.mediator.call, w.base);
    const res = await download(h, `${w.base}/documents/${doc.id}/export?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('answers 422 with what to install when the server has no Chromium', async () => {
    const w = await world(noChromium);
    const doc = await importText(w.mediator.call, w.base);
    const res = await download(noChromium, `${w.base}/documents/${doc.id}/export?format=pdf`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: {
        code: 'pdf_unavailable',
        message: "PDF export needs Chromium: install Debian's `chromium` package or set CHROMIUM_PATH (CHROMIUM_PATH is /nonexistent/chromium, which is not an executable file)",
        details: {},
      },
    });
  });

  it('prints no PDF in an app built without PDF printing, and says so', async () => {
    const w = await world(noPdf);
    const doc = await importText(w.mediator.call, w.base);
    const res = await download(noPdf, `${w.base}/documents/${doc.id}/export?format=pdf`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'pdf_unavailable', message: expect.stringContaining('(this server was started without PDF printing)') } });
    expect((await download(noPdf, `${w.base}/documents/${doc.id}/export?format=docx`)).statusCode).toBe(200);
  });

  it('is for readers of the agreement only, and refuses an unknown format', async () => {
    const w = await world(h);
    const doc = await importText(w.mediator.call, w.base);
    const outsider = await h.userWith(null);
    expect((await download(h, `${w.base}/documents/${doc.id}/export?format=docx`, outsider.token)).statusCode).toBe(404);
    expect((await download(h, `${w.base}/documents/${doc.id}/export?format=odt`)).statusCode).toBe(400);
  });
});
