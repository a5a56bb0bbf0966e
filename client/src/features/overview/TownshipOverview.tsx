/**
 * A schematic overview: township outlines and compounds drawn as SVG from our own geodata,
 * with the city's headline counts. (The interactive map arrives with the map feature.)
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { projectToSvg, ringsOf, type Projection } from './svgProjection.ts';

type Township = RouterOutputs['geography']['townships'][number];
type Compound = RouterOutputs['compounds']['status'][number];

const WIDTH = 820;
const HEIGHT = 1000;

export function TownshipOverview({ townships, today }: { townships: Township[]; today: string }) {
  const { t } = useI18n();
  const compounds = useQuery(trpc.compounds.status.queryOptions({ asOf: today }));
  const projection = useMemo<Projection>(() => projectToSvg(townships.map((tw) => tw.boundary), WIDTH, HEIGHT, 16), [townships]);
  const rows = useMemo(() => compounds.data ?? [], [compounds.data]);
  const byTownship = useMemo(() => groupBy(rows, (c) => c.townshipCode), [rows]);
  const sum = (f: (c: Compound) => number) => rows.reduce((n, c) => n + f(c), 0);

  return (
    <div className="overview">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="overview-map" role="img" aria-label={t('overview.townships')}>
        {townships.map((tw) => (
          <path key={tw.code} className="township" d={ringsOf(tw.boundary).map((ring) => projection.path(ring)).join('')}>
            <title>{tw.name}</title>
          </path>
        ))}
        {rows.map((c) => {
          const [x, y] = projection.point(c.lon, c.lat);
          return <circle key={c.code} className={c.partyOrgType ? 'compound covered' : 'compound'} cx={x} cy={y} r={2 + Math.sqrt(c.households) / 12} />;
        })}
        {townships.map((tw) => {
          const [x, y] = projection.point(tw.seatLon, tw.seatLat);
          return (
            <text key={tw.code} className="township-label" x={x} y={y - 8}>
              {tw.name}
            </text>
          );
        })}
      </svg>
      <aside className="overview-panel">
        <p className="as-of">{t('overview.asOf', { date: today })}</p>
        <dl className="headline">
          <div><dt>{t('overview.townships')}</dt><dd>{townships.length}</dd></div>
          <div><dt>{t('overview.compounds')}</dt><dd data-testid="compound-count">{rows.length}</dd></div>
          <div><dt>{t('overview.households')}</dt><dd>{sum((c) => c.households).toLocaleString()}</dd></div>
          <div><dt>{t('overview.propertyManaged')}</dt><dd>{sum((c) => (c.propertyManaged ? 1 : 0))}</dd></div>
          <div><dt>{t('overview.partyOrg')}</dt><dd>{sum((c) => (c.partyOrgType ? 1 : 0))}</dd></div>
          <div><dt>{t('overview.committee')}</dt><dd>{sum((c) => (c.committeeInOffice ? 1 : 0))}</dd></div>
        </dl>
        <ol className="township-list">
          {townships.map((tw) => (
            <li key={tw.code}>
              <span>{tw.name}</span>
              <span className="muted">{t('overview.compoundCount', { count: byTownship.get(tw.code)?.length ?? 0 })}</span>
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
