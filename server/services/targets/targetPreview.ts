/**
 * The effect of a target edit before it is saved: the five indicators judged for the city and
 * every township as of a day (today by default) with the targets in force, and with the edit
 * applied; what changes — the goal that applies, and the status (met / on_track / at_risk /
 * off_track, shared/indicators/status.ts). Also the overview the targets screen shows: which
 * target applies to each scope now, and whether a township follows the city's.
 */
import { TARGET_WORDS } from './targetWords.ts';
import type { Db } from '../../db/connection.ts';
import { INDICATOR_KEYS, type IndicatorKey, type IndicatorStatus } from '../../../shared/indicators/index.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { BadInputError } from '../errors.ts';
import { metricsReport, type MetricsReport } from '../metrics/metricsReport.ts';
import { applicableTarget, loadTargets, type Target } from '../metrics/targets.ts';
import { checkTargetFields } from './manageTargets.ts';

export type TargetEdit =
  { kind: 'add'; fields: unknown } | { kind: 'change'; id: number; fields: unknown } | { kind: 'retire'; id: number };

export interface ScopeVerdict {
  targetId: number | null;
  /** A township following the city's target (it has none of its own). */
  inherited: boolean;
  target: number | null;
  deadline: string | null;
  source: 'published' | 'assumed' | null;
  value: number | null;
  status: IndicatorStatus | null;
}

export interface ScopeIndicator {
  /** null = the city. */
  townshipCode: string | null;
  name: string;
  indicator: IndicatorKey;
}

export interface TargetEffect extends ScopeIndicator {
  before: ScopeVerdict;
  after: ScopeVerdict;
  statusChanged: boolean;
}

function verdicts(report: MetricsReport, all: readonly Target[], cityName: string) {
  const scopes = [
    { townshipCode: null, name: cityName, indicators: report.city.indicators },
    ...report.townships.map((t) => ({ townshipCode: t.code, name: t.name, indicators: t.indicators })),
  ];
  return scopes.flatMap((scope) =>
    INDICATOR_KEYS.map((indicator) => {
      const r = scope.indicators[indicator];
      const applied = applicableTarget(all, indicator, scope.townshipCode, report.asOf);
      return {
        townshipCode: scope.townshipCode,
        name: scope.name,
        indicator,
        verdict: {
          targetId: applied?.id ?? null,
          inherited: scope.townshipCode !== null && applied !== null && applied.townshipCode === null,
          target: r.target,
          deadline: r.deadline,
          source: r.targetSource,
          value: r.value,
          status: r.status,
        } satisfies ScopeVerdict,
      };
    }),
  );
}

/** Which target applies to each scope and indicator as of the day, with its status. */
export async function targetOverview(db: Db, options: { asOf?: string; cityName: string }) {
  const asOf = options.asOf ?? todayInCity();
  const all = await loadTargets(db);
  const report = await metricsReport(db, { asOf, targets: all });
  return { asOf, scopes: verdicts(report, all, options.cityName) };
}

async function editedTargets(db: Db, current: readonly Target[], edit: TargetEdit): Promise<Target[]> {
  const exists = (id: number) => {
    if (!current.some((t) => t.id === id)) throw new BadInputError(TARGET_WORDS.noCurrentTarget(id));
  };
  switch (edit.kind) {
    case 'add':
      // The largest id: after every stored one, as a new row would be.
      return [...current, { id: Number.MAX_SAFE_INTEGER, ...(await checkTargetFields(db, edit.fields)) }];
    case 'change': {
      exists(edit.id);
      const fields = await checkTargetFields(db, edit.fields);
      return current.map((t) => (t.id === edit.id ? { id: t.id, ...fields } : t));
    }
    case 'retire':
      exists(edit.id);
      return current.filter((t) => t.id !== edit.id);
  }
}

/** Every scope and indicator whose goal or status the edit changes, as of the day. Nothing written. */
export async function previewTargetEdit(
  db: Db,
  edit: TargetEdit,
  options: { asOf?: string; cityName: string },
): Promise<{ asOf: string; effects: TargetEffect[] }> {
  const asOf = options.asOf ?? todayInCity();
  const current = await loadTargets(db);
  const next = await editedTargets(db, current, edit);
  // One after the other: PGlite runs one query at a time; the second reuses the cached counts.
  const before = verdicts(await metricsReport(db, { asOf, targets: current }), current, options.cityName);
  const after = verdicts(await metricsReport(db, { asOf, targets: next }), next, options.cityName);
  const effects = before.flatMap((b, i) => {
    const a = after[i]!;
    const same =
      a.verdict.target === b.verdict.target &&
      a.verdict.deadline === b.verdict.deadline &&
      a.verdict.source === b.verdict.source &&
      a.verdict.status === b.verdict.status &&
      a.verdict.inherited === b.verdict.inherited;
    return same
      ? []
      : [
          {
            townshipCode: b.townshipCode,
            name: b.name,
            indicator: b.indicator,
            before: b.verdict,
            after: a.verdict,
            statusChanged: a.verdict.status !== b.verdict.status,
          },
        ];
  });
  return { asOf, effects };
}
