/**
 * Each early-warning rule on the hand-made city (tinyCity.ts): the hits worked out on paper, the
 * near misses not raised, a cause raised once however often the rules run (twice on D, again the
 * next day), warnings resolved when their cause is gone, a rule's autoIssue making a supervision
 * item (source 'warning'), and a dry run writing nothing. On both databases.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import type { Db } from '../../../../server/db/connection.ts';
import { runWarnings } from '../../../../server/services/warnings/runWarnings.ts';
import { listWarnings } from '../../../../server/services/warnings/warningQueries.ts';
import { readWarningRules, updateWarningRules } from '../../../../server/services/warnings/warningRules.ts';
import { DEFAULT_SUPERVISION_SUGGESTIONS } from '../../../../data/supervision-rules.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { availableBackends, openEmptyDatabase, type TestDatabase } from '../../../support/databases.ts';
import { at, buildTinyCity, closeIssueDueOn, D, JIA } from './tinyCity.ts';

const EXPECTED_ON_D = [
  'indicatorUnmet:350582001:deliberationCoverage:2024-W01',
  'issueOverdue:issue-1',
  'noMeeting:A1:2026-05-11',
  'noMeeting:A5:2026-05-16',
  'petitionSurge:A1:2026-06-29',
  'ratingDrop:A1:eval-2',
  'ratingDrop:A3:eval-6',
  'termEnding:A1:term-1',
];

async function rowCounts(db: Db) {
  const n = async (table: typeof s.supervisionWarnings | typeof s.supervisionItems | typeof s.auditLog) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    warnings: await n(s.supervisionWarnings),
    items: await n(s.supervisionItems),
    audit: await n(s.auditLog),
    revision: (await db.select().from(s.dataRevision))[0]?.revision,
  };
}

describe.each(availableBackends())('early-warning rules (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let ids: Record<string, number>;
  beforeAll(async () => {
    database = await openEmptyDatabase(kind);
    db = database.db;
    ids = await buildTinyCity(db);
  });
  afterAll(() => database?.dispose());

  it('finds in a dry run exactly the causes worked out on paper, and writes nothing', async () => {
    const before = await rowCounts(db);
    const run = await runWarnings(db, { asOf: D, dryRun: true });
    expect(run.raised.map((w) => w.causeKey).sort()).toEqual(EXPECTED_ON_D);
    expect(run.raised.every((w) => w.id === null)).toBe(true);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('raises each cause once with a Chinese sentence and its figures, audited as one run', async () => {
    const run = await runWarnings(db, { asOf: D });
    expect(run.raised.map((w) => w.causeKey).sort()).toEqual(EXPECTED_ON_D);
    const byKey = new Map(run.raised.map((w) => [w.causeKey, w]));
    expect(byKey.get('noMeeting:A1:2026-05-11')).toMatchObject({
      townshipCode: JIA,
      compoundCode: 'A1',
      details: 'A1小区已50天未召开四方联席会议（上次：2026-05-11）',
      figures: { days: 50 },
    });
    expect(byKey.get('termEnding:A1:term-1')!.details).toBe(
      'A1小区业委会任期将于2026-07-30届满（还剩30天），尚未登记换届',
    );
    expect(byKey.get('issueOverdue:issue-1')!.details).toContain('已逾期20天未办结');
    expect(byKey.get('ratingDrop:A1:eval-2')!.details).toBe('A1小区物业考评由5星（2025-12-12）降为3星（2026-06-10）');
    expect(byKey.get('ratingDrop:A3:eval-6')!.details).toContain('降为未达标');
    expect(byKey.get('petitionSurge:A1:2026-06-29')!.figures).toMatchObject({ count: 6, since: '2026-06-29' });
    expect(byKey.get('indicatorUnmet:350582001:deliberationCoverage:2024-W01')).toMatchObject({
      compoundCode: null,
      indicator: 'deliberationCoverage',
    });
    const stored = await listWarnings(db, { townshipCode: JIA });
    expect(stored.length).toBe(EXPECTED_ON_D.length);
    expect(stored.every((w) => w.state === 'open' && w.asOf === D && w.townshipName === '甲街道')).toBe(true);
    expect(stored.find((w) => w.compoundCode === 'A1')!.compoundName).toBe('A1小区');
    const audit = await db.select().from(s.auditLog).where(eq(s.auditLog.action, 'warnings.run'));
    expect(audit.length).toBe(1);
    expect((audit[0]!.after as { raised: string[] }).raised.sort()).toEqual(EXPECTED_ON_D);
  });

  it('raises nothing again when run a second time, nor the next day for the same causes', async () => {
    const again = await runWarnings(db, { asOf: D });
    expect([again.raised.length, again.resolved.length]).toEqual([0, 0]);
    // The next day A4 (last meeting D-44) reaches 45 days and the issue due D-15 is 16 days
    // overdue: two new causes; everything else is the same cause, not raised again.
    const next = await runWarnings(db, { asOf: at(1) });
    expect(next.raised.map((w) => w.causeKey).sort()).toEqual(['issueOverdue:issue-2', 'noMeeting:A4:2026-05-17']);
    expect(next.resolved).toEqual([]);
    const keys = (await listWarnings(db)).map((w) => w.causeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(EXPECTED_ON_D.length + 2);
  });

  it('resolves the warnings whose cause is gone, on the day the rules no longer find it', async () => {
    const day = at(2);
    await db.insert(s.meetings).values({ compoundId: ids.A1!, heldOn: day, attendees: 9 });
    await db.insert(s.committeeTerms).values({
      compoundId: ids.A1!,
      formedOn: at(30),
      termEnd: addDays(at(30), 1826),
      members: 5,
      partyMembers: 3,
    });
    await db
      .insert(s.evaluations)
      .values({ compoundId: ids.A1!, evaluatedOn: day, score: 85, safetyScore: 80, rating: '4' });
    await closeIssueDueOn(db, at(-20), day);
    const run = await runWarnings(db, { asOf: day });
    expect(run.resolved.map((w) => w.causeKey).sort()).toEqual([
      'issueOverdue:issue-1',
      'noMeeting:A1:2026-05-11',
      'ratingDrop:A1:eval-2',
      'termEnding:A1:term-1',
    ]);
    expect(run.raised).toEqual([]);
    const resolved = await listWarnings(db, { state: 'resolved' });
    expect(resolved.map((w) => w.resolvedOn)).toEqual([day, day, day, day]);
    // Resolved stays resolved: the next run does not touch it.
    expect((await runWarnings(db, { asOf: day })).resolved).toEqual([]);
  });

  it('turns a new warning into a supervision item when its rule says autoIssue', async () => {
    const settings = await updateWarningRules(db, null, { ratingDrop: { autoIssue: true } });
    expect(settings.rules.ratingDrop).toEqual({ enabled: true, threshold: 2, autoIssue: true });
    const day = at(3);
    await db
      .insert(s.evaluations)
      .values({ compoundId: ids.A2!, evaluatedOn: day, score: 40, safetyScore: 40, rating: 'fail' });
    const run = await runWarnings(db, { asOf: day });
    expect(run.raised.map((w) => w.causeKey)).toEqual(['ratingDrop:A2:eval-8']);
    expect(run.issued.length).toBe(1);
    const [item] = await db.select().from(s.supervisionItems).where(eq(s.supervisionItems.id, run.issued[0]!));
    expect(item).toMatchObject({
      townshipCode: JIA,
      compoundCodes: ['A2'],
      source: 'warning',
      sourceRef: 'ratingDrop:A2:eval-8',
      indicator: 'serviceQuality',
      task: DEFAULT_SUPERVISION_SUGGESTIONS.serviceQuality.task,
      deadline: addDays(day, DEFAULT_SUPERVISION_SUGGESTIONS.serviceQuality.days),
      issuedByName: '系统',
      state: 'pending',
    });
    const [warning] = await listWarnings(db, { rule: 'ratingDrop', state: 'issued' });
    expect(warning).toMatchObject({ itemId: item!.id, handledByName: '系统' });
  });

  it('runs only the enabled rules, with their thresholds, and refuses bad settings in Chinese', async () => {
    await updateWarningRules(db, null, { noMeeting: { threshold: 60 }, petitionSurge: { enabled: false } });
    const run = await runWarnings(db, { asOf: at(3), dryRun: true });
    expect(run.found.petitionSurge).toBe(0);
    expect(run.found.noMeeting).toBe(0); // the longest wait is now A5's 48 days
    await expect(updateWarningRules(db, null, { noMeeting: { threshold: 0 } })).rejects.toThrow(
      '预警规则设置无效：noMeeting.threshold：阈值不能小于1天',
    );
    await expect(updateWarningRules(db, null, { noMeeting: { threshold: 'x' } })).rejects.toThrow('阈值应为整数（天）');
    await expect(updateWarningRules(db, null, { nothing: {} })).rejects.toThrow('预警规则设置无效');
    expect((await readWarningRules(db)).noMeeting.threshold).toBe(60);
  });
});
