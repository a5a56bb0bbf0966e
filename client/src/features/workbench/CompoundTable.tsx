/**
 * The compound table: sortable by any column (header buttons), windowed so that tens of
 * thousands of rows scroll smoothly (only the rows in view are in the DOM).
 */
import { useState, type UIEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { COLUMNS, type TableSort, type WorkbenchRow } from './compoundColumns.ts';

const ROW_HEIGHT = 30;
const OVERSCAN = 10;

interface Props {
  rows: readonly WorkbenchRow[];
  sort: TableSort;
  onSort(sort: TableSort): void;
  selected: string | null;
  onSelect(code: string): void;
  height: number;
}

export function CompoundTable({ rows, sort, onSort, selected, onSelect, height }: Props) {
  const { t } = useI18n();
  const [scrollTop, setScrollTop] = useState(0);
  const bodyHeight = Math.max(ROW_HEIGHT, height - ROW_HEIGHT);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN);
  const onScroll = (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop);
  const colgroup = (
    <colgroup>
      {COLUMNS.map((c) => (
        <col key={c.key} style={{ width: c.width }} />
      ))}
    </colgroup>
  );

  return (
    <div
      className="compound-table"
      role="region"
      aria-label={t('workbench.table')}
      data-testid="compound-table"
      data-rows={rows.length}
    >
      <table className="data fixed" aria-rowcount={rows.length + 1}>
        {colgroup}
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  className={c.numeric ? 'num' : undefined}
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() => onSort({ key: c.key, descending: active ? !sort.descending : c.numeric === true })}
                  >
                    {t(c.header)}
                    <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
      </table>
      {rows.length === 0 ? (
        <p className="message" role="status">
          {t('workbench.noRows')}
        </p>
      ) : (
        <div
          className="table-scroll"
          style={{ height: bodyHeight }}
          onScroll={onScroll}
          tabIndex={0}
          aria-label={t('workbench.tableRows', { count: rows.length })}
        >
          <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
            <table className="data fixed" style={{ position: 'absolute', top: first * ROW_HEIGHT, left: 0, right: 0 }}>
              {colgroup}
              <tbody>
                {rows.slice(first, last).map((row, i) => (
                  <tr
                    key={row.code}
                    aria-rowindex={first + i + 2}
                    className={row.code === selected ? 'selected' : undefined}
                    style={{ height: ROW_HEIGHT }}
                    data-code={row.code}
                  >
                    {COLUMNS.map((c, j) => (
                      <td key={c.key} className={c.numeric ? 'num' : undefined} title={j === 0 ? row.code : undefined}>
                        {j === 0 ? (
                          <button type="button" className="link small" onClick={() => onSelect(row.code)}>
                            {c.text(row, t)}
                          </button>
                        ) : (
                          c.text(row, t)
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
