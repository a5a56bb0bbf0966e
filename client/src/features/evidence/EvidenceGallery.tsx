/**
 * 佐证材料: the evidence of a township's or a compound's records as thumbnails, each with the time
 * the photo was taken and a mark when it looks doubtful (far from the compound, days from the
 * record's date: the reasons are listed). A tap opens it full size; its township's staff can remove it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { takenLabel } from './takenLabel.ts';
import './evidence.css';

type Attachment = RouterOutputs['attachments']['list'][number];

function FullSize({ item, canRemove, onClose }: { item: Attachment; canRemove: boolean; onClose(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.attachments.remove.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.attachments.list.pathKey() });
        onClose();
      },
    }),
  );
  return (
    <div
      className="evidence-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={item.fileName}
      data-testid="evidence-viewer"
    >
      <div className="evidence-viewer-bar">
        <span className="small">{item.fileName}</span>
        <span className="spacer" />
        <a className="button" href={item.url} target="_blank" rel="noopener">
          {t('evidence.open')}
        </a>
        {canRemove && (
          <button
            type="button"
            className="button"
            disabled={remove.isPending}
            onClick={() => window.confirm(t('evidence.removeConfirm')) && remove.mutate({ id: item.id })}
          >
            {t('evidence.remove')}
          </button>
        )}
        <button type="button" className="button primary" onClick={onClose} data-testid="evidence-close">
          {t('evidence.close')}
        </button>
      </div>
      {item.mediaType === 'application/pdf' ? (
        <p>
          <a href={item.url} target="_blank" rel="noopener">
            {t('evidence.openPdf')}
          </a>
        </p>
      ) : (
        <img src={item.url} alt={item.fileName} />
      )}
      <p className="small">
        {item.takenAt ? t('evidence.takenAt', { time: takenLabel(item.takenAt) }) : t('evidence.noTime')}
        {item.takenLat !== null &&
          item.takenLon !== null &&
          ` · ${t('evidence.takenWhere', { lat: item.takenLat.toFixed(5), lon: item.takenLon.toFixed(5) })}`}
      </p>
      {item.flags.length > 0 && (
        <ul className="evidence-flags">
          {item.flags.map((f) => (
            <li key={f}>⚠ {f}</li>
          ))}
        </ul>
      )}
      {remove.error && (
        <p className="form-result error" role="alert">
          {remove.error.message}
        </p>
      )}
    </div>
  );
}

export function EvidenceGallery({
  scope,
  canRemove = false,
}: {
  scope: { compoundCode: string } | { townshipCode: string };
  canRemove?: boolean;
}) {
  const { t } = useI18n();
  const list = useQuery(trpc.attachments.list.queryOptions(scope));
  const [open, setOpen] = useState<Attachment | null>(null);
  const items = list.data ?? [];
  return (
    <section className="panel evidence-gallery" data-testid="evidence-gallery">
      <h3>{t('evidence.title')}</h3>
      {list.error && <p className="muted small">{list.error.message}</p>}
      {list.data && items.length === 0 && <p className="muted small">{t('evidence.none')}</p>}
      {items.length > 0 && (
        <ul className="evidence-list">
          {items.map((item) => (
            <li
              key={item.id}
              className={`evidence-thumb${item.flags.length ? ' flagged' : ''}`}
              data-testid="evidence-thumb"
            >
              <button type="button" onClick={() => setOpen(item)} title={item.flags.join('\n') || item.fileName}>
                {item.mediaType === 'application/pdf' ? (
                  <span className="evidence-pdf">PDF</span>
                ) : (
                  <img src={item.url} alt={item.fileName} loading="lazy" />
                )}
              </button>
              <span className="small">{item.takenAt ? takenLabel(item.takenAt) : t('evidence.noTime')}</span>
              {'compoundCode' in scope ? null : <span className="small muted">{item.compoundName}</span>}
              {item.flags.length > 0 && (
                <span className="evidence-flag" data-testid="evidence-flag" title={item.flags.join('\n')}>
                  ⚠ {t('evidence.flagged')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && <FullSize item={open} canRemove={canRemove} onClose={() => setOpen(null)} />}
    </section>
  );
}
