/**
 * Targets managed by an administrator on both databases: the preview names the statuses an edit
 * changes, and after saving the engine judges by the new goal; change and retire keep the history
 * (retired rows stay, the audit log has before and after); bad values are refused in Chinese.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../../data/schema/index.ts';
import { metricsReport } from '../../../../server/services/metrics/metricsReport.ts';
import {
  addTarget,
  changeTarget,
  listAllTargets,
  retireTarget,
  targetHistory,
} from '../../../../server/services/targets/manageTargets.ts';
import { previewTargetEdit } from '../../../../server/services/targets/targetPreview.ts';
import { actorAs } from '../../../support/callers.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const AS_OF = FIXTURE_AS_OF;
const CITY = '晋江市';

describe.each(availableBackends())('targets managed in the browser (%s)', (kind) => {
  let fixture: TestDatabase;
  beforeAll(async () => {
    fixture = await openFixtureDatabase(kind);
  });
  afterAll(() => fixture?.dispose());
  const township = async (code: string) =>
    (await metricsReport(fixture.db, { asOf: AS_OF })).townships.find((t) => t.code === code)!;

  it('previews, adds, changes and retires a township target, with the status following each step', async () => {
    const { actor } = await actorAs(fixture, 'admin');
    // A township and a rate indicator it does not meet (a value to aim under).
    const report = await metricsReport(fixture.db, { asOf: AS_OF });
    const [lagging, indicator] = report.townships
      .flatMap((t) =>
        (['committeeRate', 'serviceQuality', 'partyOrgCoverage', 'deliberationCoverage'] as const).map(
          (key) => [t, key] as const,
        ),
      )
      .find(([t, key]) => t.indicators[key].status !== 'met' && (t.indicators[key].value ?? 0) > 0.1)!;
    expect(lagging, 'a township not meeting a rate goal').toBeDefined();
    const value = lagging.indicators[indicator].value!;
    const fields = {
      indicator,
      townshipCode: lagging.code,
      value: Math.floor(value * 100 - 1) / 100,
      deadline: '2027-06-30',
      source: 'assumed',
      note: '镇街自定目标',
    };

    const preview = await previewTargetEdit(fixture.db, { kind: 'add', fields }, { asOf: AS_OF, cityName: CITY });
    const effect = preview.effects.find((e) => e.townshipCode === lagging.code && e.indicator === indicator);
    expect(effect).toMatchObject({
      before: { inherited: true, status: lagging.indicators[indicator].status },
      after: { inherited: false, status: 'met', target: fields.value, source: 'assumed' },
      statusChanged: true,
    });
    expect(
      preview.effects.every((e) => e.townshipCode === lagging.code),
      'only that township is affected',
    ).toBe(true);

    const added = await addTarget(fixture.db, actor, fields);
    expect((await township(lagging.code)).indicators[indicator]).toMatchObject({
      status: 'met',
      target: fields.value,
      targetSource: 'assumed',
    });

    // Raised above the value: the preview says it is no longer met, and so does the engine.
    const raised = { ...fields, value: 1 };
    const changing = await previewTargetEdit(
      fixture.db,
      { kind: 'change', id: added.id, fields: raised },
      { asOf: AS_OF, cityName: CITY },
    );
    expect(changing.effects).toHaveLength(1);
    expect(changing.effects[0]!.after.status).not.toBe('met');
    await changeTarget(fixture.db, actor, added.id, raised);
    expect((await township(lagging.code)).indicators[indicator].status).toBe(changing.effects[0]!.after.status);

    // Retired: the township follows the city's goal again; the row stays.
    const retiring = await previewTargetEdit(
      fixture.db,
      { kind: 'retire', id: added.id },
      { asOf: AS_OF, cityName: CITY },
    );
    expect(retiring.effects[0]!.after).toMatchObject({ inherited: true });
    await retireTarget(fixture.db, actor, added.id);
    expect((await township(lagging.code)).indicators[indicator].status).toBe(lagging.indicators[indicator].status);
    const kept = (await listAllTargets(fixture.db)).find((t) => t.id === added.id)!;
    expect(kept.retiredAt).not.toBeNull();
    expect(kept.value).toBe(1);

    const history = (await targetHistory(fixture.db)).filter((h) => h.targetId === String(added.id));
    expect(history.map((h) => h.action)).toEqual(['retire', 'update', 'insert']);
    expect(history[1]!.before!.value).toBe(fields.value);
    expect(history[1]!.after!.value).toBe(1);
    expect(history[0]!.who).toBe(actor.displayName);

    // A retired target cannot be changed again; a new one with the same deadline may be added.
    await expect(changeTarget(fixture.db, actor, added.id, fields)).rejects.toThrow('已停用');
    const again = await addTarget(fixture.db, actor, fields);
    await retireTarget(fixture.db, actor, again.id);
  });

  it('refuses a rate above 100%, an unknown township and a duplicate deadline, writing nothing', async () => {
    const { actor } = await actorAs(fixture, 'admin');
    const before = await fixture.db.select().from(schema.targets);
    const base = {
      indicator: 'committeeRate',
      townshipCode: null,
      value: 0.9,
      deadline: '2027-12-31',
      source: 'published',
      note: '',
    };
    await expect(addTarget(fixture.db, actor, { ...base, value: 1.2 })).rejects.toThrow('不能超过100.0%');
    await expect(addTarget(fixture.db, actor, { ...base, townshipCode: '350582999' })).rejects.toThrow('未知镇街代码');
    await expect(addTarget(fixture.db, actor, base)).rejects.toThrow('已有期限为 2027-12-31 的目标');
    await expect(addTarget(fixture.db, actor, { ...base, deadline: '2027-02-30' })).rejects.toThrow('真实日期');
    // petitionRate is per 1,000 households: above 1 is fine.
    const petitions = await previewTargetEdit(
      fixture.db,
      { kind: 'add', fields: { ...base, indicator: 'petitionRate', value: 5, deadline: '2026-12-31' } },
      { asOf: AS_OF, cityName: CITY },
    );
    expect(petitions.effects.length).toBeGreaterThan(0);
    expect(await fixture.db.select().from(schema.targets)).toEqual(before);
    const audit = await fixture.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'insert'));
    expect(audit.filter((a) => a.tableName === 'targets' && (a.after as { value: number }).value === 1.2)).toEqual([]);
  });
});
