/**
 * `importLedger`: a compound ledger (Excel or CSV) into the database, all or nothing.
 *
 * read the file → validate every row (every problem reported, with row and column) → compare
 * with the database (new / updated with field diffs / unchanged) → unless a dry run, write it all
 * in one transaction, mark the dataset as a real ledger and write the audit log.
 */
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { disableDemoAccounts } from '../auth/demoAccounts.ts';
import { clearDemoRecords } from '../dataset/clearDemoRecords.ts';
import { markLedgerDataset, readDatasetInfo } from '../dataset/datasetInfo.ts';
import { BadInputError } from '../errors.ts';
import { makeCityAreaTest } from '../geo/cityArea.ts';
import { ensureGeography, townshipRefs } from '../geo/ensureGeography.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { applyLedger } from './applyLedger.ts';
import { countDemoDeletion, requireCityConfirmation, type DemoDeletion } from './demoReplacement.ts';
import { parseLedger } from './parseLedger.ts';
import { emptyLedgerState, loadLedgerState, planLedger, type FieldChange, type LedgerPlan } from './planLedger.ts';
import { readLedgerFile, type LedgerFile } from './readLedgerFile.ts';
import type { Crs } from './validateRow.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { fieldChangeIn, problemIn, type ReportedProblem } from './ledgerReportWords.ts';
import { deferCountsTimeline, rebuildCountsTimeline } from '../metrics/countsTimeline.ts';
import { LEDGER_WORDS } from './ledgerWords.ts';

export interface LedgerImportOptions {
  crs: Crs;
  dryRun: boolean;
  /** Required when the database holds the demonstration: it is removed first (townships and targets stay). */
  replaceDemo?: boolean;
  /**
   * Who asks: the browser ('web') must send the city's name typed by the person before an import
   * that deletes the demonstration (its refusals say what to tick, not which flag to add); the
   * command line's --replace-demo is its own confirmation. Default 'cli'.
   */
  via?: 'cli' | 'web';
  /** From the browser: the city's name as typed to confirm a destructive import. */
  confirmCity?: string;
  /** The user importing; null from the command line. */
  userId?: number | null;
  /** Defaults to today in Asia/Shanghai (tests pin it). */
  today?: string;
  /** The language the report's sentences are written in; Chinese by default. */
  locale?: Locale;
}

export interface LedgerProgress {
  phase: 'validate' | 'write';
  done: number;
  total: number;
}

export interface LedgerChange {
  row: number;
  code: string;
  name: string;
  action: 'new' | 'updated';
  changes: FieldChange[];
}

export interface LedgerImportReport {
  /** invalid: nothing written, see problems; dry-run: nothing written, see changes; imported: written. */
  status: 'invalid' | 'dry-run' | 'imported';
  file: string;
  crs: Crs;
  rows: number;
  /** In the reader's language (options.locale), columns named as ledgerReportWords.ts says. */
  problems: ReportedProblem[];
  warnings: ReportedProblem[];
  counts: {
    new: number;
    updated: number;
    unchanged: number;
    untouched: number;
    newCommunities: number;
    newCompanies: number;
  };
  /** New and updated compounds, in file order. */
  changes: LedgerChange[];
  replacedDemo: boolean;
  /** What a real import deletes (replacing the demonstration); null when it deletes nothing. */
  deletes: DemoDeletion | null;
}

/** The Chinese; both languages in LEDGER_WORDS. */
export const DEMO_REFUSAL = LEDGER_WORDS.demoRefusal['zh-CN'];

class Rollback extends Error {}

/** Imports (or tries) the ledger and logs the outcome: who, which file, what it changed or why not. */
export async function importLedger(
  db: Db,
  file: LedgerFile,
  options: LedgerImportOptions,
  onProgress: (progress: LedgerProgress) => void = () => {},
): Promise<LedgerImportReport> {
  const about = {
    event: 'ledger.import',
    file: file.name,
    dryRun: options.dryRun,
    replaceDemo: options.replaceDemo === true,
    userId: options.userId ?? null,
  };
  try {
    const report = await checkAndImportLedger(db, file, options, onProgress);
    log.info(
      {
        ...about,
        status: report.status,
        rows: report.rows,
        problems: report.problems.length,
        counts: report.counts,
        replacedDemo: report.replacedDemo,
      },
      '台账导入',
    );
    return report;
  } catch (error) {
    if (error instanceof BadInputError)
      log.warn({ ...about, status: 'refused', reason: error.message }, '台账导入被拒绝');
    throw error;
  }
}

async function checkAndImportLedger(
  db: Db,
  file: LedgerFile,
  options: LedgerImportOptions,
  onProgress: (progress: LedgerProgress) => void,
): Promise<LedgerImportReport> {
  const today = options.today ?? todayInCity();
  const locale = options.locale ?? 'zh-CN';
  const table = await readLedgerFile(file);
  const demo = (await readDatasetInfo(db)).source === 'demo';
  const web = options.via === 'web';
  if (demo && !options.replaceDemo)
    throw new BadInputError(web ? LEDGER_WORDS.webDemoRefusal : LEDGER_WORDS.demoRefusal);
  // Checked before anything is read or written: the typed name, not only the button.
  if (demo && web && !options.dryRun) requireCityConfirmation(options.confirmCity);
  const deletes = demo ? await countDemoDeletion(db) : null;
  const townships = await townshipRefs(db);
  const inCity = makeCityAreaTest(townships.filter((t) => t.boundarySource === 'official').map((t) => t.boundary));
  const parsed = parseLedger(table, { townships, crs: options.crs, today, inCity }, (done, total) =>
    onProgress({ phase: 'validate', done, total }),
  );
  const report = (status: LedgerImportReport['status'], plan: LedgerPlan | null): LedgerImportReport => ({
    status,
    file: file.name,
    crs: options.crs,
    rows: parsed.rows,
    problems: [...parsed.problems, ...(plan?.problems ?? [])]
      .sort((a, b) => a.row - b.row)
      .map((p) => problemIn(p, locale)),
    warnings: [...parsed.warnings, ...(plan?.warnings ?? [])]
      .sort((a, b) => a.row - b.row)
      .map((p) => problemIn(p, locale)),
    counts: {
      new: plan?.compounds.filter((c) => c.action === 'new').length ?? 0,
      updated: plan?.compounds.filter((c) => c.action === 'updated').length ?? 0,
      unchanged: plan?.compounds.filter((c) => c.action === 'unchanged').length ?? 0,
      untouched: plan?.untouched ?? 0,
      newCommunities: plan?.newCommunities.size ?? 0,
      newCompanies: plan?.newCompanies.size ?? 0,
    },
    changes: (plan?.compounds ?? []).flatMap((c) =>
      c.action === 'unchanged'
        ? []
        : [
            {
              row: c.row,
              code: c.code,
              name: c.name,
              action: c.action,
              changes: c.changes.map((f) => fieldChangeIn(f, locale)),
            },
          ],
    ),
    replacedDemo: demo && status === 'imported',
    deletes,
  });
  if (parsed.problems.length > 0) return report('invalid', null);

  if (options.dryRun) {
    const state = demo ? emptyLedgerState() : await loadLedgerState(db);
    const plan = planLedger(parsed.records, state, townships, today);
    return report(plan.problems.length > 0 ? 'invalid' : 'dry-run', plan);
  }

  let planned: LedgerPlan | null = null;
  try {
    await db.transaction(async (tx) => {
      // Read again inside the transaction: what is written is planned from what is there.
      const stillDemo = (await readDatasetInfo(tx)).source === 'demo';
      if (stillDemo !== demo) throw new BadInputError(LEDGER_WORDS.changedMeanwhile);
      const plan = planLedger(parsed.records, demo ? emptyLedgerState() : await loadLedgerState(tx), townships, today);
      planned = plan;
      if (plan.problems.length > 0) throw new Rollback();
      // Replacing the demonstration is a bulk load: one count of the city at the end.
      if (demo) await deferCountsTimeline(tx);
      if (demo) await clearDemoRecords(tx);
      // The demo accounts' passwords are published: they go with the demonstration, in this transaction.
      if (demo) await disableDemoAccounts(tx, options.userId ?? null);
      await ensureGeography(tx);
      const counts = report('imported', plan).counts;
      await applyLedger(
        tx,
        plan,
        {
          userId: options.userId ?? null,
          file: file.name,
          crs: options.crs,
          summary: { rows: parsed.rows, ...counts, replacedDemo: demo ? 1 : 0 },
        },
        (done, total) => onProgress({ phase: 'write', done, total }),
      );
      await markLedgerDataset(tx, { file: file.name, importedAt: new Date().toISOString() });
      if (demo) await rebuildCountsTimeline(tx);
    });
  } catch (error) {
    if (error instanceof Rollback) return report('invalid', planned);
    throw error;
  }
  return report('imported', planned);
}
