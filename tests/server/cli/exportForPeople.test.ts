/**
 * `onemap export compounds` for people and for programs (issue 22): the CSV opens with a UTF-8
 * BOM, so that Excel on Chinese Windows, WPS and LibreOffice's text import take it as UTF-8;
 * `--for-programs` gives the same bytes without it, the machine header first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { runCli } from '../../support/cli.ts';
import { FIXTURE_AS_OF } from '../../support/constants.ts';
import { fixtureDataDir } from '../../support/databases.ts';
import { hasProgram, needs, soffice } from '../../support/officeFiles.ts';

const HEADER = 'code,name,townshipCode,townshipName,community,lon,lat,households,kind,';

describe('onemap export compounds --format csv', () => {
  let env: Record<string, string>;
  let forPeople: string;
  let forPrograms: string;
  beforeAll(async () => {
    env = { ONEMAP_DATA_DIR: await fixtureDataDir() };
    const args = ['export', 'compounds', '--as-of', FIXTURE_AS_OF, '--format', 'csv'];
    const people = await runCli(args, env);
    expect(people.code, people.stderr).toBe(0);
    forPeople = people.stdout;
    const programs = await runCli([...args, '--for-programs'], env);
    expect(programs.code, programs.stderr).toBe(0);
    forPrograms = programs.stdout;
  }, 120_000);

  it('starts with a UTF-8 BOM by default, and without it (the header first) with --for-programs', () => {
    expect(Buffer.from(forPeople, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(forPeople.slice(1)).toBe(forPrograms);
    expect(forPrograms.startsWith(HEADER)).toBe(true);
    expect(forPrograms).toMatch(/陈埭镇/);
  });

  it('refuses --for-programs with another format, in one line', async () => {
    const run = await runCli(['export', 'compounds', '--format', 'geojson', '--for-programs'], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--for-programs 只用于 --format csv');
  });

  it.skipIf(!hasProgram('soffice'))(
    `is read by LibreOffice with the Chinese intact and the BOM not in the first header cell${needs('soffice', 'LibreOffice')}`,
    async () => {
      const xlsx = soffice({ name: 'compounds.csv', data: forPeople }, 'xlsx', 'Text - txt - csv (StarCalc):44,34,76');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getCell('A1').value).toBe('code');
      const townships = new Set<string>();
      sheet.eachRow((row, n) => {
        if (n > 1) townships.add(String(row.getCell(4).value));
      });
      expect(townships).toContain('陈埭镇');
    },
    120_000,
  );
});
