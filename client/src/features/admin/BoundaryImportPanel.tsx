/**
 * 边界导入 on `/admin` (administrators only): official township boundaries as GeoJSON or a zipped
 * Shapefile, uploaded as a file (FormData, up to 30 MB) with its coordinate system. A dry run
 * lists the townships matched, the features skipped, the townships the file leaves out and the
 * compounds that would fall outside their township (never moved); only a dry run of the same file
 * and coordinate system enables the import.
 */
import { useState } from 'react';
import { trpcClient, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CRS, useUpload, type Crs } from './useUpload.ts';
import { BoundaryPreview } from './BoundaryPreview.tsx';
import './adminTools.css';

type Report = RouterOutputs['ledger']['importBoundaries'];
const SHOWN = 500;

export function BoundaryImportPanel() {
  const { t } = useI18n();
  const [crs, setCrs] = useState<Crs>('wgs84');
  const { file, report, error, busy, run, choose, forget } = useUpload<Report>((form) =>
    trpcClient.ledger.importBoundaries.mutate(form),
  );

  return (
    <section className="panel boundary-import" data-testid="boundary-import">
      <h3>{t('admin.boundaryTitle')}</h3>
      <div className="admin-form">
        <label>
          {t('admin.boundaryFile')}{' '}
          <input
            type="file"
            accept=".geojson,.json,.zip"
            data-testid="boundary-file"
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
        <button
          type="button"
          className="button"
          disabled={!file || busy}
          onClick={() => void run({ crs, dryRun: true })}
          data-testid="boundary-dry-run"
        >
          {t('admin.dryRun')}
        </button>
        <button
          type="button"
          className="button"
          disabled={report?.status !== 'dry-run' || busy}
          onClick={() => void run({ crs, dryRun: false })}
          data-testid="boundary-import-button"
        >
          {t('admin.import')}
        </button>
        {busy && <span className="muted">{t('app.loading')}</span>}
      </div>
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      {report && <BoundaryReport report={report} />}
    </section>
  );
}

function BoundaryReport({ report }: { report: Report }) {
  const { t } = useI18n();
  return (
    <div data-testid="boundary-report">
      <h3>
        {t(`admin.boundaryStatus.${report.status}`)} ·{' '}
        {t('admin.boundaryCounts', {
          matched: report.matched.length,
          unmatched: report.unmatched.length,
          missing: report.missing.length,
          outside: report.outside.length,
        })}
        {report.allOfficial ? ` · ${t('admin.allOfficial')}` : ''}
      </h3>
      <BoundaryPreview report={report} />
      <table className="data" data-testid="boundary-matched">
        <thead>
          <tr>
            <th>{t('admin.township')}</th>
            <th>{t('admin.feature')}</th>
            <th>{t('admin.matchedBy')}</th>
            <th>{t('admin.area')}</th>
            <th>{t('admin.previousBoundary')}</th>
          </tr>
        </thead>
        <tbody>
          {report.matched.map((m) => (
            <tr key={m.code}>
              <td>
                {m.code} {m.name}
              </td>
              <td>{m.feature}</td>
              <td>{t(`admin.matchedBy.${m.matchedBy}`)}</td>
              <td>{m.areaKm2}</td>
              <td>{t(`admin.boundarySource.${m.previousSource}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.unmatched.length > 0 && (
        <details>
          <summary>
            {t('admin.listCount', { list: t('admin.unmatched'), count: String(report.unmatched.length) })}
          </summary>
          <ul>
            {report.unmatched.slice(0, SHOWN).map((u) => (
              <li key={u.feature}>{t('admin.skippedFeature', { feature: String(u.feature), label: u.label })}</li>
            ))}
          </ul>
        </details>
      )}
      {report.missing.length > 0 && (
        <details>
          <summary>{t('admin.listCount', { list: t('admin.missing'), count: String(report.missing.length) })}</summary>
          <ul>
            {report.missing.map((m) => (
              <li key={m.code}>
                {t('admin.keptTownship', { code: m.code, name: m.name, source: t(`admin.boundarySource.${m.source}`) })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.outside.length > 0 && (
        <>
          <h4>{t('admin.outside')}</h4>
          <table className="data" data-testid="boundary-outside">
            <thead>
              <tr>
                <th>{t('admin.code')}</th>
                <th>{t('admin.compoundName')}</th>
                <th>{t('admin.township')}</th>
                <th>{t('admin.fallsIn')}</th>
                <th>WGS84</th>
              </tr>
            </thead>
            <tbody>
              {report.outside.slice(0, SHOWN).map((o) => (
                <tr key={o.code}>
                  <td>{o.code}</td>
                  <td>{o.name}</td>
                  <td>{o.townshipName}</td>
                  <td>{o.fallsIn?.name ?? t('admin.nowhere')}</td>
                  <td>
                    {o.lon}, {o.lat}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.outside.length > SHOWN && (
            <p className="muted">{t('admin.more', { count: report.outside.length - SHOWN })}</p>
          )}
        </>
      )}
    </div>
  );
}
