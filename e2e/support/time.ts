import { DATE_TIME_STYLE } from '../../web/src/shared/time.ts';

/**
 * An instant as the web UI writes it in a zone ("28 Mar 2026, 23:30 EEST"): the UI's written form,
 * with the zone conversion left to Intl here, so that the specs check the page's zone on their own.
 */
export const writtenTime = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat(DATE_TIME_STYLE.locale, { ...DATE_TIME_STYLE.options, timeZone }).format(new Date(iso));
