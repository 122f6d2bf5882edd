/** `phaseline forecast fit|backtest|agreement`: the escalation model on event times, backtests of daily series, and an agreement's forecast. */
import type { Command } from 'commander';
import type { CliIo } from '../context.ts';
import { registerForecastAgreement } from './forecast-agreement.ts';
import { registerForecastBacktest } from './forecast-backtest.ts';
import { registerForecastFit } from './forecast-fit.ts';

export function registerForecastCommand(program: Command, io: CliIo): void {
  const forecast = program.command('forecast').description("Fit the escalation model to event times, backtest forecasts of daily series, and read an agreement's forecast");
  registerForecastFit(forecast, io);
  registerForecastBacktest(forecast, io);
  registerForecastAgreement(forecast, io);
}
