/**
 * What a client is told when a call fails, in the reader's language. Services and procedures
 * refuse with a line written for users (in both languages when their word module says it: a
 * Said), which passes through; tRPC's own refusals get a line for their code; anything
 * unexpected (a failed query, a full disk, a bug) is only "服务器内部错误" and the request id:
 * its text may hold SQL, row values or paths, and is kept for the log. In English, a refusal
 * written in Chinese only is said by its code rather than shown in Chinese.
 */
import type { TRPCError } from '@trpc/server';
import { bodyLimitOf, describeBytes } from '../http/limits.ts';
import type { Locale } from '../../shared/language/index.ts';
import { saidOf } from '../../shared/language/said.ts';

type Code = TRPCError['code'];

const FOR_CODE: Partial<Record<Code, string>> = {
  PARSE_ERROR: '请求内容无法解析（应为 JSON）',
  BAD_REQUEST: '请求参数无效',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '未知接口',
  METHOD_NOT_SUPPORTED: '请求方法不受支持',
  TIMEOUT: '请求超时，请稍后再试',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  UNSUPPORTED_MEDIA_TYPE: '请求格式不受支持（应为 JSON）',
  TOO_MANY_REQUESTS: '请求过于频繁，请稍后再试',
  CLIENT_CLOSED_REQUEST: '请求已取消',
  SERVICE_UNAVAILABLE: '系统繁忙，请稍后再试',
};

const FOR_CODE_EN: Partial<Record<Code, string>> = {
  PARSE_ERROR: 'The request could not be read (JSON expected)',
  BAD_REQUEST: 'Invalid request',
  UNAUTHORIZED: 'Please sign in first',
  FORBIDDEN: 'You are not allowed to do this',
  NOT_FOUND: 'Unknown interface',
  METHOD_NOT_SUPPORTED: 'Request method not supported',
  TIMEOUT: 'The request timed out; please try again later',
  CONFLICT: 'Someone else changed this data; please refresh and try again',
  UNSUPPORTED_MEDIA_TYPE: 'Request format not supported (JSON expected)',
  TOO_MANY_REQUESTS: 'Too many requests; please try again later',
  CLIENT_CLOSED_REQUEST: 'The request was cancelled',
  SERVICE_UNAVAILABLE: 'The system is busy; please try again shortly',
};

const HAN = /\p{Script=Han}/u;

export function internalErrorMessage(requestId: string | null, locale: Locale = 'zh-CN'): string {
  if (locale === 'en') return requestId ? `Internal server error (request ${requestId})` : 'Internal server error';
  return requestId ? `服务器内部错误（请求编号 ${requestId}）` : '服务器内部错误';
}

/** `path` is the procedure's ('a.b', or a batch's 'a.b,c.d'), when tRPC knows it. */
export function clientMessage(
  error: TRPCError,
  path: string | undefined,
  requestId: string | null,
  locale: Locale = 'zh-CN',
): string {
  if (
    error.code === 'INTERNAL_SERVER_ERROR' ||
    error.code === 'NOT_IMPLEMENTED' ||
    error.code === 'BAD_GATEWAY' ||
    error.code === 'GATEWAY_TIMEOUT'
  ) {
    return internalErrorMessage(requestId, locale);
  }
  const limit = () => describeBytes(bodyLimitOf(path ?? ''));
  if (locale === 'en') {
    if (error.code === 'PAYLOAD_TOO_LARGE') return `The request is too large (at most ${limit()})`;
    const said = saidOf(error);
    if (said) return said.en;
    return FOR_CODE_EN[error.code] ?? 'Invalid request';
  }
  if (error.code === 'PAYLOAD_TOO_LARGE') return `请求内容过大（上限 ${limit()}）`;
  if (HAN.test(error.message)) return error.message;
  return FOR_CODE[error.code] ?? '请求无效';
}
