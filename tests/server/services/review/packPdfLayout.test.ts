/**
 * The weekly pack as a PDF (issue 22): a table running onto the next page repeats its header
 * there and never starts a page with a bare row; with a TrueType CJK font installed (Debian
 * fonts-wqy-microhei) no font is embedded as Type 3. The layout does not depend on the database
 * (the pack's figures are tested on both in the review tests), so PGlite only. For a reader in
 * English every fixed sentence of the pack is English: only the data's names stay Chinese.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '../../../support/callers.ts';
import { openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { chineseOutside, dataWords, pdfTexts } from '../../../support/fileLanguage.ts';

const hasTrueTypeCjk = execFileSync('fc-list').toString().includes('WenQuanYi Micro Hei');

describe('the weekly pack PDF', () => {
  let database: TestDatabase;
  let pdf: string;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    const caller = await callerAs(database, 'admin');
    const pack = await caller.review.pack({ week: '2025-W30', format: 'pdf' });
    pdf = join(mkdtempSync(join(tmpdir(), 'onemap-pack-')), 'pack.pdf');
    writeFileSync(pdf, Buffer.from(pack.base64, 'base64'));
  }, 180_000);
  afterAll(() => database?.dispose());

  const pageText = (page: number) =>
    execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']).toString();
  const pages = () => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);

  it('repeats the table header on each page a table continues on, and starts no page with a bare row', () => {
    const firstLines = Array.from({ length: pages() - 1 }, (_, i) =>
      pageText(i + 2)
        .split('\n')
        .find((l) => l.trim() !== '')!
        .trim(),
    );
    // The list of lagging compounds runs over several pages: each continuation starts with its header.
    expect(firstLines.filter((l) => /^镇街\s+小区\s+原因$/.test(l)).length, firstLines.join('\n')).toBeGreaterThan(1);
    // A bare table row: a township, then a compound or figures, with no header above it.
    for (const line of firstLines) expect(line).not.toMatch(/^\S+(镇|街道)\s{2,}\S/);
  });

  it.skipIf(!hasTrueTypeCjk)(
    `embeds its fonts as named CID TrueType fonts, none as Type 3${hasTrueTypeCjk ? '' : ' — SKIPPED: needs fonts-wqy-microhei'}`,
    () => {
      const fonts = execFileSync('pdffonts', [pdf]).toString().split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatch(/^\S+\+WenQuanYiMicroHei\s+CID TrueType/);
    },
  );

  it("is written in English for a reader in English, the city's and a township's, with no Chinese but the data", async () => {
    const english = await callerAs(database, 'admin', { locale: 'en' });
    const data = await dataWords(database.db);
    for (const townshipCode of [undefined, '350582103']) {
      const pack = await english.review.pack({
        week: '2025-W30',
        format: 'pdf',
        ...(townshipCode ? { townshipCode } : {}),
      });
      expect(pack.fileName).toBe(townshipCode ? 'weekly-pack-2025-W30-陈埭镇.pdf' : 'weekly-pack-2025-W30.pdf');
      const lines = pdfTexts(Buffer.from(pack.base64, 'base64'));
      expect(chineseOutside(lines, data), townshipCode ?? 'city').toEqual([]);
      const text = lines.map((l) => l.text).join('\n');
      for (const heading of ['Composite ranking', 'Indicators by township', 'Summary of the week', 'Rules'])
        expect(text).toContain(heading);
      if (townshipCode) expect(text).toContain('Changes this week (compound by compound)');
    }
  }, 180_000);
});
