/** Today as the ground's rules count it: the clock's date in the agreement's time zone. */
import { assertRules, localDate } from '../../core/index.ts';
import type { Clock } from '../clock.ts';

/** YYYY-MM-DD of the clock's instant in `timeZone`; a zone the runtime does not know is a 422 naming it. */
export function todayIn(clock: Clock, timeZone: string): string {
  try {
    return localDate(clock.now(), timeZone);
  } catch (err) {
    // A zone stored before zones were checked, that the runtime does not know either.
    if (err instanceof RangeError) assertRules([{ path: 'timeZone', message: `"${timeZone}" is not a time zone the server knows: set another on the agreement` }]);
    throw err;
  }
}
