/** `phaseline brief`: see docs/FORECAST.md. */
import type { Command } from 'commander';
import type { CliIo } from '../context.ts';

export function registerBriefCommand(_program: Command, _io: CliIo): void {}
