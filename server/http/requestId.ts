/** Each request's id: sent to the client as X-Request-Id and written on every log line of the request. */
import { randomUUID } from 'node:crypto';

export function newRequestId(): string {
  return randomUUID();
}
