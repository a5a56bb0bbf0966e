/**
 * The drill-through's working list: the compounds in sections (those keeping the value from its
 * goal first while it is unmet), each with its reason; filters by township, reason and
 * community, a search by name, pinyin initials or code, and sortable columns. The grouping,
 * filtering and sorting are shared/indicators/drillList.ts, which the server's export uses too.
 */
import { useMemo } from 'react';
import {
  drillChoices,
  drillSections,
  type DrillFilter,
  type DrillRow,
  type DrillSection,
  type DrillSort,
  type DrillSortKey,
} from '../../../../shared/indicators/drillList.ts';
import { INDICATORS, type Direction } from '../../../../shared/indicators/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { IndicatorKey } from '../layers/choropleth.ts';

interface Props {
  indicator: IndicatorKey;
  rows: readonly DrillRow[];
  goalMet: boolean | null;
  filter: DrillFilter;
  onFilter(filter: DrillFilter): void;
  sort: DrillSort;
  onSort(sort: DrillSort): void;
  onOpenCompound?: ((code: string) => void) | undefined;
}

export const sectionTitleKey = (section: DrillSection, direction: Direction): MessageKey =>
  section === 'excluded' ? 'drill.section.excluded' : `drill.section.${section}.${direction}`;

/** The rows the list shows, in its order (for the map's highlight and the count). */
export function listedRows(
  rows: readonly DrillRow[],
  indicator: IndicatorKey,
  options: { goalMet: boolean | null; filter: DrillFilter; sort: DrillSort },
) {
  return drillSections(rows, { direction: INDICATORS[indicator].direction, ...options });
}

export function DrillList({ indicator, rows, goalMet, filter, onFilter, sort, onSort, onOpenCompound }: Props) {
  const { t } = useI18n();
  const direction = INDICATORS[indicator].direction;
  const perRecord = INDICATORS[indicator].unit !== 'rate';
  const choices = useMemo(() => drillChoices(rows), [rows]);
  const sections = useMemo(
    () => listedRows(rows, indicator, { goalMet, filter, sort }),
    [rows, indicator, goalMet, filter, sort],
  );
  const listed = sections.reduce((n, s) => n + s.rows.length, 0);
  const narrowed = Boolean(filter.townshipCode || filter.reasonGroup || filter.community || filter.search);

  const header = (key: DrillSortKey, label: string, className = '') => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={className}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="sort"
          data-sort={key}
          onClick={() => onSort({ key, descending: active ? !sort.descending : false })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <>
      <div className="drill-filters">
        <input
          type="search"
          value={filter.search ?? ''}
          placeholder={t('drill.searchHint')}
          aria-label={t('drill.search')}
          onChange={(e) => onFilter({ ...filter, search: e.target.value })}
          data-testid="drill-search"
        />
        {choices.townships.length > 1 && (
          <select
            value={filter.townshipCode ?? ''}
            onChange={(e) => onFilter({ ...filter, townshipCode: e.target.value || undefined, community: undefined })}
            aria-label={t('drill.township')}
            data-testid="drill-township"
          >
            <option value="">{t('drill.allTownships')}</option>
            {choices.townships.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
                {t('punct.paren', { text: c.count })}
              </option>
            ))}
          </select>
        )}
        <select
          value={filter.reasonGroup ?? ''}
          onChange={(e) => onFilter({ ...filter, reasonGroup: e.target.value || undefined })}
          aria-label={t('drill.reason')}
          data-testid="drill-reason"
        >
          <option value="">{t('drill.allReasons')}</option>
          {choices.reasons.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
              {t('punct.paren', { text: c.count })}
            </option>
          ))}
        </select>
        <select
          value={filter.community ?? ''}
          onChange={(e) => onFilter({ ...filter, community: e.target.value || undefined })}
          aria-label={t('drill.community')}
          data-testid="drill-community"
        >
          <option value="">{t('drill.allCommunities')}</option>
          {choices.communities
            .filter(
              (c) =>
                !filter.townshipCode ||
                rows.some((r) => r.community === c.value && r.townshipCode === filter.townshipCode),
            )
            .map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
                {t('punct.paren', { text: c.count })}
              </option>
            ))}
        </select>
        {narrowed && (
          <button type="button" className="link small" onClick={() => onFilter({})}>
            {t('drill.resetFilter')}
          </button>
        )}
        <span className="muted small" data-testid="drill-listed">
          {t('drill.listed', { count: listed })}
        </span>
      </div>
      <table className="data drill-table">
        <thead>
          <tr>
            {header('name', t('drill.compound'))}
            {header('township', t('drill.township'))}
            {header('community', t('drill.community'))}
            {header('value', t('drill.numerator'), 'num')}
            {header('reason', t('drill.reason'))}
            {header('date', t('drill.date'))}
            {header('households', t('drill.households'), 'num')}
          </tr>
        </thead>
        {sections.map(({ section, rows: sectionRows }) =>
          sectionRows.length === 0 ? null : (
            <tbody key={section} data-section={section}>
              <tr className="drill-section">
                <th scope="rowgroup" colSpan={7}>
                  {t(sectionTitleKey(section, direction))} · {sectionRows.length}
                </th>
              </tr>
              {sectionRows.map((c) => (
                <tr
                  key={c.code}
                  className={c.inDenominator ? (c.inNumerator ? 'in' : '') : 'excluded'}
                  data-code={c.code}
                  data-in-numerator={c.inNumerator}
                  data-in-denominator={c.inDenominator}
                >
                  <td>
                    {onOpenCompound ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => onOpenCompound(c.code)}
                        title={t('drill.openCompound', { name: c.name })}
                      >
                        {c.name}
                      </button>
                    ) : (
                      c.name
                    )}
                  </td>
                  <td>{c.townshipName}</td>
                  <td>{c.community}</td>
                  <td className="num">
                    {!c.inDenominator
                      ? t('drill.excluded')
                      : perRecord
                        ? t('drill.records', { count: c.numeratorContribution })
                        : c.inNumerator
                          ? '✓'
                          : '✗'}
                  </td>
                  <td data-testid="drill-row-reason">{c.reason}</td>
                  <td className="date">{c.reasonDate ?? ''}</td>
                  <td className="num">{c.households}</td>
                </tr>
              ))}
            </tbody>
          ),
        )}
      </table>
      {listed === 0 && <p className="muted">{t('drill.empty')}</p>}
    </>
  );
}
