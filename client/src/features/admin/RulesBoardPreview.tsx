/**
 * The current week's board under the rules in force and under the edited ones, side by side:
 * composite rank and score and the list each township is on; a row whose rank or list the
 * edit changes is marked. The red and black lists are named above each table.
 */
import type { RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { weekLabel } from '../../../../shared/time/weeks.ts';

type Preview = RouterOutputs['review']['previewRules'];
type Board = Preview['present'];

const listsOf = (t: Board['townships'][number] | undefined) => (t ? t.lists.join(',') : '');

export function RulesBoardPreview({ preview }: { preview: Preview }) {
  const { t, locale } = useI18n();
  const present = new Map(preview.present.townships.map((row) => [row.code, row]));
  return (
    <div className="side-by-side" data-testid="rules-preview">
      <BoardColumn
        title={t('rules.present', { week: weekLabel(preview.week, locale) })}
        board={preview.present}
        testId="board-present"
      />
      <BoardColumn
        title={t('rules.proposed', { week: weekLabel(preview.week, locale) })}
        board={preview.proposed}
        testId="board-proposed"
        changed={(row) => {
          const before = present.get(row.code);
          return before?.composite.rank !== row.composite.rank || listsOf(before) !== listsOf(row);
        }}
      />
    </div>
  );
}

function BoardColumn({
  title,
  board,
  testId,
  changed,
}: {
  title: string;
  board: Board;
  testId: string;
  changed?: (row: Board['townships'][number]) => boolean;
}) {
  const { t } = useI18n();
  const names = (list: Board['redList']) =>
    list.length ? list.map((e) => e.name).join(t('punct.names')) : t('rules.none');
  return (
    <div data-testid={testId}>
      <h4>{title}</h4>
      <p>
        <span className="tag red">{t('review.redList')}</span>{' '}
        <span data-testid="red-names">{names(board.redList)}</span>
      </p>
      <p>
        <span className="tag black">{t('review.blackList')}</span>{' '}
        <span data-testid="black-names">{names(board.blackList)}</span>
      </p>
      <table className="data">
        <thead>
          <tr>
            <th>{t('rules.rank')}</th>
            <th>{t('admin.township')}</th>
            <th>{t('rules.score')}</th>
            <th>{t('rules.list')}</th>
          </tr>
        </thead>
        <tbody>
          {board.townships.map((row) => (
            <tr key={row.code} className={changed?.(row) ? 'changed' : undefined}>
              <td className="num">{row.composite.rank ?? '—'}</td>
              <td>{row.name}</td>
              <td className="num">{row.composite.score === null ? '—' : row.composite.score.toFixed(1)}</td>
              <td>
                {row.lists.map((l) => (
                  <span key={l} className={`tag ${l}`}>
                    {l === 'red' ? t('review.red') : t('review.black')}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
