/**
 * The FormData of an upload procedure (ledger.import, ledger.importBoundaries): the file and text
 * fields. The server takes up to 30 MB of file; a larger one is refused here before it is sent.
 */
export const MAX_UPLOAD_MB = 30;

export function uploadForm(file: File, fields: Record<string, string | boolean>): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
  return form;
}

/** The file's size in MB (one decimal) when it is over the limit, else null. */
export function oversizeMb(file: File): string | null {
  return file.size > MAX_UPLOAD_MB * 1024 * 1024 ? (file.size / 1024 / 1024).toFixed(1) : null;
}
