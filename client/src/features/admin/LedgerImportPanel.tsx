/**
 * The ledger upload on `/admin` (administrators only). Download the template; choose a filled
 * ledger and its coordinate system; a dry run shows every problem (row, column, reason) or every change (field by field);
 * only a clean dry run of the same file enables the import. The file goes as an upload (FormData),
 * up to 30 MB.
 */
import { useQueryClient } from '@tanstack/react-query';
import { saveBase64File } from '../../app/download.ts';
import { useState } from 'react';
import { trpcClient, type RouterOutputs } from '../../app/trpc.ts';
import { oversizeMb, uploadForm } from './uploadForm.ts';
import { useI18n } from '../../i18n/index.tsx';

type Report = RouterOutputs['ledger']['import'];
type Crs = 'wgs84' | 'gcj02' | 'bd09';
const CRS: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];
const SHOWN = 500;

async function downloadTemplate(): Promise<void> {
  saveBase64File(await trpcClient.ledger.template.query());
}

export function LedgerImportPanel() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [replaceDemo, setReplaceDemo] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await trpcClient.ledger.import.mutate(uploadForm(file, { crs, dryRun, replaceDemo }));
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
  const canImport = report?.status === 'dry-run' && !busy;

  return (
    <section className="ledger-import" data-testid="ledger-import">
      <div className="page-bar">
        <h3>{t('admin.ledgerTitle')}</h3>
        <button type="button" className="button" onClick={() => downloadTemplate().catch((e: Error) => setError(e.message))}>
          {t('admin.template')}
        </button>
      </div>
      <div className="panel admin-form">
        <label>
          {t('admin.file')} <input type="file" accept=".xlsx,.csv" data-testid="ledger-file" onChange={(e) => choose(e.target.files?.[0])} />
        </label>
        <label>
          {t('admin.crs')}{' '}
          <select value={crs} onChange={(e) => { setCrs(e.target.value as Crs); setReport(null); }}>
            {CRS.map((c) => (
              <option key={c} value={c}>{t(`admin.crs.${c}`)}</option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={replaceDemo} onChange={(e) => { setReplaceDemo(e.target.checked); setReport(null); }} /> {t('admin.replaceDemo')}
        </label>
        <button type="button" className="button" disabled={!file || busy} onClick={() => void run(true)} data-testid="dry-run">
          {t('admin.dryRun')}
        </button>
        <button type="button" className="button" disabled={!canImport} onClick={() => void run(false)} data-testid="import">
          {t('admin.import')}
        </button>
        {busy && <span className="muted">{t('app.loading')}</span>}
      </div>
      {error && <p className="message error" role="alert">{error}</p>}
      {report && <LedgerReport report={report} />}
    </section>
  );
}

function LedgerReport({ report }: { report: Report }) {
  const { t } = useI18n();
  const c = report.counts;
  const show = (v: string | number | null) => (v === null || v === '' ? t('admin.blank') : String(v));
  return (
    <section className="panel" data-testid="ledger-report">
      <h3>
        {t(`admin.status.${report.status}`)} · {t('admin.counts', { rows: report.rows, new: c.new, updated: c.updated, unchanged: c.unchanged, untouched: c.untouched })}
      </h3>
      {report.problems.length > 0 && (
        <table className="data" data-testid="ledger-problems">
          <thead>
            <tr><th>{t('admin.row')}</th><th>{t('admin.column')}</th><th>{t('admin.problem')}</th></tr>
          </thead>
          <tbody>
            {report.problems.slice(0, SHOWN).map((p, i) => (
              <tr key={i}><td>{p.row || ''}</td><td>{p.column}</td><td>{p.message}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {report.warnings.length > 0 && (
        <details>
          <summary>{t('admin.warnings', { count: report.warnings.length })}</summary>
          <ul>{report.warnings.slice(0, SHOWN).map((w, i) => <li key={i}>{w.row ? `${t('admin.row')} ${w.row} ${w.column}：` : ''}{w.message}</li>)}</ul>
        </details>
      )}
      {report.problems.length === 0 && report.changes.length > 0 && (
        <table className="data" data-testid="ledger-changes">
          <thead>
            <tr><th>{t('admin.row')}</th><th>{t('admin.code')}</th><th>{t('admin.compoundName')}</th><th>{t('admin.change')}</th></tr>
          </thead>
          <tbody>
            {report.changes.slice(0, SHOWN).map((ch) => (
              <tr key={ch.code}>
                <td>{ch.row}</td><td>{ch.code}</td><td>{ch.name}</td>
                <td>{ch.action === 'new' ? t('admin.new') : ch.changes.map((f) => `${f.label} ${show(f.before)} → ${show(f.after)}`).join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.changes.length > SHOWN && <p className="muted">{t('admin.more', { count: report.changes.length - SHOWN })}</p>}
    </section>
  );
}
