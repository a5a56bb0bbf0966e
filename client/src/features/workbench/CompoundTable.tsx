/**
 * The compound table: sortable by any column (header buttons), windowed so that tens of
 * thousands of rows scroll smoothly (only the rows in view are in the DOM). Narrower than its
 * columns' least widths (a laptop with the filters open), it scrolls sideways rather than cutting
 * its headers; a cell cut short shows its whole text on hover.
 */
import { useState, type UIEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { COLUMNS, TABLE_MIN_WIDTH, type TableSort, type WorkbenchRow } from './compoundColumns.ts';

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
  // The header scrolls with the rows (sideways, when the table is wider than its box) and sticks
  // to the top; the window of rows counts from the top of the box, the overscan covers the header.
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const onScroll = (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop);
  const colgroup = (
    <colgroup>
      {COLUMNS.map((c) => (
        <col key={c.key} style={{ width: c.width }} />
      ))}
    </colgroup>
  );
  const tableStyle = { minWidth: TABLE_MIN_WIDTH };

  return (
    <div
      className="compound-table"
      role="region"
      aria-label={t('workbench.table')}
      data-testid="compound-table"
      data-rows={rows.length}
    >
      <div
        className="table-scroll"
        style={{ height }}
        onScroll={onScroll}
        tabIndex={0}
        aria-label={t('workbench.tableRows', { count: rows.length })}
      >
        <table className="data fixed table-header" style={tableStyle} aria-rowcount={rows.length + 1}>
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
          <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative', minWidth: TABLE_MIN_WIDTH }}>
            <table
              className="data fixed"
              style={{ ...tableStyle, position: 'absolute', top: first * ROW_HEIGHT, left: 0, right: 0 }}
            >
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
                    {COLUMNS.map((c, j) => {
                      const text = c.text(row, t);
                      // The whole text on hover: a narrow column cuts names, companies and committees short.
                      return (
                        <td
                          key={c.key}
                          className={c.numeric ? 'num' : undefined}
                          title={j === 0 ? `${text}${t('punct.paren', { text: row.code })}` : text}
                        >
                          {j === 0 ? (
                            <button type="button" className="link small" onClick={() => onSelect(row.code)}>
                              {text}
                            </button>
                          ) : (
                            text
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
