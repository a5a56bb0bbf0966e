/**
 * Errors that pure shared code (dates, weeks, filters) raises. The server's procedure middleware
 * maps BadInputError to BAD_REQUEST and shows its message as is; server-only errors live in
 * server/services/errors.ts, which re-exports this one.
 */

/** A request a person got wrong (a date, a week, an unknown code): shown as is, in Chinese. */
export class BadInputError extends Error {
  override name = 'BadInputError';
}
