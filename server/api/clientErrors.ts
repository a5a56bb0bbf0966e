/**
 * What a client is told when a call fails. Services and procedures refuse with a Chinese line
 * written for users, which passes through; tRPC's own refusals (English) get a Chinese line for
 * their code; anything unexpected (a failed query, a full disk, a bug) is only "服务器内部错误"
 * and the request id: its text may hold SQL, row values or paths, and is kept for the log.
 */
import type { TRPCError } from '@trpc/server';
import { bodyLimitOf, describeBytes } from '../http/limits.ts';

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

const HAN = /\p{Script=Han}/u;

export function internalErrorMessage(requestId: string | null): string {
  return requestId ? `服务器内部错误（请求编号 ${requestId}）` : '服务器内部错误';
}

/** `path` is the procedure's ('a.b', or a batch's 'a.b,c.d'), when tRPC knows it. */
export function clientMessage(error: TRPCError, path: string | undefined, requestId: string | null): string {
  if (
    error.code === 'INTERNAL_SERVER_ERROR' ||
    error.code === 'NOT_IMPLEMENTED' ||
    error.code === 'BAD_GATEWAY' ||
    error.code === 'GATEWAY_TIMEOUT'
  ) {
    return internalErrorMessage(requestId);
  }
  if (error.code === 'PAYLOAD_TOO_LARGE') return `请求内容过大（上限 ${describeBytes(bodyLimitOf(path ?? ''))}）`;
  if (HAN.test(error.message)) return error.message;
  return FOR_CODE[error.code] ?? '请求无效';
}
