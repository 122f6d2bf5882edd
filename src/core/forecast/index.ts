/** Escalation and counts forecasting, pure (issue 12): filled in by its work. */
export {};
