/** The workbench's filter and selection in words, for the 说明 sheet of its XLSX (which filter made the file). */
import type { CompoundFilter } from '../../../../shared/compounds/compoundFilter.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function describeFilter(
  filter: CompoundFilter,
  options: { t: Translate; townshipName(code: string): string; selection: boolean },
): string {
  const { t } = options;
  const list = (legend: string, values: readonly string[], label: (v: string) => string = (v) => v) =>
    values.length ? `${legend}：${values.map(label).join('、')}` : '';
  const households =
    filter.householdsMin !== null || filter.householdsMax !== null
      ? `${t('workbench.households')}：${filter.householdsMin ?? ''}–${filter.householdsMax ?? ''}`
      : '';
  const parts = [
    filter.text.trim() ? `${t('workbench.search')}：“${filter.text.trim()}”` : '',
    list(t('workbench.townships'), filter.townships, options.townshipName),
    list(t('workbench.communities'), filter.communities),
    list(t('workbench.kind'), filter.kinds, (k) => t(`kind.${k}` as MessageKey)),
    list(t('workbench.companies'), filter.companies),
    list(t('layer.party'), filter.party, (v) => t(`class.party.${v}` as MessageKey)),
    list(t('layer.committee'), filter.committee, (v) => t(`class.committee.${v}` as MessageKey)),
    list(t('layer.rating'), filter.rating, (v) => t(`class.rating.${v}` as MessageKey)),
    list(t('layer.issues'), filter.issues, (v) => t(`class.issues.${v}` as MessageKey)),
    households,
    options.selection ? t('workbench.exportSelection') : '',
  ].filter(Boolean);
  return parts.length ? parts.join('；') : t('workbench.exportNoFilter');
}
