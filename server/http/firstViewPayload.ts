/**
 * The first view's answers, written into the page itself for a signed-in person (issue #23): who
 * is signed in, the city and its townships, and on the dashboard the map's compounds and the
 * figures of the week in progress. The page then draws at once instead of asking the API two
 * round trips one after the other. Each answer is the procedure's own, asked through a caller with
 * the request's own context (its session cookie or display token), so nobody reads in the page
 * anything the API would not give them; a signed-out visitor gets no payload at all.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHttpContext } from '../api/context.ts';
import { appRouter } from '../api/root.ts';
import { createCallerFactory } from '../api/trpc.ts';
import type { Database } from '../db/connection.ts';
import { log } from '../log/logger.ts';
import {
  FIRST_VIEW_ELEMENT_ID,
  type FirstViewAnswer,
  type FirstViewPath,
  type FirstViewPayload,
} from '../../shared/firstView.ts';
import { LANGUAGE_HEADER, localeOf } from '../../shared/language/index.ts';
import { isoWeekOf, weekValueDate } from '../../shared/time/weeks.ts';

const createCaller = createCallerFactory(appRouter);

/**
 * Only a page the browser opens (it asks for HTML; the service worker passes the request on with
 * the same Accept but no longer as a document), and only the pages whose first view this knows.
 * The service worker's own copy of the page is /index.html, read as a file: it never carries
 * anyone's data.
 */
export function wantsFirstView(req: IncomingMessage, path: string): boolean {
  return req.method === 'GET' && path === '/' && String(req.headers.accept ?? '').includes('text/html');
}

/**
 * Who is asking is read first (before the page's headers go out); null for nobody signed in, or
 * an administrator who must first change the password (that form is all the page shows). Else
 * the reader of the answers, run while the browser already fetches the page's scripts. Any call
 * that fails is left out: the page asks it as before and shows the error the API gives.
 */
export async function firstViewReader(
  database: Database,
  req: IncomingMessage,
  res: ServerResponse,
  search: URLSearchParams,
): Promise<(() => Promise<FirstViewPayload>) | null> {
  const context = await createHttpContext(database, req, res);
  if (!context.actor || context.actor.mustChangePassword) return null;
  // The page's language: ?lang= when the address says it, else the default; the client uses the
  // answers only when it reads the page in the same language (what the server wrote is in it).
  const locale = localeOf(search.get('lang') ?? req.headers[LANGUAGE_HEADER]);
  const caller = createCaller({ ...context, locale });
  return async () => {
    const answers: FirstViewAnswer[] = [];
    const ask = async <T>(path: FirstViewPath, input: unknown, call: () => Promise<T>): Promise<T | undefined> => {
      try {
        const data = await call();
        answers.push({ path, input, data });
        return data;
      } catch (error) {
        log.debug({ err: error, path }, '首屏数据未能预先写入页面');
        return undefined;
      }
    };
    await ask('auth.me', undefined, () => caller.auth.me());
    const info = await ask('system.info', undefined, () => caller.system.info());
    await ask('geography.townships', undefined, () => caller.geography.townships());
    // The dashboard opens on the week in progress unless the address names another week: only
    // then are its answers the ones the page will ask for.
    if (info && !search.has('week')) {
      const week = isoWeekOf(info.today);
      const view = { asOf: weekValueDate(week, info.today), bbox: null, zoom: null };
      await ask('map.view', view, () => caller.map.view(view));
      await ask('metrics.report', { week }, () => caller.metrics.report({ week }));
    }
    return { locale, servedAt: new Date().toISOString(), answers };
  };
}

/**
 * A JSON data block: not run as a script, so the page's CSP (script-src 'self') is untouched.
 * '<' is escaped so that no text inside can close the element.
 */
export function firstViewElement(payload: FirstViewPayload): string {
  const json = JSON.stringify(payload).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_VIEW_ELEMENT_ID}">${json}</script>`;
}
