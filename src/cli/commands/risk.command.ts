/** `phaseline risk`: see docs/FORECAST.md. */
import type { Command } from 'commander';
import type { CliIo } from '../context.ts';

export function registerRiskCommand(_program: Command, _io: CliIo): void {}
