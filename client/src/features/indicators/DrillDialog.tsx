/**
 * The compounds behind a rate as a working list (DrillList): beside the map rather than over it,
 * so the compounds listed are seen highlighted there; "在地图上显示" closes the list and keeps the
 * highlight. Exported as XLSX by the server, with the same filter and order.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { DrillFilter, DrillRow, DrillSort } from '../../../../shared/indicators/drillList.ts';
import { saveBase64File } from '../../app/download.ts';
import { trpc, trpcClient } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { IndicatorKey } from '../layers/choropleth.ts';
import { DrillList, listedRows } from './DrillList.tsx';
import { canSupervise } from '../supervision/supervisionUi.ts';
import { useIssueDialog } from '../supervision/useIssueDialog.tsx';
import { useMe } from '../auth/session.ts';

/** A row as the workbench has it (its own rows' contributions): the reason's group and date may be missing. */
type ViewRow = Omit<DrillRow, 'reasonGroup' | 'reasonDate' | 'initials'> &
  Partial<Pick<DrillRow, 'reasonGroup' | 'reasonDate' | 'initials'>>;

export interface DrillData {
  numerator: number;
  denominator: number;
  compounds: readonly ViewRow[];
}

interface Actions {
  /** Whether the scope meets its goal: decides which section comes first (unmet or unknown: not counted first). */
  goalMet?: boolean | null;
  /** The name was clicked: open its card (the list closes). */
  onOpenCompound?: (code: string) => void;
  /** The codes listed now, in order, for the map behind; null when the list closes. */
  onHighlight?: (codes: readonly string[] | null) => void;
  /** Close the list and keep these compounds highlighted on the map. */
  onShowOnMap?: (codes: readonly string[]) => void;
}

/** The engine's drill-through for a township or the city. */
export function DrillDialog({
  indicator,
  asOf,
  townshipCode,
  onClose,
  ...actions
}: {
  indicator: IndicatorKey;
  asOf: string;
  townshipCode: string | null;
  onClose(): void;
} & Actions) {
  const scope = { indicator, asOf, ...(townshipCode ? { townshipCode } : {}) };
  const drill = useQuery(trpc.metrics.drill.queryOptions(scope));
  return (
    <DrillDialogView
      indicator={indicator}
      asOf={asOf}
      data={drill.data}
      onClose={onClose}
      onExport={async (filter, sort) =>
        saveBase64File(
          await trpcClient.metrics.drillExport.mutate({
            ...scope,
            filter: withoutEmpty(filter),
            sort,
            goalMet: actions.goalMet ?? null,
          }),
        )
      }
      {...actions}
    />
  );
}

const withoutEmpty = (filter: DrillFilter): DrillFilter =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as DrillFilter;

const complete = (rows: readonly ViewRow[]): DrillRow[] =>
  rows.map((r) => ({
    ...r,
    initials: r.initials ?? '',
    reasonGroup: r.reasonGroup ?? r.reason,
    reasonDate: r.reasonDate ?? null,
  }));

export function DrillDialogView({
  indicator,
  asOf,
  data,
  onClose,
  onExport,
  goalMet = null,
  onOpenCompound,
  onHighlight,
  onShowOnMap,
}: {
  indicator: IndicatorKey;
  /** The day listed, when one (the workbench's selection lists its own rows). */
  asOf?: string;
  data: DrillData | undefined;
  onClose(): void;
  onExport?: (filter: DrillFilter, sort: DrillSort) => Promise<void>;
} & Actions) {
  const { t } = useI18n();
  const title = t('drill.title', { indicator: t(`indicator.${indicator}`) });
  const [filter, setFilter] = useState<DrillFilter>({});
  const [sort, setSort] = useState<DrillSort>({ key: 'township', descending: false });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const rows = useMemo(() => complete(data?.compounds ?? []), [data]);
  const sections = useMemo(
    () => listedRows(rows, indicator, { goalMet, filter, sort }),
    [rows, indicator, goalMet, filter, sort],
  );
  const listed = useMemo(() => sections.flatMap((s) => s.rows).map((r) => r.code), [sections]);
  // 督办: the listed compounds that keep the value from its goal, when they are of one township
  // (filter by township first for the city): one item is for one township.
  const short = sections.find((s) => s.section === 'short')?.rows ?? [];
  const first = short[0];
  const oneTownship = first !== undefined && short.every((r) => r.townshipCode === first.townshipCode);
  const issue = useIssueDialog(
    oneTownship ? { townshipCode: first.townshipCode, townshipName: first.townshipName, reviewWeek: null } : null,
  );
  const maySupervise = canSupervise(useMe().data) && asOf !== undefined;
  useEffect(() => {
    if (data) onHighlight?.(listed);
  }, [data, listed, onHighlight]);

  const exportList = async () => {
    if (!onExport) return;
    setExporting(true);
    setExportError(null);
    try {
      await onExport(filter, sort);
    } catch (error) {
      setExportError(t('drill.exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div
      className="dialog-backdrop drill-backdrop"
      role="presentation"
      onClick={onClose}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div
        className="dialog drill-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onClick={(e) => e.stopPropagation()}
        data-testid="drill-dialog"
        data-as-of={asOf}
        data-ready={data !== undefined}
      >
        <header>
          <h2>{title}</h2>
          <span className="muted" data-testid="drill-fraction">
            {data ? `${data.numerator} / ${data.denominator}` : t('app.loading')}
          </span>
          {onShowOnMap && data && (
            <button
              type="button"
              className="button"
              onClick={() => onShowOnMap(listed)}
              data-testid="drill-show-on-map"
            >
              {t('drill.showOnMap')}
            </button>
          )}
          {maySupervise && short.length > 0 && (
            <button
              type="button"
              className="button primary"
              disabled={!oneTownship}
              title={oneTownship ? undefined : t('supervision.oneTownship')}
              onClick={() =>
                issue.open(indicator, {
                  compounds: short.map((c) => ({ code: c.code, name: c.name })),
                  preselect: short.map((c) => c.code),
                })
              }
              data-testid="sv-drill-issue"
            >
              {t('supervision.drillIssue', { count: short.length })}
            </button>
          )}
          {onExport && data && (
            <button
              type="button"
              className="button"
              onClick={() => void exportList()}
              disabled={exporting || listed.length === 0}
              data-testid="drill-export"
            >
              {exporting ? t('drill.exporting') : t('drill.export')}
            </button>
          )}
          <button type="button" className="close" aria-label={t('card.close')} onClick={onClose} autoFocus>
            ×
          </button>
        </header>
        <div className="dialog-body">
          {exportError && (
            <p className="error" role="alert">
              {exportError}
            </p>
          )}
          {data ? (
            <DrillList
              indicator={indicator}
              rows={rows}
              goalMet={goalMet}
              filter={filter}
              onFilter={setFilter}
              sort={sort}
              onSort={setSort}
              onOpenCompound={onOpenCompound}
            />
          ) : (
            <p className="muted">{t('app.loading')}</p>
          )}
        </div>
        {issue.dialog}
      </div>
    </div>
  );
}
