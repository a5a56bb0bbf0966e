/**
 * The first view's answers as the server writes them into the page for a signed-in person
 * (server/http/firstViewPayload.ts) and the client puts into its query cache before the first
 * render (client/src/app/firstView.ts): each is one procedure's answer to one input, exactly as
 * the API would have sent it.
 */
import type { Locale } from './language/index.ts';

/** The id of the page's JSON data block. */
export const FIRST_VIEW_ELEMENT_ID = 'onemap-first-view';

export type FirstViewPath = 'auth.me' | 'system.info' | 'geography.townships' | 'map.view' | 'metrics.report';

export interface FirstViewAnswer {
  path: FirstViewPath;
  /** The procedure's input (absent for those that take none). */
  input?: unknown;
  data: unknown;
}

export interface FirstViewPayload {
  /** The language the server wrote its sentences in: the page uses the answers only when it reads in it. */
  locale: Locale;
  /** When the answers were read (ISO time). */
  servedAt: string;
  answers: FirstViewAnswer[];
}
