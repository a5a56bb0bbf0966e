/**
 * The pack as a workbook, its headers and notes in the reader's language (packSheetWords.ts). Figures are numbers, never text: rates as
 * fractions shown with a percent format, petitions per 1,000 households with two decimals, ranks
 * as integers, dates (deadlines, last meetings) as date cells shown yyyy-mm-dd; a figure that
 * cannot be computed is an empty cell. Sheets: 总览 (composite ranking), 红黑榜, 进退, 摘要,
 * 督办办理情况 and 上周督办事项 (supervisionPack.ts), one per indicator (the engine's figures for
 * the 19 townships and the city), 后进小区, 本周变化, one drill-through sheet per indicator (the township's compounds,
 * or the city's), 说明 (week, the data's nature — 演示数据 —, the rules, reviewed or not).
 */
import ExcelJS from 'exceljs';
import { DATE_FORMAT, dateCell, workbookCreator } from '../xlsxCells.ts';
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { reasonText } from '../../../shared/indicators/reasons.ts';
import { rankChangeLabel } from './format.ts';
import { PACK_SHEET_WORDS, type PackSheetWords } from './packSheetWords.ts';
import { PACK_WORDS, type PackWords } from './packWords.ts';
import { describeRules } from './reviewRules.ts';
import { addOutcomeSheets } from './supervisionPack.ts';
import type { PackData } from './weeklyPack.ts';

type Cell = string | number | Date | null;

const RATE_FORMAT = '0.0%';
const RATE_DELTA_FORMAT = '+0.0%;-0.0%;0.0%';
const PER1000_FORMAT = '0.00';
const PER1000_DELTA_FORMAT = '+0.00;-0.00;0.00';
const SCORE_FORMAT = '0.0';

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: { header: string; width?: number; numFmt?: string }[],
  rows: Cell[][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? 12,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(row.map((v) => v ?? null));
  return sheet;
}

/** The words of one workbook: the shared review words and the sheets' own. */
interface Words {
  w: PackWords;
  s: PackSheetWords;
}

function overview(workbook: ExcelJS.Workbook, data: PackData, { w, s }: Words): void {
  const c = s.column;
  const listLabel = (lists: readonly ('red' | 'black')[]) => lists.map((l) => w.list[l]).join(w.and);
  const { board } = data;
  const reasons = new Map<string, string[]>();
  for (const e of [...board.redList, ...board.blackList])
    reasons.set(e.code, [...(reasons.get(e.code) ?? []), ...e.reasons]);
  addTable(
    workbook,
    s.sheet.overview,
    [
      { header: c.compositeRank },
      { header: c.townshipCode },
      { header: c.township },
      { header: c.compositeScore, numFmt: SCORE_FORMAT },
      { header: c.previousCompositeRank },
      { header: c.rankChange },
      { header: c.vsLastWeek },
      { header: c.previousCompositeScore, numFmt: SCORE_FORMAT },
      { header: c.lists },
      { header: c.listReasons, width: 48 },
      ...INDICATOR_KEYS.map((k) => ({ header: c.indicatorRank(k), width: 16 })),
    ],
    board.townships.map((t) => [
      t.composite.rank,
      t.code,
      t.name,
      t.composite.score,
      t.composite.previousRank,
      t.composite.rankChange,
      rankChangeLabel(t.composite.rankChange),
      t.composite.previousScore,
      listLabel(t.lists),
      (reasons.get(t.code) ?? []).join(w.semicolon),
      ...INDICATOR_KEYS.map((k) => t.indicators[k].rank),
    ]),
  );
  addTable(
    workbook,
    s.sheet.lists,
    [
      { header: c.list },
      { header: c.townshipCode },
      { header: c.township },
      { header: c.compositeRank },
      { header: c.listReasons, width: 60 },
    ],
    [
      ...board.redList.map((e): Cell[] => [w.list.red, e.code, e.name, e.compositeRank, e.reasons.join(w.semicolon)]),
      ...board.blackList.map((e): Cell[] => [
        w.list.black,
        e.code,
        e.name,
        e.compositeRank,
        e.reasons.join(w.semicolon),
      ]),
    ],
  );
  type Mover = { code: string; name: string; rankChange: number | null; rank: number | null; delta?: number | null };
  const moverRows = (item: string, list: { gainers: Mover[]; fallers: Mover[] }): Cell[][] => [
    ...list.gainers.map((m) => [item, s.up, m.code, m.name, m.rankChange, m.delta ?? null, m.rank]),
    ...list.fallers.map((m) => [item, s.down, m.code, m.name, m.rankChange, m.delta ?? null, m.rank]),
  ];
  const movers: Cell[][] = [
    ...moverRows(s.composite, board.movers.composite),
    ...INDICATOR_KEYS.flatMap((k) => moverRows(w.indicator(k), board.movers.indicators[k])),
  ];
  addTable(
    workbook,
    s.sheet.movers,
    [
      { header: c.item, width: 16 },
      { header: c.direction },
      { header: c.townshipCode },
      { header: c.township },
      { header: c.rankChange },
      { header: c.valueChange },
      { header: c.rankThisWeek },
    ],
    movers,
  );
  const sentences = [
    ...board.summary.city,
    ...(data.township ? data.township.summary : board.townships.flatMap((t) => board.summary.townships[t.code] ?? [])),
  ];
  addTable(
    workbook,
    s.sheet.summary,
    [{ header: c.scope }, { header: c.summary, width: 100 }],
    sentences.map((line) => [line.facts.townshipName ?? w.city, line.text]),
  );
}

function indicatorSheet(workbook: ExcelJS.Workbook, data: PackData, key: IndicatorKey, { w, s }: Words): void {
  const c = s.column;
  const rate = INDICATORS[key].unit === 'rate';
  const value = rate ? RATE_FORMAT : PER1000_FORMAT;
  const board = new Map(data.board.townships.map((t) => [t.code, t.indicators[key]]));
  const order = (r: number | null) => r ?? Number.MAX_SAFE_INTEGER;
  const townships = [...data.metrics.townships].sort(
    (a, b) => order(a.indicators[key].rank) - order(b.indicators[key].rank) || (a.code < b.code ? -1 : 1),
  );
  const scopes = [
    ...townships.map((t) => ({ code: t.code, name: t.name, r: t.indicators[key] })),
    { code: 'city', name: w.city, r: data.metrics.city.indicators[key] },
  ];
  const sheet = addTable(
    workbook,
    s.sheet.indicator(key),
    [
      { header: c.rank },
      { header: c.townshipCode },
      { header: c.township },
      { header: c.value, numFmt: value },
      { header: c.numerator },
      { header: c.denominator },
      { header: c.target, numFmt: value },
      { header: c.deadline, numFmt: DATE_FORMAT },
      { header: c.lastWeek, numFmt: value },
      { header: c.vsLastWeek, numFmt: rate ? RATE_DELTA_FORMAT : PER1000_DELTA_FORMAT },
      { header: c.previousRank },
      { header: c.rankChange },
      { header: c.status },
      { header: c.score, numFmt: SCORE_FORMAT },
      { header: c.note, width: 30 },
    ],
    scopes.map(({ code, name, r }) => {
      const b = board.get(code);
      return [
        r.rank,
        code === 'city' ? null : code,
        name,
        r.value,
        r.numerator,
        r.denominator,
        r.target,
        dateCell(r.deadline),
        r.previousWeek,
        r.delta,
        b?.previousRank ?? null,
        b?.rankChange ?? null,
        w.status(key, r.status),
        b?.score ?? null,
        r.reason ? w.noValueReason(key, r.reason) : null,
      ];
    }),
  );
  sheet.getRow(1).getCell(4).note = `${w.numeratorLabel(key)} ÷ ${w.denominatorLabel(key)}${rate ? '' : ' × 1000'}`;
}

function compoundSheets(workbook: ExcelJS.Workbook, data: PackData, { w, s }: Words): void {
  const h = s.column;
  addTable(
    workbook,
    s.sheet.lagging,
    [
      { header: h.township },
      { header: h.compoundCode },
      { header: h.compoundName, width: 24 },
      { header: h.community, width: 16 },
      ...(['noMeeting', 'noCommittee', 'lowRating'] as const).map((r) => ({ header: w.lagReason[r], width: 14 })),
      { header: h.overdueIssues },
      { header: h.lastMeeting, width: 16, numFmt: DATE_FORMAT },
      { header: h.reasons, width: 60 },
    ],
    data.lagging.map((c) => [
      c.townshipName,
      c.code,
      c.name,
      c.community,
      ...(['noMeeting', 'noCommittee', 'lowRating'] as const).map((r) => (c.reasons.includes(r) ? w.yes : '')),
      c.overdueIssues,
      dateCell(c.lastMeetingDate),
      c.reasonText.join(w.semicolon),
    ]),
  );
  addTable(
    workbook,
    s.sheet.changes,
    [
      { header: h.township },
      { header: h.compoundCode },
      { header: h.compoundName, width: 24 },
      { header: h.change, width: 80 },
    ],
    data.changes.map((c) => [c.townshipName, c.code, c.name, c.changes.map((x) => x.text).join(w.semicolon)]),
  );
  for (const key of INDICATOR_KEYS) {
    const drill = data.drill[key];
    addTable(
      workbook,
      s.sheet.drill(key),
      [
        { header: h.township },
        { header: h.compoundCode },
        { header: h.compoundName, width: 24 },
        { header: h.households },
        { header: h.inDenominator },
        { header: h.inNumerator },
        { header: w.numeratorHeader(key) },
        { header: w.denominatorHeader(key) },
        { header: h.note, width: 44 },
      ],
      [
        ...drill.compounds.map((c): Cell[] => [
          c.townshipName,
          c.code,
          c.name,
          c.households,
          c.inDenominator ? w.yes : w.no,
          c.inNumerator ? w.yes : w.no,
          c.numeratorContribution,
          c.denominatorContribution,
          // A row frozen before reasons were declared keeps the Chinese it was written in.
          c.why ? reasonText(INDICATORS[key].reasons, c.why, w.locale) : c.reason,
        ]),
        [s.total, null, null, null, null, null, drill.numerator, drill.denominator, null],
      ],
    );
  }
}

function about(workbook: ExcelJS.Workbook, data: PackData, { w, s }: Words): void {
  const { board } = data;
  const a = s.about;
  const sheet = workbook.addWorksheet(s.sheet.about);
  sheet.columns = [{ width: 14 }, { width: 110 }];
  const rows: [string, string][] = [
    [a.material, `${a.title} · ${w.week(board.week)} · ${data.township ? data.township.name : w.city}`],
    [a.asOf, board.asOf],
    [a.comparedWith, board.previousAsOf ?? a.noPrevious],
    [a.dataNature, w.dataNature(board.demo)],
    [a.weekState, w.weekStatusLine(board)],
    [a.lastWeek, w.previousWeekLine(board)],
    ...describeRules(board.rules, w.locale).map((line, i): [string, string] => [i === 0 ? a.rules : '', line]),
    [a.conventions, a.conventionsText],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).font = { bold: true };
}

/** `data` already in `locale` (packIn in weeklyPack.ts): this writes the workbook's own words. */
export async function packXlsx(data: PackData, locale: Locale = 'zh-CN'): Promise<Buffer> {
  const words: Words = { w: PACK_WORDS[locale], s: PACK_SHEET_WORDS[locale] };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = workbookCreator(locale);
  // Fixed timestamps: the same week gives the same workbook.
  workbook.created = new Date(`${data.board.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  overview(workbook, data, words);
  addOutcomeSheets(workbook, data.board.supervision, data.township?.code, locale);
  for (const key of INDICATOR_KEYS) indicatorSheet(workbook, data, key, words);
  compoundSheets(workbook, data, words);
  about(workbook, data, words);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
