/**
 * The first view's answers the server wrote into the page (server/http/firstViewPayload.ts), put
 * into the query cache before the first render: the dashboard's map is created at once, with no
 * round trip to the API before it. Used only when the page reads in the language the server wrote
 * them in; without them (signed out, the service worker's copy of the page, another week in the
 * address) the page asks the API as before. They are kept for offline use like fetched answers.
 */
import type { QueryClient } from '@tanstack/react-query';
import { FIRST_VIEW_ELEMENT_ID, type FirstViewAnswer, type FirstViewPayload } from '../../../shared/firstView.ts';
import { keepAnswers } from '../features/offline/keptOffline.ts';
import { activeLocale } from '../i18n/activeLocale.ts';
import { trpc, type RouterInputs } from './trpc.ts';

/** The query key each answer's procedure and input has in the cache (as the pages ask it). */
function queryKeyOf(answer: FirstViewAnswer): readonly unknown[] {
  switch (answer.path) {
    case 'auth.me':
      return trpc.auth.me.queryKey();
    case 'system.info':
      return trpc.system.info.queryKey();
    case 'geography.townships':
      return trpc.geography.townships.queryKey();
    case 'map.view':
      return trpc.map.view.queryKey(answer.input as RouterInputs['map']['view']);
    case 'metrics.report':
      return trpc.metrics.report.queryKey(answer.input as RouterInputs['metrics']['report']);
  }
}

/** Reads the page's answers once (the element is removed) into the cache; how many were used. */
export function seedFirstView(queryClient: QueryClient, doc: Document = document): number {
  const element = doc.getElementById(FIRST_VIEW_ELEMENT_ID);
  if (!element) return 0;
  element.remove();
  let payload: FirstViewPayload;
  try {
    payload = JSON.parse(element.textContent ?? '') as FirstViewPayload;
  } catch {
    return 0;
  }
  if (payload.locale !== activeLocale()) return 0;
  // Fresh as of now: read by the server a moment ago, whatever the two clocks say.
  for (const answer of payload.answers) queryClient.setQueryData(queryKeyOf(answer), answer.data);
  // Kept for offline use as if fetched, once the first view has had the page to itself.
  setTimeout(() => void keepAnswers(payload.answers, payload.servedAt).catch(() => undefined), 3000);
  return payload.answers.length;
}
