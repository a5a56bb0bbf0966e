/**
 * The ledger upload on `/admin` (administrators only). Download the template; choose a filled
 * ledger and its coordinate system; a dry run shows every problem (row, column, reason) or every change (field by field);
 * only a clean dry run of the same file enables the import. The file goes as an upload (FormData),
 * up to 30 MB. The reasons, the columns' names and the changes come from the server in the reader's
 * language (ledgerReportWords.ts); this panel adds only its own labels and punctuation.
 */
import { saveBase64File } from '../../app/download.ts';
import { useState } from 'react';
import { trpcClient, type RouterOutputs } from '../../app/trpc.ts';
import { CRS, useUpload, type Crs } from './useUpload.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CityConfirmation, DemoDeletionWarning } from './DemoDeletionWarning.tsx';
import './adminTools.css';

type Report = RouterOutputs['ledger']['import'];
const SHOWN = 500;

async function downloadTemplate(): Promise<void> {
  saveBase64File(await trpcClient.ledger.template.query());
}

export function LedgerImportPanel() {
  const { t } = useI18n();
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [replaceDemo, setReplaceDemo] = useState(false);
  const { file, report, error, setError, busy, run, choose, forget } = useUpload<Report>((form) =>
    trpcClient.ledger.import.mutate(form),
  );
  const [typed, setTyped] = useState('');
  const deletes = report?.status === 'dry-run' ? report.deletes : null;
  // A destructive import needs the city's name typed (the server checks it as well).
  const canImport = report?.status === 'dry-run' && !busy && (!deletes || typed.trim() === deletes.cityName);

  return (
    <section className="ledger-import" data-testid="ledger-import">
      <div className="page-bar">
        <h3>{t('admin.ledgerTitle')}</h3>
        <button
          type="button"
          className="button"
          onClick={() => downloadTemplate().catch((e: Error) => setError(e.message))}
        >
          {t('admin.template')}
        </button>
      </div>
      <div className="panel admin-form">
        <label>
          {t('admin.file')}{' '}
          <input
            type="file"
            accept=".xlsx,.csv"
            data-testid="ledger-file"
            onChange={(e) => choose(e.target.files?.[0])}
          />
        </label>
        <label>
          {t('admin.crs')}{' '}
          <select
            value={crs}
            onChange={(e) => {
              setCrs(e.target.value as Crs);
              forget();
            }}
          >
            {CRS.map((c) => (
              <option key={c} value={c}>
                {t(`admin.crs.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={replaceDemo}
            onChange={(e) => {
              setReplaceDemo(e.target.checked);
              forget();
            }}
          />{' '}
          {t('admin.replaceDemo')}
        </label>
        <button
          type="button"
          className="button"
          disabled={!file || busy}
          onClick={() => void run({ crs, dryRun: true, replaceDemo })}
          data-testid="dry-run"
        >
          {t('admin.dryRun')}
        </button>
        <button
          type="button"
          disabled={!canImport}
          onClick={() => void run({ crs, dryRun: false, replaceDemo, ...(deletes ? { confirmCity: typed } : {}) })}
          data-testid="import"
          className={deletes ? 'button danger' : 'button'}
        >
          {deletes ? t('admin.importDestructive') : t('admin.import')}
        </button>
        {busy && <span className="muted">{t('app.loading')}</span>}
      </div>
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      {deletes && (
        <div className="panel">
          <DemoDeletionWarning deletes={deletes} imports={report?.counts.new ?? 0} />
          <CityConfirmation city={deletes.cityName} typed={typed} onType={setTyped} />
        </div>
      )}
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
        {t(`admin.status.${report.status}`)} ·{' '}
        {/* Replacing the demonstration, no existing compound "stays as it is": they all go (said above, in red). */}
        {report.deletes
          ? t('admin.countsReplacing', { rows: report.rows, new: c.new, compounds: report.deletes.compounds })
          : t('admin.counts', {
              rows: report.rows,
              new: c.new,
              updated: c.updated,
              unchanged: c.unchanged,
              untouched: c.untouched,
            })}
      </h3>
      {report.problems.length > 0 && (
        <table className="data" data-testid="ledger-problems">
          <thead>
            <tr>
              <th>{t('admin.row')}</th>
              <th>{t('admin.column')}</th>
              <th>{t('admin.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.slice(0, SHOWN).map((p, i) => (
              <tr key={i}>
                <td>{p.row || ''}</td>
                <td>{p.column}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.warnings.length > 0 && (
        <details>
          <summary>{t('admin.warnings', { count: report.warnings.length })}</summary>
          <ul>
            {report.warnings.slice(0, SHOWN).map((w, i) => (
              <li key={i}>
                {w.row ? `${t('admin.row')} ${w.row} ${w.column}${t('punct.colon')}` : ''}
                {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.problems.length === 0 && report.changes.length > 0 && (
        <table className="data" data-testid="ledger-changes">
          <thead>
            <tr>
              <th>{t('admin.row')}</th>
              <th>{t('admin.code')}</th>
              <th>{t('admin.compoundName')}</th>
              <th>{t('admin.change')}</th>
            </tr>
          </thead>
          <tbody>
            {report.changes.slice(0, SHOWN).map((ch) => (
              <tr key={ch.code}>
                <td>{ch.row}</td>
                <td>{ch.code}</td>
                <td>{ch.name}</td>
                <td>
                  {ch.action === 'new'
                    ? t('admin.new')
                    : ch.changes.map((f) => `${f.label} ${show(f.before)} → ${show(f.after)}`).join(t('punct.list'))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.changes.length > SHOWN && (
        <p className="muted">{t('admin.more', { count: report.changes.length - SHOWN })}</p>
      )}
    </section>
  );
}
