/**
 * Evidence on a supervision answer (owner kind 'supervision_answer', owner id = the item's id):
 * uploading the files chosen with an answer once the answer is saved (as the record forms do),
 * and the item's files as thumbnails that open full size in a new tab. Listed from the township's
 * evidence (the server decides who may see it), so only the newest of the township show here.
 */
import { useQuery } from '@tanstack/react-query';
import { trpc, trpcClient } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useMe } from '../auth/session.ts';
import { maySeeEvidence } from '../evidence/maySeeEvidence.ts';
import type { EvidenceFile } from '../evidence/prepareEvidence.ts';
import { takenLabel } from '../evidence/takenLabel.ts';
import '../evidence/evidence.css';

/** One after the other, so a failure names the file it stopped at; throws what the upload threw. */
export async function uploadAnswerEvidence(itemId: number, files: readonly EvidenceFile[]): Promise<void> {
  for (const file of files) {
    const form = new FormData();
    form.append('file', new File([file.blob], file.name, { type: file.blob.type }));
    form.append('ownerKind', 'supervision_answer');
    form.append('ownerId', String(itemId));
    if (file.takenAt) form.append('takenAt', file.takenAt);
    if (file.lat !== undefined && file.lon !== undefined) {
      form.append('lat', String(file.lat));
      form.append('lon', String(file.lon));
    }
    await trpcClient.attachments.upload.mutate(form);
  }
}

export function AnswerEvidence({ itemId, townshipCode }: { itemId: number; townshipCode: string }) {
  const { t } = useI18n();
  const me = useMe();
  const allowed = maySeeEvidence(me.data, townshipCode);
  const list = useQuery({ ...trpc.attachments.list.queryOptions({ townshipCode }), enabled: allowed });
  const files = (list.data ?? []).filter((a) => a.ownerKind === 'supervision_answer' && a.ownerId === itemId);
  if (!allowed || files.length === 0) return null;
  return (
    <div data-testid="sv-evidence">
      <p className="small">{t('supervision.evidence', { count: files.length })}</p>
      <ul className="evidence-list">
        {files.map((a) => (
          <li key={a.id} className="evidence-thumb" data-testid="sv-evidence-thumb">
            <a href={a.url} target="_blank" rel="noopener" title={a.fileName}>
              {a.mediaType === 'application/pdf' ? (
                <span className="evidence-pdf">PDF</span>
              ) : (
                <img src={a.url} alt={a.fileName} loading="lazy" />
              )}
            </a>
            <span className="small">{a.takenAt ? takenLabel(a.takenAt) : t('evidence.noTime')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
