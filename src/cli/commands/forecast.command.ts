/** `phaseline forecast fit|backtest`: the escalation model on event times, and backtests of daily series. */
import type { Command } from 'commander';
import type { CliIo } from '../context.ts';
import { registerForecastBacktest } from './forecast-backtest.ts';
import { registerForecastFit } from './forecast-fit.ts';

export function registerForecastCommand(program: Command, io: CliIo): void {
  const forecast = program.command('forecast').description('Fit the escalation model to event times, and backtest forecasts of daily series');
  registerForecastFit(forecast, io);
  registerForecastBacktest(forecast, io);
}
