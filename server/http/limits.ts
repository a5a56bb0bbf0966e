/**
 * How much one request may ask of the server: body sizes and calls per tRPC batch. A request
 * past a limit is refused before its body is read (or as soon as the counted bytes pass it).
 */

/**
 * Procedures that take a file (the ledger, the boundaries, evidence): multipart/form-data, up to
 * 30 MB (evidence files are held to 10 MB by their service, with their own message).
 */
export const UPLOAD_PROCEDURES: readonly string[] = ['ledger.import', 'ledger.importBoundaries', 'attachments.upload'];

export const ORDINARY_BODY_LIMIT = 1024 * 1024;
/**
 * 30 MB of file (checked, with its own message, by api/fileUpload.ts) plus room for the multipart
 * framing and the text fields around it, so a file just over 30 MB gets "文件过大" rather than a
 * bare refusal of the body.
 */
export const UPLOAD_BODY_LIMIT = 30 * 1024 * 1024 + 256 * 1024;

/** Calls per tRPC batch; the client's batch link sends at most this many (client/src/app/trpc.ts). */
export const MAX_BATCH_CALLS = 20;

/** The procedure paths of a tRPC request path ('a.b,c.d' for a batch). */
export function procedurePathsOf(trpcPath: string): string[] {
  return trpcPath.split(',');
}

/** Only a request for upload procedures alone may carry a file-sized body. */
export function isUploadRequest(trpcPath: string): boolean {
  return procedurePathsOf(trpcPath).every((path) => UPLOAD_PROCEDURES.includes(path));
}

export function bodyLimitOf(trpcPath: string): number {
  return isUploadRequest(trpcPath) ? UPLOAD_BODY_LIMIT : ORDINARY_BODY_LIMIT;
}

/** '1 MB', '30 MB': the limit as a user reads it. */
export function describeBytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
