/** Filled in by issue 11's work (docs/GATES.md). */
import type { Command } from 'commander';
import type { CliIo } from '../context.ts';

export function registerWithdrawalCommand(program: Command, io: CliIo): void {
  void program;
  void io;
}
