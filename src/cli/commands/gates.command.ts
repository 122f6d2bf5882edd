/**
 * `phaseline gates check|advance|set`: each phase's gate and the state of its conditions (under
 * what-if assumptions when given), advancing a phase through its gate (or over it with a reason),
 * and setting a phase's conditions from a JSON file. A phase is named by ordinal, id or name.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { PhaseGateView } from '../../contract/index.ts';
import { ConflictError, DomainError, type Phase } from '../../core/index.ts';
import { services, type Services } from '../../server/app.ts';
import { CLI_PRINCIPAL, cliActor, withDatabase, type CliIo } from '../context.ts';
import { readTextFile } from '../files.ts';
import { parseOptions, UsageError } from '../options.ts';
import { addFormatOption, formatSchema, renderJson, renderTable } from '../output.ts';

const Ref = z.string().trim().min(1, 'must not be empty');
const CheckOptions = z.object({ phase: Ref.optional(), assume: z.array(z.string()).default([]), format: formatSchema(['table', 'json']) });
const AdvanceOptions = z
  .object({ phase: Ref, override: z.boolean().default(false), reason: z.string().trim().default('') })
  .refine((o) => !o.override || o.reason !== '', { path: ['reason'], message: 'is required with --override' });
const SetOptions = z.object({ phase: Ref, file: Ref, format: formatSchema(['table', 'json']) });

const collect = (value: string, previous: string[]) => [...previous, value];

/** The phase named by ordinal ("2"), id or name (case-insensitive). */
export async function findPhase(svc: Services, ref: string, name: string): Promise<Phase> {
  const phases = await svc.agreements.phases.list(ref);
  const wanted = name.trim();
  const found =
    phases.find((p) => p.id === wanted) ??
    (/^\d+$/.test(wanted) ? phases.find((p) => p.ordinal === Number(wanted)) : undefined) ??
    phases.find((p) => p.name.trim().toLowerCase() === wanted.toLowerCase());
  if (!found) throw new DomainError('not_found', `No phase "${wanted}" in ${ref} (give its ordinal, id or name: ${phases.map((p) => `${p.ordinal}. ${p.name}`).join(', ')})`);
  return found;
}

/** The conditions a file holds: a JSON list, or an object with a `conditions` list (the API's body). */
function conditionsIn(text: string, path: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path} is not JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(value) ? value : (value as { conditions?: unknown } | null)?.conditions;
  if (!Array.isArray(list)) throw new UsageError(`${path} must hold a list of conditions, or { "conditions": [...] }`);
  return list;
}

const mark = (met: boolean) => (met ? 'met' : 'NOT MET');

/** One row per condition under its phase; a phase without a gate says so. */
export function gatesTable(items: readonly PhaseGateView[]): string {
  const rows = items.flatMap((item) => {
    const head = `${item.phase.ordinal}. ${item.phase.name}\n(${item.phase.status})`;
    const gate = item.gate === null ? 'no gate' : item.evaluation.passes ? 'passes' : 'fails';
    if (item.evaluation.conditions.length === 0) return [[head, gate, '-', '', '']];
    return item.evaluation.conditions.map((c, i) => [i === 0 ? head : '', i === 0 ? gate : '', c.condition.label, mark(c.met), c.detail]);
  });
  return renderTable(['Phase', 'Gate', 'Condition', 'State', 'Detail'], rows);
}

export function registerGatesCommand(program: Command, io: CliIo): void {
  const gates = program.command('gates').description("Phase gates: each phase's conditions and their state, advancing a phase, setting its conditions");

  addFormatOption(
    gates
      .command('check')
      .description("Each phase's gate (or one phase's) and the state of its conditions, as the mediators see them; with --assume, under what-if assumptions (nothing saved)")
      .argument('<agreement>', 'agreement id or slug')
      .option('--phase <phase>', 'one phase: ordinal, id or name')
      .option('--assume <assumption>', 'withdraw:<contributor>, object:<contributor>:<party> or ready:<pledge id>; repeat for several', collect, []),
    ['table', 'json'],
  ).action(async (ref: string, raw: Record<string, unknown>) => {
    const options = parseOptions(CheckOptions, raw);
    const result = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const agreement = await svc.agreements.resolve(ref);
      const phase = options.phase === undefined ? null : await findPhase(svc, agreement.id, options.phase);
      if (options.assume.length > 0) {
        const answer = await svc.gates.whatIf(agreement, options.assume, CLI_PRINCIPAL);
        return { assumptions: answer.assumptions, items: answer.gates.filter((g) => phase === null || g.phase.id === phase.id) };
      }
      const items = (await svc.gates.gates(agreement, CLI_PRINCIPAL)).items;
      return { assumptions: [], items: items.filter((g) => phase === null || g.phase.id === phase.id) };
    });
    if (options.format === 'json') {
      io.stdout(renderJson(result));
      return;
    }
    const assumed = result.assumptions.map((a) => `Assuming: ${a.label}\n`).join('');
    io.stdout(`${assumed}${gatesTable(result.items)}\n`);
  });

  gates
    .command('advance')
    .description('Advance a phase through its gate (evaluated on the full picture); with --override and --reason, over a failing gate')
    .argument('<agreement>', 'agreement id or slug')
    .requiredOption('--phase <phase>', 'the phase: ordinal, id or name')
    .option('--override', 'advance even though the gate fails (needs --reason)')
    .option('--reason <reason>', 'why: kept in the transition and the audit log')
    .action(async (ref: string, raw: Record<string, unknown>) => {
      const options = parseOptions(AdvanceOptions, raw);
      const advanced = await withDatabase(io, async (database) => {
        const svc = services(database, { clock: io.clock });
        const phase = await findPhase(svc, ref, options.phase);
        try {
          return await svc.gates.advance(ref, phase.id, { version: phase.version, override: options.override, reason: options.reason }, cliActor());
        } catch (err) {
          if (!(err instanceof ConflictError) || err.code !== 'gate_failing') throw err;
          const failing = (err.details.failing ?? []) as Array<{ label: string; detail: string }>;
          io.stderr(`${failing.map((c) => `NOT MET  ${c.label}: ${c.detail}`).join('\n')}\n`);
          throw new DomainError('gate_failing', `The gate of phase "${phase.name}" fails: not advanced (--override --reason <why> to advance anyway)`);
        }
      });
      const how = advanced.transition.overridden ? `over its failing gate (${advanced.transition.reason})` : 'through its gate';
      const completed = advanced.completed.map((p) => `; ${p.name} completed`).join('');
      io.stdout(`${advanced.phase.name} is active, advanced ${how}${completed}\n`);
    });

  addFormatOption(
    gates
      .command('set')
      .description("Set a phase's gate conditions from a JSON file: a list of { kind, label, ...fields } (docs/GATES.md)")
      .argument('<agreement>', 'agreement id or slug')
      .requiredOption('--phase <phase>', 'the phase: ordinal, id or name')
      .requiredOption('--file <path>', 'the conditions as JSON'),
    ['table', 'json'],
  ).action(async (ref: string, raw: Record<string, unknown>) => {
    const options = parseOptions(SetOptions, raw);
    const text = await readTextFile(options.file);
    const conditions = conditionsIn(text, options.file);
    const gate = await withDatabase(io, async (database) => {
      const svc = services(database, { clock: io.clock });
      const phase = await findPhase(svc, ref, options.phase);
      // The file replaces whatever the gate holds now.
      const current = await svc.gates.current(ref, phase.id);
      return svc.gates.put(ref, phase.id, { conditions, ...(current ? { version: current.version } : {}) }, cliActor(), CLI_PRINCIPAL);
    });
    if (options.format === 'json') io.stdout(renderJson(gate));
    else io.stdout(`Gate of phase ${gate.phase.ordinal}. ${gate.phase.name}: ${gate.gate?.conditions.length ?? 0} condition(s), version ${gate.gate?.version ?? 0}\n${gatesTable([gate])}\n`);
  });
}
