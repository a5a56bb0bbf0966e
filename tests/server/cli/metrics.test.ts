/** `onemap metrics` as a person or a cron job runs it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';
import { fixtureDataDir } from '../../support/databases.ts';

const KEYS = ['partyOrgCoverage', 'committeeRate', 'deliberationCoverage', 'serviceQuality', 'petitionRate'];
const FIELDS = [
  'value',
  'numerator',
  'denominator',
  'target',
  'deadline',
  'targetSource',
  'previousWeek',
  'delta',
  'rank',
  'requiredWeeklyPace',
  'projectedDate',
  'met',
  'status',
];

describe('onemap metrics', () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { ONEMAP_DATA_DIR: await fixtureDataDir() };
  });

  it('prints the documented JSON shape, with the city equal to the sum of the townships', async () => {
    const run = await runCli(['metrics', '--week', '2025-W22', '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.asOf).toBe('2025-06-01');
    expect(report.week).toBe('2025-W22');
    expect(report.townships).toHaveLength(19);
    for (const key of KEYS) {
      for (const field of FIELDS) expect(report.city.indicators[key], `${key}.${field}`).toHaveProperty(field);
      expect(report.city.indicators[key].rank).toBeNull();
      const sum = (f: string) =>
        report.townships.reduce(
          (n: number, t: { indicators: Record<string, Record<string, number>> }) => n + t.indicators[key]![f]!,
          0,
        );
      expect(report.city.indicators[key].numerator).toBe(sum('numerator'));
      expect(report.city.indicators[key].denominator).toBe(sum('denominator'));
    }
  });

  it('says met or not first: no value short of its goal is met, and only a met one has status "met"', async () => {
    // 2024-W30: most goals are not met yet, some townships meet some.
    const run = await runCli(['metrics', '--week', '2024-W30', '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    type Row = { value: number | null; target: number | null; met: boolean | null; status: string | null };
    const scopes: { name: string; indicators: Record<string, Row> }[] = [
      { name: 'city', indicators: report.city.indicators },
      ...report.townships,
    ];
    const seen = { met: 0, notMet: 0 };
    for (const scope of scopes)
      for (const key of KEYS) {
        const r = scope.indicators[key]!;
        const label = `${scope.name} ${key} ${r.value} vs ${r.target}`;
        if (r.value === null || r.target === null) {
          expect(r.met, label).toBeNull();
          expect(r.status, label).toBeNull();
          continue;
        }
        // Petitions are a ceiling (lower is better); the rest are shares to reach.
        const reaches = key === 'petitionRate' ? r.value <= r.target + 1e-9 : r.value >= r.target - 1e-9;
        expect(r.met, label).toBe(reaches);
        expect(r.status === 'met', label).toBe(reaches);
        if (!reaches) expect(['on_track', 'at_risk', 'off_track'], label).toContain(r.status);
        // Deliberation coverage is a standing rule (every compound, every month): met or not, no pace.
        if (key === 'deliberationCoverage' && !reaches) {
          expect(r.status, label).toBe('off_track');
          expect((r as Row & { projectedDate: string | null }).projectedDate, label).toBeNull();
        }
        seen[reaches ? 'met' : 'notMet']++;
      }
    expect(seen.met, 'some scopes meet a goal').toBeGreaterThan(0);
    expect(seen.notMet, 'some scopes fall short').toBeGreaterThan(0);
  });

  it('prints CSV for one township, and a drill-through whose rows add up to the figure', async () => {
    // One after the other: an embedded data directory has one process at a time.
    const csv = await runCli(['metrics', '--as-of', '2025-03-31', '--township', '350582103', '--format', 'csv'], env);
    const drill = await runCli(
      [
        'metrics',
        'drill',
        '--indicator',
        'partyOrgCoverage',
        '--as-of',
        '2025-03-31',
        '--township',
        '350582103',
        '--format',
        'json',
      ],
      env,
    );
    expect(drill.code, drill.stderr).toBe(0);
    expect(csv.code, csv.stderr).toBe(0);
    // For people by default: Excel and WPS read a CSV with a BOM as UTF-8 (else the names are garbled).
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const lines = csv.stdout.slice(1).trim().split('\n');
    expect(lines[0]).toMatch(/^asOf,week,scope,scopeName,indicator,value,numerator,denominator,/);
    expect(lines).toHaveLength(1 + 2 * 5); // city + 陈埭, five indicators each
    const party = lines.find((l) => l.includes(',350582103,') && l.includes(',partyOrgCoverage,'))!.split(',');
    const listing = JSON.parse(drill.stdout);
    expect(listing.compounds.filter((c: { inNumerator: boolean }) => c.inNumerator).length).toBe(Number(party[6]));
    expect(listing.compounds.length).toBe(Number(party[7]));
    // Each row as the drill-through lists it, its reason in Chinese; nothing of the server's own.
    expect(Object.keys(listing.compounds[0]).sort()).toEqual(
      [
        'code',
        'name',
        'initials',
        'townshipCode',
        'townshipName',
        'community',
        'households',
        'inDenominator',
        'inNumerator',
        'numeratorContribution',
        'denominatorContribution',
        'reason',
        'reasonGroup',
        'reasonDate',
      ].sort(),
    );
  });

  it.each([
    [['metrics', '--township', '350582999'], /未知镇街代码/],
    [['metrics', '--week', '2025-13'], /周次无效/],
    [['metrics', '--as-of', '2023-06-01'], /早于数据起始日/],
    [['metrics', '--as-of', '2099-06-01'], /晚于今天/],
    [['metrics', '--format', 'xml'], /--format 不支持 "xml"/],
    [['metrics', 'drill', '--indicator', 'happiness'], /未知指标：happiness/],
  ])('refuses %j with one line and a non-zero exit', async (args, message) => {
    const run = await runCli(args, env);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
