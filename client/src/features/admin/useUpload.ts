/**
 * What the two upload panels of /admin (the ledger, the boundaries) share: the chosen file (one
 * over 30 MB is refused here, before it is sent), the report of the last run, its error, and the
 * run itself — the file and the panel's fields sent as one FormData to its upload procedure.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';

export const MAX_UPLOAD_MB = 30;

export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export const CRS: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

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

/** `send` posts the form; an import (not a dry run) refreshes every figure the page shows. */
export function useUpload<R extends { status: string }>(send: (form: FormData) => Promise<R>) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fields: Record<string, string | boolean>) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await send(uploadForm(file, fields));
      setReport(result);
      if (result.status === 'imported') await queryClient.invalidateQueries();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = (chosen: File | undefined) => {
    setReport(null);
    const size = chosen ? oversizeMb(chosen) : null;
    setError(size ? t('admin.fileTooLarge', { size }) : null);
    setFile(chosen && !size ? chosen : null);
  };
  /** A changed field makes the last dry run stale: its report goes. */
  const forget = () => setReport(null);
  return { file, report, error, setError, busy, run, choose, forget };
}
