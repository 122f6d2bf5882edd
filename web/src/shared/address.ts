/**
 * The address bar's query as it is now. A filter that writes the URL from the last render's search
 * params loses a change made just before it in the same tick (two fields filled at once, or a
 * browser autofill); reading the current location at the moment of the change keeps both.
 */
export function currentSearch(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}
