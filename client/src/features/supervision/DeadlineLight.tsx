/** An item's deadline light: a coloured dot and its words (the colour is never the only sign). */
import { SUPERVISION_STATE_LABELS } from '../../../../shared/supervision/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { lightCss, lightText, type SupervisionItem } from './supervisionUi.ts';

export function DeadlineLight({
  item,
}: {
  item: Pick<SupervisionItem, 'light' | 'daysLeft' | 'deadline' | 'closedAt'>;
}) {
  const { t } = useI18n();
  return (
    <span className={`sv-light sv-light-${item.light ?? 'closed'}`} data-testid="sv-light">
      <span className="dot" style={{ background: lightCss(item) }} aria-hidden="true" />
      {lightText(item, t)}
    </span>
  );
}

export function StateTag({ item }: { item: Pick<SupervisionItem, 'displayState'> }) {
  const { t } = useI18n();
  return (
    <span className={`tag sv-state sv-state-${item.displayState}`} data-testid="sv-state">
      {t(`supervision.state.${item.displayState}`)}
    </span>
  );
}

/** The stored labels in one place, for screens that need the Chinese words without the catalogue. */
export const STATE_WORDS = SUPERVISION_STATE_LABELS;
