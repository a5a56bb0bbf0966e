import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/api/root.ts';

export const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1 } } });
export const trpcClient = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/api/trpc' })] });
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
export type RouterOutputs = inferRouterOutputs<AppRouter>;
