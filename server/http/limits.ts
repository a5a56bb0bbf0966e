/**
 * Procedures that take a file upload (multipart/FormData, up to 30 MB of file) rather than a JSON
 * body: the HTTP body limit lets these, and only these, past the 1 MB of an ordinary call.
 */
export const UPLOAD_PROCEDURES = ['ledger.import', 'ledger.importBoundaries'] as const;
