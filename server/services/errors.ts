import type { z } from 'zod';
import { ShownError } from '../../shared/errors.ts';
import type { Locale } from '../../shared/language/index.ts';
import { said, type Said } from '../../shared/language/said.ts';

/**
 * A request a person got wrong: defined in shared/ because dates and weeks raise it on both sides.
 * Every error here is a ShownError: its message the Chinese, and both languages when the thrower
 * wrote them (a word module's Said), for the reader's language.
 */
export { BadInputError, ShownError } from '../../shared/errors.ts';

/** Not signed in, or the credentials are wrong: UNAUTHORIZED. */
export class UnauthorizedError extends ShownError {
  override name = 'UnauthorizedError';
}

/** Too many failed logins: TOO_MANY_REQUESTS. */
export class TooManyAttemptsError extends ShownError {
  override name = 'TooManyAttemptsError';
}

/**
 * Signed in but not allowed (another township's record): FORBIDDEN. Says what was refused so
 * the attempt can be written to the audit log.
 */
export class ForbiddenError extends ShownError {
  override name = 'ForbiddenError';
  constructor(
    message: string | Said,
    readonly attempt: { tableName: string; recordId?: string | null; detail?: Record<string, unknown> },
  ) {
    super(message);
  }
}

/** Too much work already queued (PDF printing): SERVICE_UNAVAILABLE, try again shortly. */
export class ServiceBusyError extends ShownError {
  override name = 'ServiceBusyError';
  constructor(message: string | Said = said('系统繁忙，请稍后再试', 'The system is busy; please try again shortly')) {
    super(message);
  }
}

/** The prefix of a refused request's input when nothing more precise is said. */
export const INVALID_REQUEST = said('请求参数无效', 'Invalid request');

/** One zod issue as Chinese text: "composite.weights.committeeRate：权重不能为负". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const message = issue.code === 'unrecognized_keys' ? `未知设置项 ${issue.keys.join('、')}` : issue.message;
  return path ? `${path}：${message}` : message;
}

/**
 * One zod issue in English, from what went wrong (the schemas' own messages are Chinese):
 * "composite.weights.committeeRate: must be at least 0".
 */
export function describeIssueInEnglish(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const message = englishProblem(issue);
  return path ? `${path}: ${message}` : message;
}

function englishProblem(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return `should be ${ARTICLE[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must be at least ${issue.minimum} characters`
        : issue.origin === 'array' || issue.origin === 'set'
          ? `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`
          : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array' || issue.origin === 'set'
          ? `must have at most ${issue.maximum} items`
          : `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return 'is not in the expected format';
    case 'invalid_value':
      return 'is not one of the allowed values';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return 'is not valid';
  }
}

const ARTICLE: Partial<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

/** One zod issue in the reader's language. */
export const describeIssueIn = (issue: z.core.$ZodIssue, locale: Locale): string =>
  locale === 'en' ? describeIssueInEnglish(issue) : describeIssue(issue);

/**
 * Every zod-error-to-message in the product goes through here: the issues as one line, in
 * Chinese "晾晒规则设置无效：composite.weights.committeeRate：权重不能为负；…" and the same in
 * English, for a BadInputError.
 */
export function describeIssues(error: z.ZodError, prefix: string | Said): Said {
  const { 'zh-CN': zh, en } = typeof prefix === 'string' ? { 'zh-CN': prefix, en: INVALID_REQUEST.en } : prefix;
  return said(
    `${zh}：${error.issues.map(describeIssue).join('；')}`,
    `${en}: ${error.issues.map(describeIssueInEnglish).join('; ')}`,
  );
}
