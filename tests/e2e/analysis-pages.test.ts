/** The analyst's compare page and compound file in Chromium, offline, on the fixture city. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/rows.ts';
import { compoundStatusAsOf, type CompoundStatus } from '../../server/services/compounds/compoundStatus.ts';
import { INDICATOR_KEYS, type IndicatorKey } from '../../shared/indicators/index.ts';
import { artifactPath, useFixtureServer, openSignedInPage } from '../support/browser.ts';
import { callerAs } from '../support/callers.ts';
import { loadRawCity, referenceIndicators, type RawCity } from '../support/reference.ts';
import { stillScreenshot } from '../support/settle.ts';

const RECORD_TABLES = [
  'party_organisations',
  'committee_terms',
  'property_contracts',
  'evaluations',
  'meetings',
  'resident_issues',
  'petitions',
];

/**
 * The compare table's cells as the page must print them, from the naive recomputation and a
 * format stated here rather than the client's formatter (so a formatter bug fails the test):
 * rates as percentages with one decimal ("61.3%"), petitions per 1,000 households with two
 * ("0.84"); changes from last week as it was shown — its Sunday, no week being reviewed here — with a sign (+, U+2212 minus, ± for none), rates in
 * percentage points ("+1.2个百分点", as the Chinese page says them); ranks among the 19 townships, 1 the best (lowest petitions),
 * equal values sharing a rank and the next skipping ("1224"); "—" where there is no value.
 */
function expectedCompareCells(raw: RawCity, asOf: string) {
  // The Sunday before the ISO week of asOf (getUTCDay: 0 = Sunday … 6 = Saturday).
  const day = new Date(`${asOf}T00:00:00Z`);
  const weekBefore = new Date(day.getTime() - (((day.getUTCDay() + 6) % 7) + 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const valueOf = (key: IndicatorKey, date: string, code: string): number | null => {
    const { numerator, denominator } = referenceIndicators(raw, date, code)[key]!;
    if (denominator === 0) return null;
    return key === 'petitionRate' ? (numerator / denominator) * 1000 : numerator / denominator;
  };
  const latest = (key: IndicatorKey, v: number | null) =>
    v === null ? '—' : key === 'petitionRate' ? v.toFixed(2) : `${(v * 100).toFixed(1)}%`;
  const change = (key: IndicatorKey, d: number | null) => {
    if (d === null) return '—';
    const sign = d > 0 ? '+' : d < 0 ? '\u2212' : '±';
    return key === 'petitionRate'
      ? `${sign}${Math.abs(d).toFixed(2)}`
      : `${sign}${(Math.abs(d) * 100).toFixed(1)}个百分点`;
  };
  const codes = raw.townships.map((t) => t.code);
  const cells = new Map<string, { latest: string; delta: string; rank: string }>();
  for (const key of INDICATOR_KEYS) {
    const now = new Map(codes.map((code) => [code, valueOf(key, asOf, code)]));
    // Nine decimals: values that differ only by floating-point noise tie.
    const better = (a: number, b: number) =>
      key === 'petitionRate'
        ? Number(a.toFixed(9)) < Number(b.toFixed(9))
        : Number(a.toFixed(9)) > Number(b.toFixed(9));
    for (const code of codes) {
      const v = now.get(code)!;
      const before = valueOf(key, weekBefore, code);
      const ahead = [...now.values()].filter((o) => o !== null && v !== null && better(o, v)).length;
      cells.set(`${code}-${key}`, {
        latest: latest(key, v),
        delta: change(key, v !== null && before !== null ? v - before : null),
        rank: v === null ? '—' : String(ahead + 1),
      });
    }
  }
  return cells;
}

describe('the compare page and the compound file', () => {
  const env = useFixtureServer();
  const caller = () => callerAs(env.database, 'analyst');

  it('compares three townships: five charts, and the latest values, changes and ranks recomputed from the records', async () => {
    const report = await (await caller()).metrics.report({});
    const chosen = [report.townships[2]!, report.townships[7]!, report.townships[12]!];
    const expected = expectedCompareCells(await loadRawCity(env.database.db), report.asOf);
    const view = await openSignedInPage(env.browser, env.server.url, 1920, 1080);
    const { page } = view;
    await page.goto(`${env.server.url}/compare?t=${chosen.map((tw) => tw.code).join(',')}&from=2025-W01`);
    await page.waitForSelector('[data-testid="compare-table"]', { timeout: 30_000 });
    const charts = page.locator('[data-testid^="compare-chart-"]');
    await expect.poll(() => charts.locator('svg.recharts-surface').count(), { timeout: 20_000 }).toBe(5);
    // Each chart: the three townships and the city.
    await expect.poll(() => charts.locator('.recharts-line').count()).toBe(5 * 4);
    for (const tw of chosen) {
      for (const key of INDICATOR_KEYS) {
        const want = expected.get(`${tw.code}-${key}`)!;
        const cell = (kind: string) => page.getByTestId(`${kind}-${tw.code}-${key}`).textContent();
        expect(await cell('latest'), `${tw.name} ${key} latest`).toBe(want.latest);
        expect(await cell('delta'), `${tw.name} ${key} change`).toBe(want.delta);
        expect(await cell('rank'), `${tw.name} ${key} rank`).toBe(want.rank);
        // The verdict beside the value: met only when the value reaches the goal.
        const r = tw.indicators[key];
        const status = await page.getByTestId(`latest-${tw.code}-${key}`).getAttribute('data-status');
        expect(status, `${tw.name} ${key} ${r.value} vs ${r.target}`).toBe(r.status ?? 'none');
        expect(status === 'met', `${tw.name} ${key}`).toBe(r.met === true);
      }
    }
    // The picker is a labelled group of checkboxes: the chosen three are ticked.
    const picker = page.getByRole('group', { name: /选择镇街/ });
    expect(await picker.getByRole('checkbox', { checked: true }).count()).toBe(3);
    // The charts animate their lines in: the picture once they have stopped.
    await stillScreenshot(page, { path: artifactPath('compare-1920x1080.png') });
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  });

  it('opens the default view with a notice for a malformed compare link, and says so for an unknown compound or a bad date', async () => {
    const view = await openSignedInPage(env.browser, env.server.url, 1920, 1080);
    const { page } = view;
    for (const search of ['t=350582101', 't=350582101,350582999', 't=350582101,350582102&from=2025-W77']) {
      await page.goto(`${env.server.url}/compare?${search}`);
      await page.waitForSelector('[data-testid="invalid-url-notice"]', { timeout: 30_000 });
      expect(await page.getByTestId('compare-prompt').isVisible(), search).toBe(true);
      expect(await page.locator('[data-testid^="compare-chart-"]').count()).toBe(0);
      expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0);
    }
    expect(await page.getByTestId('invalid-url-notice').textContent()).toMatch(/对比链接无效/);
    await page.screenshot({ path: artifactPath('compare-invalid-1920x1080.png') });

    await page.goto(`${env.server.url}/compound/NOPE-404`);
    await page.waitForSelector('[data-testid="compound-error"]', { timeout: 30_000 });
    expect(await page.getByTestId('compound-error').textContent()).toMatch(/未知小区编码：NOPE-404/);

    // A bad date: today's state, with a notice.
    const [first] = await queryRows<{ code: string }>(
      env.database.db,
      sql`select code from compounds order by code limit 1`,
    );
    await page.goto(`${env.server.url}/compound/${first!.code}?asOf=2025-02-30`);
    await page.waitForSelector('[data-testid="compound-state"] [data-testid="state-facts"]', { timeout: 30_000 });
    expect(await page.getByTestId('invalid-url-notice').textContent()).toMatch(/日期无效/);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  });

  it('lists every record of a compound and shows its state on the chosen date as compoundStatusAsOf has it', async () => {
    // The compound with the most resident issues: every kind of record, more than the card shows.
    const [busiest] = await queryRows<{ code: string }>(
      env.database.db,
      sql`select c.code from compounds c join resident_issues i on i.compound_id = c.id group by c.code order by count(*) desc, c.code limit 1`,
    );
    const code = busiest!.code;
    let records = 0;
    for (const table of RECORD_TABLES) {
      const [row] = await queryRows<{ n: number | string }>(
        env.database.db,
        sql`select count(*) as n from ${sql.identifier(table)} r join compounds c on c.id = r.compound_id where c.code = ${code}`,
      );
      records += Number(row!.n);
    }
    const statusOn = async (date: string) =>
      (await compoundStatusAsOf(env.database.db, date)).find((r) => r.code === code)!;
    const first = '2025-06-30';
    const before = await statusOn(first);
    // A second date on which the state differs, so the change is visible.
    const fields = (r: CompoundStatus) => [
      r.partyOrgType,
      r.committeeInOffice,
      r.committeePartyMajority,
      r.propertyCompany,
      r.rating,
      r.lastMeetingDate,
      r.openIssues,
      r.overdueIssues,
    ];
    let second = '';
    for (const date of ['2024-02-15', '2024-06-30', '2024-10-31', '2026-11-01']) {
      const row = await statusOn(date);
      if (row && JSON.stringify(fields(row)) !== JSON.stringify(fields(before))) {
        second = date;
        break;
      }
    }
    expect(second).not.toBe('');

    const view = await openSignedInPage(env.browser, env.server.url, 1920, 1080);
    const { page } = view;
    await page.goto(`${env.server.url}/compound/${code}?asOf=${first}`);
    const entries = page.getByTestId('timeline-entry');
    await expect.poll(() => entries.count(), { timeout: 30_000 }).toBe(records);
    const expectState = async (date: string) => {
      const state = page.locator(`[data-testid="compound-state"][data-as-of="${date}"]`);
      await state.waitFor({ timeout: 20_000 });
      const row = await statusOn(date);
      const value = (id: string) => state.getByTestId(id).getAttribute('data-value');
      expect(await value('state-party')).toBe(row.partyOrgType ?? '');
      expect(await value('state-committee')).toBe(
        row.committeeInOffice ? (row.committeePartyMajority ? 'partyMajority' : 'inOffice') : '',
      );
      expect(await value('state-property')).toBe(row.propertyCompany ?? '');
      expect(await value('state-rating')).toBe(row.rating ?? '');
      expect(await value('state-meeting')).toBe(row.lastMeetingDate ?? '');
      expect(await value('state-issues')).toBe(`${row.openIssues}/${row.overdueIssues}`);
    };
    await expectState(first);
    await stillScreenshot(page, { path: artifactPath('compound-1920x1080.png') });

    await page.getByLabel('查看日期').fill(second);
    await expectState(second);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(second);
    // Records after the chosen date stay on the timeline, dimmed.
    expect(await entries.count()).toBe(records);
    expect(await page.locator('.timeline-entry.after').count()).toBeGreaterThan(0);

    // Filtering by kind: only the meetings.
    for (const kind of ['party', 'committee', 'property', 'evaluation', 'issue', 'petition'])
      await page.getByTestId(`kind-${kind}`).uncheck();
    const meetings = await (await caller()).compounds.history({ code, complete: true });
    await expect.poll(() => entries.count()).toBe(meetings.meetings.length);
    expect(new URL(page.url()).searchParams.get('show')).toBe('meeting');
    await stillScreenshot(page, { path: artifactPath('compound-meetings-1920x1080.png') });
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  });

  it('opens the compound file from the map card’s 完整档案 link', async () => {
    const [row] = await queryRows<{ code: string; name: string }>(
      env.database.db,
      sql`select code, name from compounds order by code limit 1`,
    );
    const view = await openSignedInPage(env.browser, env.server.url, 1280, 800);
    const { page } = view;
    await page.goto(`${env.server.url}/?compound=${row!.code}`);
    const link = page.getByTestId('compound-card').getByRole('link', { name: /完整档案/ });
    await link.waitFor({ timeout: 60_000 });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/compound/${row!.code}\\?asOf=\\d{4}-\\d{2}-\\d{2}$`));
    await link.click();
    await page.getByTestId('compound-state').waitFor({ timeout: 30_000 });
    expect(await page.locator('.compound-page h2').first().textContent()).toBe(row!.name);
    await view.context.close();
  });
});
