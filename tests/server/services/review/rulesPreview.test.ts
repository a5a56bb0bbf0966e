/**
 * The administrator's preview of changed review rules: the proposed board is the board the week
 * shows once those rules are saved; the present one is unchanged; a bad rule is refused in Chinese
 * and nothing is written.
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../../data/schema/index.ts';
import { BadInputError } from '../../../../server/services/errors.ts';
import { readReviewRules, updateReviewRules } from '../../../../server/services/review/reviewRules.ts';
import { previewReviewRules } from '../../../../server/services/review/rulesPreview.ts';
import { parseReviewWeek } from '../../../../server/services/review/reviewWeek.ts';
import { liveWeekSource } from '../../../../server/services/review/weekSource.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const TODAY = FIXTURE_AS_OF;
const WEEK = '2026-W47';

describe.each(availableBackends())('review rules preview (%s)', (kind) => {
  let fixture: TestDatabase;
  beforeAll(async () => {
    fixture = await openFixtureDatabase(kind);
  });
  afterAll(() => fixture?.dispose());
  const board = () => liveWeekSource(fixture.db, parseReviewWeek(WEEK, TODAY), TODAY).board();
  const auditRows = async () => Number((await fixture.db.select({ n: count() }).from(schema.auditLog))[0]!.n);

  it('shows the board a change of the black-list rule gives, and that is the board once saved', async () => {
    const before = await board();
    const change = { blackList: { bottomN: 6, minOverdueShare: null, minDeliberationCoverage: null } };
    const audited = await auditRows();
    const preview = await previewReviewRules(fixture.db, change, { week: WEEK, today: TODAY });
    expect(await auditRows(), 'a preview writes nothing').toBe(audited);
    expect(preview.present).toEqual(before);
    // Six worst by composite rank (ties included), and nothing else.
    const worst = [...preview.proposed.townships]
      .filter((t) => t.composite.rank !== null && t.composite.rank > 19 - 6)
      .map((t) => t.code)
      .sort();
    expect(preview.proposed.blackList.map((e) => e.code).sort()).toEqual(worst);
    expect(preview.proposed.blackList).not.toEqual(before.blackList);

    await updateReviewRules(fixture.db, change);
    expect(await board()).toEqual(preview.proposed);
  });

  it('refuses weights that are all zero, in Chinese, and stores nothing', async () => {
    const rules = await readReviewRules(fixture.db);
    const zero = {
      composite: {
        weights: {
          partyOrgCoverage: 0,
          committeeRate: 0,
          deliberationCoverage: 0,
          serviceQuality: 0,
          petitionRate: 0,
        },
      },
    };
    const refused = previewReviewRules(fixture.db, zero, { week: WEEK, today: TODAY });
    await expect(refused).rejects.toBeInstanceOf(BadInputError);
    await expect(refused).rejects.toThrow('至少一个指标的权重应大于0');
    expect(await readReviewRules(fixture.db)).toEqual(rules);
  });
});
