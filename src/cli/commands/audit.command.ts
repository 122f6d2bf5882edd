/**
 * `phaseline audit verify`: recomputes the audit log's hash chain and names the first entry altered,
 * removed or added, or an anchor the log no longer holds. `phaseline audit head`: the anchor to keep
 * elsewhere.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { formatAnchor, parseAnchor, type ChainPoint } from '../../core/index.ts';
import { services } from '../../server/app.ts';
import { describeDatabase, withDatabase, type CliIo } from '../context.ts';
import { parseOptions, UsageError } from '../options.ts';
import { renderJson } from '../output.ts';

/** The check found the log altered: exit code 1, with the finding on stderr. */
export class AuditBrokenError extends Error {
  override name = 'AuditBrokenError';
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Each `--anchor` as a chain point, or a usage error naming the one that is not `<seq>:<hash>`. */
export function parseAnchors(values: readonly string[]): ChainPoint[] {
  return values.map((value) => {
    const anchor = parseAnchor(value);
    if (!anchor) {
      throw new UsageError(
        `option --anchor: must be <seq>:<hash> as "phaseline audit head" prints it, a sequence number and 64 hexadecimal digits (got ${JSON.stringify(value)})`,
      );
    }
    return anchor;
  });
}

const HeadOptions = z.object({ format: z.enum(['text', 'json'], { error: 'must be one of text, json' }).default('text') });

export function registerAuditCommand(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('The append-only, hash-chained audit log');
  audit
    .command('verify')
    .description('Recompute the whole chain against its recorded head and any anchors; exit 1 naming the first entry altered, removed or added')
    .option('--anchor <seq:hash>', 'a head kept elsewhere, as "audit head" printed it: the log must still hold it unchanged (repeatable)', collect, [])
    .action(async (raw: { anchor: string[] }) => {
      const anchors = parseAnchors(raw.anchor);
      const report = await withDatabase(io, async (database, config) => {
        // A progress bar only for a person at a terminal; scripts and tests get the verdict alone.
        const bar = io.progress ? new SingleBar({ format: 'Verifying {bar} {value}/{total} entries', stream: io.progressStream ?? process.stderr }) : null;
        let started = false;
        const result = await services(database, { clock: io.clock }).audit.verify({
          anchors,
          onProgress: (checked, total) => {
            if (!bar) return;
            if (!started) bar.start(total, 0);
            started = true;
            bar.update(checked);
          },
        });
        bar?.stop();
        return { ...result, where: describeDatabase(config) };
      });
      const found = report.firstBreak;
      if (found?.problem === 'anchor') {
        throw new AuditBrokenError(`the audit log of ${report.where} fails its anchor at entry ${found.seq}: ${found.message} (${report.checked} entries checked)`);
      }
      if (found) {
        throw new AuditBrokenError(
          `the audit log of ${report.where} is broken at entry ${found.seq}: ${found.message} (${report.checked} entries checked before it)`,
        );
      }
      const held = [...anchors].sort((a, b) => a.seq - b.seq).map((anchor) => `Anchor ${formatAnchor(anchor)} matches.\n`);
      io.stdout(`Audit log intact: ${report.checked} entries checked in ${report.where}.\nLast hash: ${report.lastHash}\n${held.join('')}`);
    });

  audit
    .command('head')
    .description('Print the chain\'s head as "<seq>:<hash>": publish it or keep it elsewhere, and check it later with "audit verify --anchor"')
    .option('--format <format>', 'output format: text, json', 'text')
    .action(async (raw: Record<string, unknown>) => {
      const { format } = parseOptions(HeadOptions, raw);
      const { head, where } = await withDatabase(io, async (database, config) => ({
        head: await services(database, { clock: io.clock }).audit.head(),
        where: describeDatabase(config),
      }));
      if (head.seq > 0 && head.at === null) {
        throw new AuditBrokenError(
          `the audit log of ${where} holds no entry matching its recorded head ${formatAnchor(head)}: run "phaseline audit verify"`,
        );
      }
      if (format === 'json') {
        io.stdout(renderJson({ seq: head.seq, hash: head.hash, at: head.at }));
        return;
      }
      const about = head.at === null ? 'the audit log is empty' : `entry ${head.seq} of the audit log, appended at ${head.at}`;
      io.stdout(`${formatAnchor(head)}\n${about}\n`);
    });
}
