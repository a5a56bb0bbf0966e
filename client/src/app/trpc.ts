import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  isNonJsonSerializable,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './appRouter.ts';
import { isKeptOffline } from '../features/offline/keptOffline.ts';
import { readDisplayToken } from '../features/wall/wallToken.ts';
import { navigate } from 'wouter/use-browser-location';
import { hrefs } from './routes.ts';
import { activeLocale, onLocaleChange } from '../i18n/activeLocale.ts';
import { LANGUAGE_HEADER } from '../../../shared/language/index.ts';

/** A wall screen opens /wall?token=… (the token then leaves the address bar); it goes with every request as a header. */
export function displayToken(): string | null {
  return readDisplayToken({ location: window.location, storage: window.sessionStorage, history: window.history });
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED';
}

/** Nobody signed in (or the session ended): to the login page, coming back here afterwards. */
export function redirectToLogin(): void {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  if (pathname === '/wall' && displayToken()) return;
  queryClient.setQueryData(trpc.auth.me.queryKey(), null);
  navigate(hrefs.login(pathname + search));
}

const onError = (error: unknown) => {
  if (isUnauthorized(error)) redirectToLogin();
};

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      retry: (count, error) => !isUnauthorized(error) && count < 1,
      // Asked even when the phone says it is offline: the service worker answers with the figures
      // it kept (marked stale), rather than the page waiting for a network that is not there.
      networkMode: 'always',
    },
  },
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
});

// What the server wrote (summaries, reasons, change lines) is in the language asked for.
onLocaleChange(() => void queryClient.invalidateQueries());

/**
 * The display token of a wall screen and the language go with every request as headers; the
 * server writes its sentences in that language.
 */
function requestHeaders(): Record<string, string> {
  const token = displayToken();
  return { [LANGUAGE_HEADER]: activeLocale(), ...(token ? { 'x-onemap-display-token': token } : {}) };
}

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    // Subscriptions (the wall's live updates) over server-sent events; EventSource cannot send
    // headers, so a display token travels as a connection parameter (the session cookie goes by itself).
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({
        url: '/api/trpc',
        connectionParams() {
          const token = displayToken();
          return { lang: activeLocale(), ...(token ? { displayToken: token } : {}) };
        },
      }),
      // File uploads (FormData: the ledger, the boundaries) go alone, as multipart/form-data: a
      // batch is JSON, and the server lets only the upload procedures past the 1 MB body limit.
      false: splitLink({
        condition: (op) => isNonJsonSerializable(op.input),
        true: httpLink({ url: '/api/trpc', headers: requestHeaders }),
        // The server refuses batches of more than 20 calls (server/http/limits.ts MAX_BATCH_CALLS).
        // Figures the service worker may keep offline go in batches of their own (keptOffline.ts).
        false: splitLink({
          condition: (op) => isKeptOffline(op.path),
          true: httpBatchLink({ url: '/api/trpc', maxItems: 20, headers: requestHeaders }),
          false: httpBatchLink({ url: '/api/trpc', maxItems: 20, headers: requestHeaders }),
        }),
      }),
    }),
  ],
});
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
