/**
 * `phaseline brief <agreement>`: the situation brief (docs/FORECAST.md) as Markdown, HTML, PDF or the
 * JSON model, as of a day, through the same service as the API. It reads as the mediators (every
 * audience) unless `--for <party>` (that party's delegates' view) or `--public` (everyone's view).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { BRIEF_FORMATS, IsoDate } from '../../contract/index.ts';
import { DomainError, type Agreement, type Principal } from '../../core/index.ts';
import { services, type Services } from '../../server/app.ts';
import { briefFileName } from '../../server/brief/brief.service.ts';
import { withDatabase, type CliIo } from '../context.ts';
import { writeWholeFile } from '../files.ts';
import { parseOptions, UsageError } from '../options.ts';
import { renderJson } from '../output.ts';

const BriefOptions = z.object({
  format: z.enum(BRIEF_FORMATS, { error: `must be one of ${BRIEF_FORMATS.join(', ')}` }).default('md'),
  asOf: IsoDate.optional(),
  for: z.string().trim().min(1, 'must not be empty').optional(),
  public: z.boolean().default(false),
  out: z.string().min(1, 'must not be empty').optional(),
});

/** The mediators' view: every audience, as the CLI's operator may read the whole database anyway. */
const MEDIATORS: Principal = { kind: 'user', userId: 'cli', name: 'cli', admin: true, memberships: [] };

/** Whose view the brief is: the mediators', a party's delegates' (by party name or id), or everyone's. */
async function readerFor(svc: Services, agreement: Agreement, party: string | undefined, everyone: boolean): Promise<Principal> {
  const member = (role: 'party_delegate' | 'viewer', partyId: string | null): Principal => ({
    kind: 'user',
    userId: 'cli',
    name: 'cli',
    admin: false,
    memberships: [{ agreementId: agreement.id, role, partyId }],
  });
  if (everyone) return member('viewer', null);
  if (party === undefined) return MEDIATORS;
  const parties = await svc.agreements.parties.list(agreement.id);
  const found = parties.find((p) => p.id === party) ?? parties.find((p) => p.name.toLowerCase() === party.toLowerCase());
  if (!found) throw new DomainError('not_found', `No party "${party}" in ${agreement.slug}: name one of ${parties.map((p) => p.name).join(', ') || '(none)'}`);
  return member('party_delegate', found.id);
}

export function registerBriefCommand(program: Command, io: CliIo): void {
  program
    .command('brief')
    .description('The situation brief as of a day: headline, Strategic Matrix, negotiation state, rounds, ground, force gaps, forecast, collapse risk and sources; the same data and day give the same brief')
    .argument('<agreement>', 'agreement id or slug')
    .option('--format <format>', `${BRIEF_FORMATS.join(', ')} (default md)`)
    .option('--as-of <date>', "the day (YYYY-MM-DD in the agreement's time zone, not after today; default today)")
    .option('--for <party>', "a party's delegates' view (party name or id): no other party's confidential stance")
    .option('--public', "everyone's view: nothing confidential")
    .option('--out <file>', 'write to this file (complete or not at all); a PDF needs it unless standard output is not a terminal')
    .action(async (ref: string, raw: Record<string, unknown>) => {
      const options = parseOptions(BriefOptions, raw);
      if (options.for !== undefined && options.public) throw new UsageError('options --for and --public: give one or the other');
      // Never bytes of a binary file on a terminal.
      const pdfToStdout = options.format === 'pdf' && options.out === undefined;
      if (pdfToStdout && (io.columns !== undefined || !io.stdoutStream)) throw new UsageError('option --out: a PDF is not written to a terminal: give --out <file> or pipe the output');
      const { body, fileName } = await withDatabase(io, async (database, config) => {
        const svc = services(database, { clock: io.clock });
        const agreement = await svc.agreements.resolve(ref);
        const reader = await readerFor(svc, agreement, options.for, options.public);
        if (options.format === 'pdf') {
          const { view, bytes } = await svc.brief.pdf(agreement.id, reader, options.asOf, { chromiumPath: config.chromiumPath, searchPath: io.env.PATH });
          return { body: bytes as string | Uint8Array, fileName: briefFileName(view, 'pdf') };
        }
        if (options.format === 'json') {
          const view = await svc.brief.model(agreement.id, reader, options.asOf);
          return { body: renderJson(view), fileName: briefFileName(view, 'json') };
        }
        const { view, text } = options.format === 'md' ? await svc.brief.markdown(agreement.id, reader, options.asOf) : await svc.brief.html(agreement.id, reader, options.asOf);
        return { body: text, fileName: briefFileName(view, options.format) };
      });
      if (options.out !== undefined) {
        const bytes = await writeWholeFile(options.out, body);
        io.stdout(`Wrote the brief (${fileName}) to ${options.out} (${bytes.toLocaleString('en-US')} bytes).\n`);
      } else if (typeof body === 'string') io.stdout(body);
      else await new Promise<void>((resolve, reject) => io.stdoutStream!.write(body, (err) => (err ? reject(err) : resolve())));
    });
}
