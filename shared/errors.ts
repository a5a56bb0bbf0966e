/**
 * Errors that pure shared code (dates, weeks, filters) raises. The server's procedure middleware
 * maps BadInputError to BAD_REQUEST and shows its message in the reader's language; server-only
 * errors live in server/services/errors.ts, which re-exports these.
 */
import { sayingOf, type Said, type SaysBoth } from './language/said.ts';

/**
 * An error a person is shown: its message is the Chinese, `said` both languages when the thrower
 * wrote both (a plain Chinese string is shown as is in Chinese, and by its kind in English).
 */
export class ShownError extends Error implements SaysBoth {
  readonly said: Said | null;
  constructor(message: string | Said) {
    const saying = sayingOf(message);
    super(saying.message);
    this.said = saying.said;
  }
}

/** A request a person got wrong (a date, a week, an unknown code). */
export class BadInputError extends ShownError {
  override name = 'BadInputError';
}
