/**
 * The e2e server's clock (e2e/serve.ts): a spec moves it, e.g. to the next morning, and puts it back
 * to the wall clock when done, so that the specs after it run on today.
 */
import { CLOCK_PORT } from './env.ts';

/** Runs the server's clock from `at` on (null: the wall clock again); answers the server's now. */
export async function setServerClock(at: Date | string | null): Promise<Date> {
  const response = await fetch(`http://127.0.0.1:${CLOCK_PORT}/clock`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ at: at === null ? null : new Date(at).toISOString() }),
  });
  if (!response.ok) throw new Error(`The e2e server's clock refused ${String(at)}: ${await response.text()}`);
  const { now } = (await response.json()) as { now: string };
  return new Date(now);
}
