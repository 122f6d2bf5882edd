/**
 * `phaseline docs import|list|status|diff|export`: negotiated documents (docs/NEGOTIATION.md)
 * through the same service as the API. The CLI reads as the operator (every stance is visible to
 * it) and writes as `cli:<user>` in the audit log. A document is named by its id, with its
 * agreement (`--agreement`), as the API's paths name it.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { DocumentCreate, type ClauseView, type DocumentView } from '../../contract/index.ts';
import { BracketSyntaxError, DomainError, parseDocument, type Agreement } from '../../core/index.ts';
import { services, type Services } from '../../server/app.ts';
import { EXPORT_FORMATS, exportDocument } from '../../server/negotiation/export.ts';
import { CLI_PRINCIPAL, cliActor, withDatabase, type CliIo } from '../context.ts';
import { FileError, readTextFile, writeWholeFile } from '../files.ts';
import { parseOptions, UsageError } from '../options.ts';
import { fitColumns, formatSchema, renderJson } from '../output.ts';
import { listCsv, listTable, statusJson, statusTable, summaryOf, wordDiffText, type PartyNames } from './docs-output.ts';

const Ref = z.string().trim().min(1, 'must not be empty');
const Positive = z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(2_147_483_647);

const ImportOptions = z.object({
  agreement: Ref,
  title: DocumentCreate.shape.title,
  deadline: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time with its offset, e.g. 2026-07-01T12:00:00+03:00' }).optional(),
  format: formatSchema(['table', 'json']),
});
const ListOptions = z.object({ agreement: Ref, format: formatSchema() });
const StatusOptions = z.object({ agreement: Ref.optional(), format: formatSchema(['table', 'json']) });
const DiffOptions = z.object({
  agreement: Ref.optional(),
  clause: Ref.optional(),
  from: Positive.optional(),
  to: Positive.optional(),
  format: z.enum(['text', 'json'], { error: 'must be one of text, json' }).default('text'),
});
const ExportOptions = z.object({
  agreement: Ref.optional(),
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
  revision: Positive.optional(),
  out: z.string().min(1, 'must not be empty').optional(),
});

const AGREEMENT = ['--agreement <agreement>', 'agreement id or slug'] as const;
const DOCUMENT_AGREEMENT = ['--agreement <agreement>', "agreement id or slug (default: the document's own; given, the document must belong to it)"] as const;

/** The document's Markdown, checked before the database is opened: a bad bracket names the file, its line and column. */
async function readDocument(path: string, title: string | undefined, deadline: string | undefined) {
  const markdown = await readTextFile(path);
  const parsed = DocumentCreate.safeParse({ markdown, title, deadline });
  if (!parsed.success) throw new FileError(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'} ${i.message}`).join('; ')}`);
  try {
    parseDocument(markdown);
  } catch (err) {
    if (err instanceof BracketSyntaxError) throw new DomainError(err.code, `${path}: ${err.message}`, err.details);
    throw err;
  }
  return parsed.data;
}

async function partyNames(svc: Services, agreementId: string): Promise<PartyNames> {
  const names = new Map((await svc.agreements.parties.list(agreementId)).map((p) => [p.id, p.name]));
  return (id) => names.get(id) ?? id;
}

/** The clause `--clause` names: by its number (`8`, `2.3`) or its id. */
function clauseNamed(view: DocumentView, ref: string): ClauseView {
  const numbered = view.clauses.filter((c) => c.number === ref || c.number === ref.replace(/\.$/, ''));
  if (numbered.length > 1) throw new UsageError(`option --clause: ${numbered.length} clauses are numbered ${ref}; name one by its id (${numbered.map((c) => c.id).join(', ')})`);
  const clause = numbered[0] ?? view.clauses.find((c) => c.id === ref);
  if (!clause) throw new DomainError('not_found', `Clause ${ref} was not found in document ${view.id} (give a clause number or id)`);
  return clause;
}

/** The agreement `ref` names or, without one, the agreement the document belongs to. */
async function agreementFor(svc: Services, ref: string | undefined, documentId: string | undefined): Promise<Agreement> {
  return svc.agreements.resolve(ref ?? (await svc.negotiation.agreementIdOf(documentId ?? '')));
}

/** Runs `fn` with the services and the agreement `ref` names (or, without `ref`, the document's). */
function withAgreement<T>(io: CliIo, ref: string | undefined, fn: (svc: Services, agreement: Agreement) => Promise<T>, documentId?: string): Promise<T> {
  return withDatabase(io, async (database) => {
    const svc = services(database, { clock: io.clock });
    return fn(svc, await agreementFor(svc, ref, documentId));
  });
}

export function registerDocsCommand(program: Command, io: CliIo): void {
  const docs = program.command('docs').description('Negotiated documents: import from Markdown, list, consensus status, word diffs, export as Markdown, DOCX or PDF');

  docs
    .command('import')
    .description('Import a document from Markdown: headings start sections, paragraphs and list items are clauses, [bracketed] runs are alternatives; a bad bracket refuses it all')
    .argument('<file>', 'a Markdown file')
    .requiredOption(...AGREEMENT)
    .option('--title <title>', "the document's title (default: its first level-1 heading)")
    .option('--deadline <time>', 'when the text should be agreed, ISO 8601 with its offset')
    .option('--format <format>', 'output format: table, json', 'table')
    .action(async (path: string, raw: Record<string, unknown>) => {
      const options = parseOptions(ImportOptions, raw);
      const input = await readDocument(path, options.title, options.deadline);
      const { agreement, created } = await withAgreement(io, options.agreement, async (svc, agreement) => ({
        agreement,
        created: await svc.negotiation.create(agreement, input, CLI_PRINCIPAL, cliActor()),
      }));
      if (options.format === 'json') io.stdout(renderJson(summaryOf(created)));
      else io.stdout(`Imported ${path} into ${agreement.slug}: document ${created.id}, "${created.title}", ${created.clauseCount} clauses.\n`);
    });

  docs
    .command('list')
    .description("An agreement's documents with their clause counts, agreed share and deadline")
    .requiredOption(...AGREEMENT)
    .option('--format <format>', 'output format: table, json, csv', 'table')
    .action(async (raw: Record<string, unknown>) => {
      const { agreement: ref, format } = parseOptions(ListOptions, raw);
      const { agreement, items } = await withAgreement(io, ref, async (svc, agreement) => ({
        agreement,
        items: await svc.negotiation.list(agreement, CLI_PRINCIPAL),
      }));
      if (format === 'json') io.stdout(renderJson({ items: items.map(summaryOf) }));
      else if (format === 'csv') io.stdout(listCsv(items));
      else io.stdout(`${listTable(items, agreement)}${items.length} documents\n`);
    });

  docs
    .command('status')
    .description("Each clause's consensus: its bracket groups with their alternatives, every party's current stance, who blocks; and the agreed share")
    .argument('<document>', 'document id')
    .option(...DOCUMENT_AGREEMENT)
    .option('--format <format>', 'output format: table, json', 'table')
    .action(async (documentId: string, raw: Record<string, unknown>) => {
      const { agreement: ref, format } = parseOptions(StatusOptions, raw);
      const { agreement, view, party } = await withAgreement(
        io,
        ref,
        async (svc, agreement) => ({
          agreement,
          view: await svc.negotiation.view(agreement, documentId, CLI_PRINCIPAL),
          party: await partyNames(svc, agreement.id),
        }),
        documentId,
      );
      if (format === 'json') io.stdout(renderJson(statusJson(view, party)));
      else io.stdout(statusTable(view, party, agreement, fitColumns(io.columns, [10, 14, 24], 2)));
    });

  docs
    .command('diff')
    .description('Word diff between two versions of a clause, or two revisions of the whole document (default: the previous one and the current one)')
    .argument('<document>', 'document id')
    .option(...DOCUMENT_AGREEMENT)
    .option('--clause <clause>', 'a clause, by number or id: its versions instead of the document revisions')
    .option('--from <n>', 'the older version (of the clause) or revision (of the document)')
    .option('--to <n>', 'the newer version or revision')
    .option('--format <format>', 'text ([-deleted-]{+inserted+}, as git diff --word-diff) or json (the parts)', 'text')
    .action(async (documentId: string, raw: Record<string, unknown>) => {
      const { agreement: ref, clause: clauseRef, from, to, format } = parseOptions(DiffOptions, raw);
      const result = await withAgreement(io, ref, async (svc, agreement) => {
        if (clauseRef === undefined) {
          return { what: `document ${documentId}, revision`, clause: null, diff: await svc.negotiation.documentDiff(agreement, documentId, { from, to }) };
        }
        const clause = clauseNamed(await svc.negotiation.view(agreement, documentId, CLI_PRINCIPAL), clauseRef);
        return {
          what: `clause ${clause.number ?? clause.id}, version`,
          clause: { id: clause.id, number: clause.number },
          diff: await svc.negotiation.clauseDiff(agreement, documentId, clause.id, { from, to }),
        };
      }, documentId);
      if (format === 'json') io.stdout(renderJson({ documentId, clause: result.clause, ...result.diff }));
      else io.stdout(`${result.what} ${result.diff.from} -> ${result.diff.to}\n${wordDiffText(result.diff.parts).replace(/\n?$/, '\n')}`);
    });

  docs
    .command('export')
    .description('Export a document as Markdown (as imported, whitespace aside), DOCX or PDF (printed by Chromium: CHROMIUM_PATH), now or at a past revision')
    .argument('<document>', 'document id')
    .option(...DOCUMENT_AGREEMENT)
    .requiredOption('--format <format>', `${EXPORT_FORMATS.join(', ')}`)
    .option('--revision <n>', 'a past revision (default: the current one)')
    .option('--out <file>', 'write to this file (complete or not at all); required for docx and pdf, Markdown goes to standard output without it')
    .action(async (documentId: string, raw: Record<string, unknown>) => {
      const { agreement: ref, format, revision, out } = parseOptions(ExportOptions, raw);
      // Never bytes of a binary file on a terminal, nor in a pipe by surprise.
      if (format !== 'md' && out === undefined) throw new UsageError(`option --out: --format ${format} writes a binary file: give --out <file>`);
      const exported = await withDatabase(io, async (database, config) => {
        const svc = services(database, { clock: io.clock });
        const agreement = await agreementFor(svc, ref, documentId);
        return exportDocument(svc.negotiation, agreement, documentId, {
          format,
          revision,
          now: io.clock.now(),
          print: { chromiumPath: config.chromiumPath, searchPath: io.env.PATH },
        });
      });
      if (out === undefined) {
        io.stdout(String(exported.body));
        return;
      }
      const bytes = await writeWholeFile(out, exported.body);
      io.stdout(`Exported document ${documentId} (revision ${exported.revision}) as ${format} to ${out} (${bytes.toLocaleString('en-US')} bytes).\n`);
    });
}
