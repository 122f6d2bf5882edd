/**
 * The address bar's query. A filter that writes the URL from the last render's search params loses a
 * change made just before it in the same tick (two fields filled at once, or a browser autofill);
 * reading the current location at the moment of the change keeps both.
 */
import { useSearchParams } from 'react-router';
import { isCalendarDate } from '../../../src/core/calendar.ts';

/** The address bar's query as it is now. */
export function currentSearch(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

/** The day named by `?asOf=` when it is a calendar date; "" (today) otherwise. */
export const asOfFrom = (raw: string | null): string => (raw !== null && isCalendarDate(raw) ? raw : '');

/** A page's as-of day in the address (`?asOf=`, "" for today) and its setter, which replaces the entry. */
export function useAsOfParam(): [string, (day: string) => void] {
  const [params, setParams] = useSearchParams();
  const setAsOf = (day: string) =>
    void setParams(
      () => {
        const next = currentSearch();
        if (day) next.set('asOf', day);
        else next.delete('asOf');
        return next;
      },
      { replace: true },
    );
  return [asOfFrom(params.get('asOf')), setAsOf];
}
