/**
 * The one place the client names a server file: the AppRouter *type*, from which tRPC infers
 * every procedure's input and output (trpc.ts, RouterOutputs). `export type` is erased at build
 * (verbatimModuleSyntax), so no server code reaches the bundle. Anything else the client shares
 * with the server lives in shared/.
 */
// oxlint-disable-next-line no-restricted-imports -- the sanctioned type-only import of the router's type
export type { AppRouter } from '../../../server/api/root.ts';
