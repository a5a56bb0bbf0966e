/**
 * The audit log as people read it, on both databases: filtered on the server by person,
 * township, kind of record and days; exported to XLSX in Chinese with date cells; every table of
 * the schema has a Chinese name, and a change reads field by field with no JSON; on screen the
 * same words in English for an English reader, and no raw key in either language.
 */
import ExcelJS from 'exceljs';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../../data/schema/index.ts';
import { auditLogXlsx } from '../../../../server/services/audit/auditExport.ts';
import { listAuditLog } from '../../../../server/services/audit/auditLog.ts';
import { addTarget, changeTarget } from '../../../../server/services/targets/manageTargets.ts';
import { actionName, FIELD_NAMES, fieldChanges, TABLE_NAMES, tableName } from '../../../../shared/audit/auditLabels.ts';
import { todayInCity } from '../../../../shared/time/dates.ts';
import { actorAs, callerAs } from '../../../support/callers.ts';
import { chineseOutside, dataWords, loadWorkbook, workbookTexts } from '../../../support/fileLanguage.ts';
import { auditLog } from '../../../../data/schema/index.ts';
import { auditRows } from '../../../../server/services/audit/auditLog.ts';
import { latinIdentifiers, schemaIdentifiers } from '../../../support/languageCheck.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const CHENDAI = '350582103';
const ANHAI = '350582106';

describe('audit labels', () => {
  it('names every table of the schema in Chinese, and the usual actions', () => {
    const tables = Object.values(schema)
      .filter((v) => is(v, PgTable))
      .map((t) => getTableName(t as PgTable));
    for (const t of tables) expect(TABLE_NAMES[t], t).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(['insert', 'update', 'delete', 'import', 'forbidden', 'login'].map((a) => actionName(a))).toEqual([
      '新增',
      '修改',
      '删除',
      '导入',
      '越权尝试',
      '登录',
    ]);
    expect(tableName('resident_issues')).toBe('群众诉求');
    expect(tableName('admin.auditLog')).toBe('系统管理接口');
  });

  it('reads a change field by field, nested rules flattened, no JSON', () => {
    const lines = fieldChanges(
      { blackList: { bottomN: 3, minOverdueShare: 0.4 }, redList: { topN: 3 } },
      { blackList: { bottomN: 5, minOverdueShare: null }, redList: { topN: 3 } },
    );
    expect(lines.map((l) => [l.label, l.before, l.after])).toEqual([
      ['黑榜 · 后几名', '3', '5'],
      ['黑榜 · 超期诉求占比', '0.4', '（空）'],
    ]);
    const boundary = fieldChanges(
      {
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [118, 24],
              [118.1, 24],
              [118, 24.1],
              [118, 24],
            ],
          ],
        },
      },
      { boundary: { type: 'MultiPolygon', coordinates: [] }, boundarySource: 'official' },
    );
    expect(boundary.map((l) => [l.label, l.before, l.after])).toEqual([
      ['边界', '边界图形（4 个点）', '边界图形（0 个点）'],
      ['边界来源', '', '官方'],
    ]);
    const inserted = fieldChanges(null, { indicator: 'committeeRate', source: 'assumed', disabled: false });
    expect(inserted.map((l) => `${l.label}:${l.after}`)).toEqual(['指标:业委会组建率', '来源:假设', '已停用:否']);
  });
});

describe('audit labels in English', () => {
  const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

  it('names every table, action and field the Chinese names, in English', () => {
    const tables = Object.values(schema)
      .filter((v) => is(v, PgTable))
      .map((t) => getTableName(t as PgTable));
    for (const t of tables) expect(tableName(t, 'en'), t).toMatch(/^[A-Z][A-Za-z' -]+$/);
    expect(['insert', 'update', 'forbidden', 'login'].map((a) => actionName(a, 'en'))).toEqual([
      'Added',
      'Changed',
      'Refused attempt',
      'Signed in',
    ]);
    expect(tableName('admin.auditLog', 'en')).toBe('Administration interface');
  });

  it('reads a change field by field in English, nested rules flattened, values by their names', () => {
    const lines = fieldChanges(
      { blackList: { bottomN: 3, minOverdueShare: 0.4 }, state: 'pending', chairIsPartySecretary: true },
      { blackList: { bottomN: 5, minOverdueShare: null }, state: 'answered', chairIsPartySecretary: false },
      'en',
    );
    expect(lines.map((l) => [l.label, l.before, l.after])).toEqual([
      ['Black list · Bottom N', '3', '5'],
      ['Black list · Overdue issue share', '0.4', '(empty)'],
      ['State', 'Pending', 'Answered'],
      ['Chaired by the party secretary', 'Yes', 'No'],
    ]);
    // The role's Chinese name, as the account's row recorded it, reads in English too.
    const inserted = fieldChanges(
      null,
      { indicator: 'committeeRate', source: 'assumed', role: 'township_staff', roleName: '镇街工作人员' },
      'en',
    );
    expect(inserted.map((l) => `${l.label}:${l.after}`)).toEqual([
      "Indicator:Owners' committee rate",
      'Source:Assumed',
      'Role:Township staff',
      'Role name:Township staff',
    ]);
  });

  it("says a warning run's causes by their rule, in either language", () => {
    const run = { asOf: '2026-11-25', raised: ['noMeeting:350582004-022:2026-10-10', 'issueOverdue:issue-7'] };
    expect(fieldChanges(null, run).map((l) => `${l.label}:${l.after}`)).toEqual([
      '截至日期:2026-11-25',
      '新发预警:四方联席会议久未召开（350582004-022 · 2026-10-10）、诉求严重逾期（issue-7）',
    ]);
    expect(fieldChanges(null, run, 'en').map((l) => `${l.label}:${l.after}`)).toEqual([
      'As of:2026-11-25',
      'Warnings raised:No four-party meeting for long (350582004-022 · 2026-10-10), Resident issue long overdue (issue-7)',
    ]);
  });

  it('has no Chinese in the English words', () => {
    const all = fieldChanges(
      null,
      {
        ...Object.fromEntries(Object.keys(FIELD_NAMES).map((k) => [k, 'leader'])),
        warnings: { raised: ['termEnding:x'], resolved: [true, false, null] },
      },
      'en',
    );
    for (const line of all) expect(`${line.label} ${line.after}`, line.field).not.toMatch(CJK);
  });
});

describe.each(availableBackends())('audit log filters and export (%s)', (kind) => {
  let fixture: TestDatabase;
  beforeAll(async () => {
    fixture = await openFixtureDatabase(kind);
  });
  afterAll(() => fixture?.dispose());

  it('filters by person, township, kind of record and days on the server', async () => {
    const { actor } = await actorAs(fixture, 'admin');
    const { actor: other } = await actorAs(fixture, 'business_admin');
    const fields = (townshipCode: string) => ({
      indicator: 'serviceQuality',
      townshipCode,
      value: 0.5,
      deadline: '2027-03-31',
      source: 'assumed',
      note: '',
    });
    const chendai = await addTarget(fixture.db, actor, fields(CHENDAI));
    await addTarget(fixture.db, other, fields(ANHAI));
    await changeTarget(fixture.db, actor, chendai.id, { ...fields(CHENDAI), value: 0.6 });

    const byTownship = await listAuditLog(fixture.db, { townshipCode: CHENDAI, tableName: 'targets' });
    expect(byTownship.rows.map((r) => [r.action, r.recordId])).toEqual([
      ['update', String(chendai.id)],
      ['insert', String(chendai.id)],
    ]);
    expect(byTownship.total).toBe(2);
    const byPerson = await listAuditLog(fixture.db, { userId: other.userId!, tableName: 'targets' });
    expect(
      byPerson.rows.map((r) => [r.displayName, r.role, (r.after as { townshipCode: string }).townshipCode]),
    ).toEqual([[other.displayName, 'business_admin', ANHAI]]);
    const today = todayInCity();
    expect((await listAuditLog(fixture.db, { tableName: 'targets', from: today, to: today })).total).toBe(3);
    expect((await listAuditLog(fixture.db, { tableName: 'targets', to: '2020-01-01' })).total).toBe(0);
    const paged = await listAuditLog(fixture.db, { tableName: 'targets', page: 2, pageSize: 2 });
    expect(paged.rows).toHaveLength(1);
  });

  it('exports the filtered log to XLSX: Chinese words, one row per field, date cells', async () => {
    const body = await auditLogXlsx(fixture.db, { townshipCode: CHENDAI, tableName: 'targets' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as never);
    const sheet = book.getWorksheet('审计日志')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '时间（北京时间）',
      '人员',
      '角色',
      '操作',
      '数据',
      '记录',
      '次数',
      '字段',
      '修改前',
      '修改后',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const update = rows.filter((r) => r[4] === '修改');
    expect(update.map((r) => [r[5], r[8], r[9], r[10]])).toEqual([['目标', '目标值', '0.5', '0.6']]);
    expect(update[0]![1]).toBeInstanceOf(Date);
    expect(update[0]![3]).toBe('管理员');
    expect(rows.filter((r) => r[4] === '新增').map((r) => r[8])).toContain('来源');
    for (const r of rows) expect(JSON.stringify(r)).not.toMatch(/\{|insert|targets/);
  });

  it('exports the log in English for a reader in English: headers, roles, actions, data and fields named as on screen', async () => {
    const english = await callerAs(fixture, 'admin', { locale: 'en' });
    const file = await english.admin.auditExport({ tableName: 'targets' });
    expect(file.fileName).toBe('audit-log.xlsx');
    const book = await loadWorkbook(file.base64);
    const sheet = book.getWorksheet('Audit log')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Time (Beijing)',
      'Person',
      'Role',
      'Action',
      'Data',
      'Record',
      'Times',
      'Field',
      'Before',
      'After',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const update = rows.filter((r) => r[4] === 'Changed' && r[8] === 'Target value');
    expect(update.map((r) => [r[3], r[5], r[9], r[10]])).toContainEqual(['Administrator', 'Targets', '0.5', '0.6']);
    // No schema name or raw JSON in place of a word, as in Chinese.
    for (const r of rows) expect(JSON.stringify(r)).not.toMatch(/\{|insert|"targets"|"value"/);
    // What people recorded (names, notes) is data: every string the log holds.
    const recorded = new Set(await dataWords(fixture.db));
    const collect = (v: unknown): void => {
      if (typeof v === 'string') recorded.add(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    for (const r of await fixture.db.select({ before: auditLog.before, after: auditLog.after }).from(auditLog)) {
      collect(r.before);
      collect(r.after);
    }
    expect(chineseOutside(workbookTexts(book), [...recorded])).toEqual([]);
    // The whole log, every kind of action and record this database holds.
    const whole = await loadWorkbook((await english.admin.auditExport({})).base64);
    expect(whole.getWorksheet('Audit log')!.rowCount).toBeGreaterThan(sheet.rowCount);
    expect(chineseOutside(workbookTexts(whole), [...recorded])).toEqual([]);
    expect(sheet.rowCount).toBe(
      (await loadWorkbook(await auditLogXlsx(fixture.db, { tableName: 'targets' }))).getWorksheet('审计日志')!.rowCount,
    );
  });
  it('shows no raw key on screen in Chinese, nor Chinese words in English, for the log as written', async () => {
    const { actor } = await actorAs(fixture, 'admin');
    await addTarget(fixture.db, actor, {
      indicator: 'committeeRate',
      townshipCode: ANHAI,
      value: 0.7,
      deadline: '2027-06-30',
      source: 'published',
      note: '',
    });
    const rows = await auditRows(fixture.db, {}, 5000);
    expect(rows.map((r) => r.action)).toContain('warnings.run');
    const identifiers = schemaIdentifiers();
    const TYPED = new Set(['username', 'displayName', 'name']);
    const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    for (const r of rows) {
      const zh = [actionName(r.action), tableName(r.tableName)];
      const en = [actionName(r.action, 'en'), tableName(r.tableName, 'en')];
      // What people typed (names) is data, shown as written.
      for (const f of fieldChanges(r.before, r.after))
        zh.push(f.label, ...(TYPED.has(f.field) ? [] : [f.before, f.after]));
      for (const f of fieldChanges(r.before, r.after, 'en'))
        en.push(f.label, ...(TYPED.has(f.field) ? [] : [f.before, f.after]));
      const seen = zh.filter(Boolean).map((text) => ({ text, where: `${r.action} ${r.tableName}` }));
      expect(latinIdentifiers(seen, identifiers)).toEqual([]);
      for (const text of en) expect(text, `${r.action} ${r.tableName}`).not.toMatch(CJK);
    }
  });
});
