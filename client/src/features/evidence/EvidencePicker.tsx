/**
 * 添加照片/扫描件: photos taken with the phone's camera or chosen from its gallery, and PDF or image
 * scans. Each is made ready at once (EXIF read, shrunk to ≤ 2,000 px) and shown as a thumbnail with
 * the time it was taken, so the person sees what will be sent before saving.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { prepareEvidence, type EvidenceFile } from './prepareEvidence.ts';
import { takenLabel } from './takenLabel.ts';
import './evidence.css';

function Thumb({ file, onRemove }: { file: EvidenceFile; onRemove(): void }) {
  const { t } = useI18n();
  const isPdf = file.blob.type === 'application/pdf';
  const url = useMemo(() => (isPdf ? null : URL.createObjectURL(file.blob)), [file.blob, isPdf]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return (
    <li className="evidence-thumb" data-testid="evidence-chosen">
      {url ? <img src={url} alt={file.name} /> : <span className="evidence-pdf">PDF</span>}
      <span className="small">{file.takenAt ? takenLabel(file.takenAt) : t('evidence.noTime')}</span>
      <button type="button" className="button evidence-remove" onClick={onRemove} aria-label={t('evidence.remove')}>
        ×
      </button>
    </li>
  );
}

export function EvidencePicker({ files, onChange }: { files: EvidenceFile[]; onChange(files: EvidenceFile[]): void }) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const add = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    setProblem(null);
    const ready: EvidenceFile[] = [];
    for (const file of Array.from(list)) {
      try {
        ready.push(await prepareEvidence(file));
      } catch (e) {
        setProblem((e as Error).message);
      }
    }
    onChange([...files, ...ready]);
    setBusy(false);
  };
  return (
    <div className="field evidence-picker">
      <span>{t('evidence.add')}</span>
      <div className="evidence-buttons">
        {/* capture: the camera opens directly; the other button offers the gallery and files (scans, PDF). */}
        <label className="button" htmlFor={`${id}-camera`}>
          {t('evidence.camera')}
        </label>
        <input
          id={`${id}-camera`}
          className="sr-only"
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))}
          data-testid="evidence-camera"
        />
        <label className="button" htmlFor={`${id}-files`}>
          {t('evidence.gallery')}
        </label>
        <input
          id={`${id}-files`}
          className="sr-only"
          type="file"
          accept="image/*,application/pdf"
          multiple
          onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))}
          data-testid="evidence-files"
        />
      </div>
      {busy && <span className="muted small">{t('evidence.preparing')}</span>}
      {problem && (
        <span className="form-result error" role="alert">
          {problem}
        </span>
      )}
      {files.length > 0 && (
        <ul className="evidence-list">
          {files.map((f, i) => (
            <Thumb key={i} file={f} onRemove={() => onChange(files.filter((_, j) => j !== i))} />
          ))}
        </ul>
      )}
    </div>
  );
}
