/**
 * Saving a form's record and its evidence, online or not: sent at once when the phone is online;
 * kept in the outbox (待上传) when it is offline or the request fails on the network; a refusal by
 * the server is shown under the form as before. A form reopened from the outbox replaces its entry.
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useMe } from '../auth/session.ts';
import type { EvidenceFile } from '../evidence/prepareEvidence.ts';
import { dropEntry, enqueue } from '../offline/outbox.ts';
import { isNetworkFailure, sendRecord, type PendingRecord, type RecordDraft } from '../offline/sendRecord.ts';
import { useAfterSave } from './editingShared.tsx';

export function useRecordSubmit(townshipCode: string) {
  const { t } = useI18n();
  const me = useMe().data;
  const after = useAfterSave();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);
  const [queued, setQueued] = useState<string | null>(null);

  /** Resolves to true when the form may be emptied: sent, or safely kept in the outbox. */
  async function submit(
    draft: RecordDraft,
    files: EvidenceFile[],
    what: string,
    label: string,
    replacing?: number,
  ): Promise<boolean> {
    after.clear();
    setError(null);
    setQueued(null);
    setBusy(true);
    let progress: PendingRecord = { ...draft, files, uploaded: 0 };
    const keep = async () => {
      await enqueue({
        ...progress,
        username: me?.username ?? '',
        townshipCode,
        label,
        createdAt: new Date().toISOString(),
      });
      setQueued(t('outbox.kept', { what }));
    };
    try {
      if (!navigator.onLine) await keep();
      else {
        try {
          await sendRecord(progress, (next) => {
            progress = next;
          });
          await after.done(what);
        } catch (e) {
          if (isNetworkFailure(e)) await keep();
          else if (progress.ownerId !== undefined) {
            // The record is saved; only a file was refused: the form must not send the record again.
            setError({ message: t('evidence.recordSavedFileRefused', { message: (e as Error).message }) });
          } else {
            setError({ message: (e as Error).message });
            return false;
          }
        }
      }
      if (replacing !== undefined) await dropEntry(replacing);
      return true;
    } finally {
      setBusy(false);
    }
  }

  return { submit, busy, error, queued, saved: after.saved };
}
