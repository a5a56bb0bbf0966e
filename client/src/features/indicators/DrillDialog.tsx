/** The compounds behind a rate: numerator, denominator, and why each is in or out. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { IndicatorKey } from '../layers/choropleth.ts';
import { useMe } from '../auth/session.ts';
import { canSupervise } from '../supervision/supervisionUi.ts';
import { useIssueDialog } from '../supervision/useIssueDialog.tsx';

export interface DrillData {
  numerator: number;
  denominator: number;
  compounds: readonly {
    code: string;
    name: string;
    /** Present where the rows come from the engine: lets a supervisor issue an item for the ticked ones. */
    townshipCode?: string;
    townshipName: string;
    inDenominator: boolean;
    inNumerator: boolean;
    reason: string;
  }[];
}

/** The engine's drill-through for a township or the city. */
export function DrillDialog({
  indicator,
  asOf,
  townshipCode,
  onClose,
}: {
  indicator: IndicatorKey;
  asOf: string;
  townshipCode: string | null;
  onClose(): void;
}) {
  const drill = useQuery(
    trpc.metrics.drill.queryOptions({ indicator, asOf, ...(townshipCode ? { townshipCode } : {}) }),
  );
  return <DrillDialogView indicator={indicator} data={drill.data} onClose={onClose} />;
}

export function DrillDialogView({
  indicator,
  data,
  onClose,
}: {
  indicator: IndicatorKey;
  data: DrillData | undefined;
  onClose(): void;
}) {
  const { t } = useI18n();
  const title = t('drill.title', { indicator: t(`indicator.${indicator}`) });
  // 督办: the ticked compounds that are in the denominator but not counted, all of one township.
  const [ticked, setTicked] = useState<readonly string[]>([]);
  const picked = (data?.compounds ?? []).filter((c) => ticked.includes(c.code));
  const township = picked[0];
  const oneTownship =
    township?.townshipCode !== undefined && picked.every((c) => c.townshipCode === township.townshipCode);
  const issue = useIssueDialog(
    oneTownship
      ? { townshipCode: township.townshipCode!, townshipName: township.townshipName, reviewWeek: null }
      : null,
  );
  const canTick = canSupervise(useMe().data);
  const tick = (code: string) =>
    setTicked((prev) => (prev.includes(code) ? prev.filter((c) => c !== code) : [...prev, code]));
  return (
    <div
      className="dialog-backdrop"
      role="presentation"
      onClick={onClose}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onClick={(e) => e.stopPropagation()}
        data-testid="drill-dialog"
      >
        <header>
          <h2>{title}</h2>
          <span className="muted" data-testid="drill-fraction">
            {data ? `${data.numerator} / ${data.denominator}` : t('app.loading')}
          </span>
          {canTick && picked.length > 0 && (
            <button
              type="button"
              className="button primary"
              disabled={!oneTownship}
              title={oneTownship ? undefined : t('supervision.oneTownship')}
              onClick={() =>
                issue.open(indicator, {
                  compounds: picked.map((c) => ({ code: c.code, name: c.name })),
                  preselect: ticked,
                })
              }
              data-testid="sv-drill-issue"
            >
              {t('supervision.drillIssue', { count: picked.length })}
            </button>
          )}
          <button type="button" className="close" aria-label={t('card.close')} onClick={onClose} autoFocus>
            ×
          </button>
        </header>
        <div className="dialog-body">
          <table className="data">
            <thead>
              <tr>
                {canTick && <th scope="col" aria-label={t('supervision.pick')} />}
                <th scope="col">{t('drill.compound')}</th>
                <th scope="col">{t('drill.township')}</th>
                <th scope="col">{t('drill.numerator')}</th>
                <th scope="col">{t('drill.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {data?.compounds.map((c) => (
                <tr
                  key={c.code}
                  className={c.inDenominator ? (c.inNumerator ? 'in' : '') : 'excluded'}
                  data-code={c.code}
                  data-in-numerator={c.inNumerator}
                  data-in-denominator={c.inDenominator}
                >
                  {canTick && (
                    <td>
                      {c.inDenominator && !c.inNumerator && c.townshipCode !== undefined && (
                        <input
                          type="checkbox"
                          checked={ticked.includes(c.code)}
                          aria-label={`${t('supervision.pick')}：${c.name}`}
                          onChange={() => tick(c.code)}
                          data-testid="sv-drill-pick"
                        />
                      )}
                    </td>
                  )}
                  <td>{c.name}</td>
                  <td>{c.townshipName}</td>
                  <td>{c.inDenominator ? (c.inNumerator ? '✓' : '') : t('drill.excluded')}</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {issue.dialog}
      </div>
    </div>
  );
}
