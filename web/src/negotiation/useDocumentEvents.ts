/**
 * The document, live: a Server-Sent Events stream that says `change` whenever what this reader may
 * see of the document changed. Each change reads the document's queries again, so the page follows
 * without a reload. The browser reconnects by itself after a dropped stream; an answer that is not a
 * stream (a 404 while the feed is missing) closes it for good, without retrying.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../shared/queryKeys.ts';
import { documentEventsUrl } from './negotiation.api.ts';

export type LiveState = 'connecting' | 'live' | 'offline';

export function useDocumentEvents(slug: string, id: string): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>(() => (typeof EventSource === 'undefined' ? 'offline' : 'connecting'));

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(documentEventsUrl(slug, id));
    const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.documents(slug) });
    let connected = false;
    source.addEventListener('ready', () => {
      // After a reconnect, a change may have come and gone while the stream was down.
      if (connected) refresh();
      connected = true;
      setState('live');
    });
    source.addEventListener('change', refresh);
    source.onerror = () => {
      // CLOSED: the answer was no stream (404, 403): the page works on without it. CONNECTING: the browser retries.
      setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    };
    return () => source.close();
  }, [client, slug, id]);

  return state;
}
