/** A request a person got wrong: defined in shared/ because dates and weeks raise it on both sides. */
export { BadInputError } from '../../shared/errors.ts';

/** Not signed in, or the credentials are wrong: UNAUTHORIZED. */
export class UnauthorizedError extends Error {
  override name = 'UnauthorizedError';
}

/** Too many failed logins: TOO_MANY_REQUESTS. */
export class TooManyAttemptsError extends Error {
  override name = 'TooManyAttemptsError';
}

/**
 * Signed in but not allowed (another township's record): FORBIDDEN. Says what was refused so
 * the attempt can be written to the audit log.
 */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(
    message: string,
    readonly attempt: { tableName: string; recordId?: string | null; detail?: Record<string, unknown> },
  ) {
    super(message);
  }
}

/** Too much work already queued (PDF printing): SERVICE_UNAVAILABLE, try again shortly. */
export class ServiceBusyError extends Error {
  override name = 'ServiceBusyError';
  constructor(message = '系统繁忙，请稍后再试') {
    super(message);
  }
}
