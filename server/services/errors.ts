import type { z } from 'zod';

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

/** One zod issue as Chinese text: "composite.weights.committeeRate：权重不能为负". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const message = issue.code === 'unrecognized_keys' ? `未知设置项 ${issue.keys.join('、')}` : issue.message;
  return path ? `${path}：${message}` : message;
}

/**
 * Every zod-error-to-message in the product goes through here: the issues as one Chinese line,
 * "晾晒规则设置无效：composite.weights.committeeRate：权重不能为负；…", for a BadInputError.
 */
export function describeIssues(error: z.ZodError, prefix: string): string {
  return `${prefix}：${error.issues.map(describeIssue).join('；')}`;
}
