/**
 * The boundary dry run's map, drawn offline as SVG (no tiles): every township's outline before
 * (grey, dashed) and after (blue where the file replaces it), and the compounds that would fall
 * outside their township's new boundary (red dots). Lon/lat are drawn equirectangular with the
 * longitude scaled by cos(latitude), which at a county's size is true to shape.
 */
import type { RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';

type Report = RouterOutputs['ledger']['importBoundaries'];
const WIDTH = 640;

export function BoundaryPreview({ report }: { report: Report }) {
  const { t } = useI18n();
  const all = report.outlines.flatMap((o) => [...o.before, ...o.after].flat());
  if (all.length === 0) return null;
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = WIDTH / Math.max((maxLon - minLon) * kx, 1e-9);
  const height = Math.ceil((maxLat - minLat) * scale);
  const x = (lon: number) => ((lon - minLon) * kx * scale).toFixed(1);
  const y = (lat: number) => ((maxLat - lat) * scale).toFixed(1);
  const path = (rings: [number, number][][]) =>
    rings.map((ring) => `M${ring.map(([lon, lat]) => `${x(lon)},${y(lat)}`).join('L')}Z`).join('');
  return (
    <figure className="boundary-preview" data-testid="boundary-preview">
      <svg viewBox={`-4 -4 ${WIDTH + 8} ${height + 8}`} role="img" aria-label={t('admin.boundaryMap')}>
        {report.outlines.map((o) => (
          <path key={`b-${o.code}`} d={path(o.before)} className="outline-before" />
        ))}
        {report.outlines
          .filter((o) => o.changed)
          .map((o) => (
            <path key={`a-${o.code}`} d={path(o.after)} className="outline-after" data-code={o.code}>
              <title>{o.name}</title>
            </path>
          ))}
        {report.outside.map((c) => (
          <circle key={c.code} cx={x(c.lon)} cy={y(c.lat)} r={4} className="outside-dot">
            <title>{c.name}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="muted small">
        <span className="key before" /> {t('admin.boundaryBefore')} <span className="key after" />{' '}
        {t('admin.boundaryAfter')} <span className="key dot" /> {t('admin.boundaryOutsideDot')}
      </figcaption>
    </figure>
  );
}
