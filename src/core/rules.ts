/**
 * Domain rules as data: each check returns the problems it finds, empty when there are none.
 * The server turns a non-empty result into a 422; the web UI shows it beside the field.
 */
export interface RuleIssue {
  path: string;
  message: string;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A planned or held window must not end before it starts (dates compare as YYYY-MM-DD strings). */
export function checkWindow(
  start: string | null | undefined,
  end: string | null | undefined,
  paths: [string, string],
): RuleIssue[] {
  if (start && end && end < start) {
    return [{ path: paths[1], message: `must not be before ${paths[0]} (${start})` }];
  }
  return [];
}
