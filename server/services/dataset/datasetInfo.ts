/** What the loaded data is: a generated demonstration (演示数据), a real ledger, or nothing yet. */
import { datasetInfo } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import type { Locale } from '../../../shared/language/index.ts';

export interface DatasetInfo {
  source: 'demo' | 'ledger' | 'empty';
  seed: number | null;
  /** Last day of the generated history (demo data only). */
  asOf: string | null;
}

export async function readDatasetInfo(db: Db): Promise<DatasetInfo> {
  const rows = await db.select().from(datasetInfo);
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const source = map.get('source');
  return {
    source: source === 'demo' || source === 'ledger' ? source : 'empty',
    seed: map.has('seed') ? Number(map.get('seed')) : null,
    asOf: map.get('asOf') ?? null,
  };
}

export const DEMO_NOTICE = '演示数据：由程序按公开数字生成，并非真实台账';

/** What the data is, as the files the server writes say it, per language. */
export const DATA_NATURE: Record<Locale, { demo: string; ledger: string }> = {
  'zh-CN': { demo: DEMO_NOTICE, ledger: '真实台账' },
  en: { demo: 'Demo data: generated from published figures, not a real ledger', ledger: 'Real ledger' },
};

/** After a real ledger import: the data is a ledger (the 演示数据 badge goes), with when and from what. */
export async function markLedgerDataset(db: Db, facts: { file: string; importedAt: string }): Promise<void> {
  await db.delete(datasetInfo);
  await db.insert(datasetInfo).values([
    { key: 'source', value: 'ledger' },
    { key: 'ledgerFile', value: facts.file },
    { key: 'importedAt', value: facts.importedAt },
  ]);
}
