/** Filled in by issue 12's work. */
import type { Command } from 'commander';
import type { CliIo } from '../context.ts';

export function registerForecastFit(forecast: Command, io: CliIo): void {
  void forecast;
  void io;
}
