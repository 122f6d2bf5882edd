/** `phaseline precedents`: see docs/FORECAST.md. */
import type { Command } from 'commander';
import type { CliIo } from '../context.ts';

export function registerPrecedentsCommand(_program: Command, _io: CliIo): void {}
