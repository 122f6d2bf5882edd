/**
 * Forecasting, pure (issue 12): the escalation model (a multivariate Hawkes process on event times)
 * and the model for daily counts (a negative-binomial autoregression) with its rolling-origin backtests.
 */
export * from './hawkes.ts';
export * from './hawkes-simulate.ts';
export * from './linalg.ts';
export * from './random.ts';
export * from './hawkes-events.ts';
export * from './counts.ts';
export * from './backtest.ts';
export * from './daily-series.ts';
