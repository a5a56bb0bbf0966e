/**
 * The pack as a workbook with Chinese headers. Figures are numbers, never text: rates as
 * fractions shown with a percent format, petitions per 1,000 households with two decimals, ranks
 * as integers, dates (deadlines, last meetings) as date cells shown yyyy-mm-dd; a figure that
 * cannot be computed is an empty cell. Sheets: 总览 (composite
 * ranking), 红黑榜, 进退, 摘要, one per indicator (the engine's figures for the 19 townships and
 * the city), 后进小区, 本周变化, one drill-through sheet per indicator (the township's compounds,
 * or the city's), 说明 (week, the data's nature — 演示数据 —, the rules, reviewed or not).
 */
import { weekLabel } from '../../../shared/time/weeks.ts';
import { previousWeekLine, weekStatusLine } from './packHtml.ts';
import ExcelJS from 'exceljs';
import { DATE_FORMAT, dateCell } from '../xlsxCells.ts';
import { DEMO_NOTICE } from '../dataset/datasetInfo.ts';
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import { rankChangeLabel, statusLabel } from './format.ts';
import { LAG_REASON_LABELS } from '../../../shared/review/laggingCompounds.ts';
import { describeRules } from './reviewRules.ts';
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

const listLabel = (lists: readonly ('red' | 'black')[]) => lists.map((l) => (l === 'red' ? '红榜' : '黑榜')).join('、');

function overview(workbook: ExcelJS.Workbook, data: PackData): void {
  const { board } = data;
  const reasons = new Map<string, string[]>();
  for (const e of [...board.redList, ...board.blackList])
    reasons.set(e.code, [...(reasons.get(e.code) ?? []), ...e.reasons]);
  addTable(
    workbook,
    '总览',
    [
      { header: '综合排名' },
      { header: '镇街代码' },
      { header: '镇街' },
      { header: '综合得分', numFmt: SCORE_FORMAT },
      { header: '上周综合排名' },
      { header: '排名变化' },
      { header: '较上周' },
      { header: '上周综合得分', numFmt: SCORE_FORMAT },
      { header: '红黑榜' },
      { header: '入榜理由', width: 48 },
      ...INDICATOR_KEYS.map((k) => ({ header: `${INDICATORS[k].name}排名`, width: 16 })),
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
      (reasons.get(t.code) ?? []).join('；'),
      ...INDICATOR_KEYS.map((k) => t.indicators[k].rank),
    ]),
  );
  addTable(
    workbook,
    '红黑榜',
    [
      { header: '榜单' },
      { header: '镇街代码' },
      { header: '镇街' },
      { header: '综合排名' },
      { header: '入榜理由', width: 60 },
    ],
    [
      ...board.redList.map((e): Cell[] => ['红榜', e.code, e.name, e.compositeRank, e.reasons.join('；')]),
      ...board.blackList.map((e): Cell[] => ['黑榜', e.code, e.name, e.compositeRank, e.reasons.join('；')]),
    ],
  );
  const movers: Cell[][] = [
    ...board.movers.composite.gainers.map((m): Cell[] => [
      '综合排名',
      '进步',
      m.code,
      m.name,
      m.rankChange,
      null,
      m.rank,
    ]),
    ...board.movers.composite.fallers.map((m): Cell[] => [
      '综合排名',
      '退步',
      m.code,
      m.name,
      m.rankChange,
      null,
      m.rank,
    ]),
    ...INDICATOR_KEYS.flatMap((k) => [
      ...board.movers.indicators[k].gainers.map((m): Cell[] => [
        INDICATORS[k].name,
        '进步',
        m.code,
        m.name,
        m.rankChange,
        m.delta,
        m.rank,
      ]),
      ...board.movers.indicators[k].fallers.map((m): Cell[] => [
        INDICATORS[k].name,
        '退步',
        m.code,
        m.name,
        m.rankChange,
        m.delta,
        m.rank,
      ]),
    ]),
  ];
  addTable(
    workbook,
    '进退',
    [
      { header: '项目', width: 16 },
      { header: '方向' },
      { header: '镇街代码' },
      { header: '镇街' },
      { header: '排名变化' },
      { header: '数值变化' },
      { header: '本周排名' },
    ],
    movers,
  );
  const sentences = [
    ...board.summary.city,
    ...(data.township ? data.township.summary : board.townships.flatMap((t) => board.summary.townships[t.code] ?? [])),
  ];
  addTable(
    workbook,
    '摘要',
    [{ header: '范围' }, { header: '摘要', width: 100 }],
    sentences.map((s) => [s.facts.townshipName ?? '全市', s.text]),
  );
}

function indicatorSheet(workbook: ExcelJS.Workbook, data: PackData, key: IndicatorKey): void {
  const rate = INDICATORS[key].unit === 'rate';
  const value = rate ? RATE_FORMAT : PER1000_FORMAT;
  const board = new Map(data.board.townships.map((t) => [t.code, t.indicators[key]]));
  const order = (r: number | null) => r ?? Number.MAX_SAFE_INTEGER;
  const townships = [...data.metrics.townships].sort(
    (a, b) => order(a.indicators[key].rank) - order(b.indicators[key].rank) || (a.code < b.code ? -1 : 1),
  );
  const scopes = [
    ...townships.map((t) => ({ code: t.code, name: t.name, r: t.indicators[key] })),
    { code: 'city', name: '全市', r: data.metrics.city.indicators[key] },
  ];
  const sheet = addTable(
    workbook,
    INDICATORS[key].name,
    [
      { header: '排名' },
      { header: '镇街代码' },
      { header: '镇街' },
      { header: '数值', numFmt: value },
      { header: '分子' },
      { header: '分母' },
      { header: '目标', numFmt: value },
      { header: '目标期限', numFmt: DATE_FORMAT },
      { header: '上周', numFmt: value },
      { header: '较上周', numFmt: rate ? RATE_DELTA_FORMAT : PER1000_DELTA_FORMAT },
      { header: '上周排名' },
      { header: '排名变化' },
      { header: '达标/进度' },
      { header: '得分', numFmt: SCORE_FORMAT },
      { header: '说明', width: 30 },
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
        statusLabel(key, r.status),
        b?.score ?? null,
        r.reason ?? null,
      ];
    }),
  );
  sheet.getRow(1).getCell(4).note =
    `${INDICATORS[key].numeratorLabel} ÷ ${INDICATORS[key].denominatorLabel}${rate ? '' : ' × 1000'}`;
}

function compoundSheets(workbook: ExcelJS.Workbook, data: PackData): void {
  addTable(
    workbook,
    '后进小区',
    [
      { header: '镇街' },
      { header: '小区编码' },
      { header: '小区名称', width: 24 },
      { header: '社区/村', width: 16 },
      ...(['noMeeting', 'noCommittee', 'lowRating'] as const).map((r) => ({ header: LAG_REASON_LABELS[r], width: 14 })),
      { header: '超期诉求' },
      { header: '最近四方联席会议', width: 16, numFmt: DATE_FORMAT },
      { header: '原因', width: 60 },
    ],
    data.lagging.map((c) => [
      c.townshipName,
      c.code,
      c.name,
      c.community,
      ...(['noMeeting', 'noCommittee', 'lowRating'] as const).map((r) => (c.reasons.includes(r) ? '是' : '')),
      c.overdueIssues,
      dateCell(c.lastMeetingDate),
      c.reasonText.join('；'),
    ]),
  );
  addTable(
    workbook,
    '本周变化',
    [{ header: '镇街' }, { header: '小区编码' }, { header: '小区名称', width: 24 }, { header: '变化', width: 80 }],
    data.changes.map((c) => [c.townshipName, c.code, c.name, c.changes.map((x) => x.text).join('；')]),
  );
  for (const key of INDICATOR_KEYS) {
    const drill = data.drill[key];
    addTable(
      workbook,
      `明细-${INDICATORS[key].name}`,
      [
        { header: '镇街' },
        { header: '小区编码' },
        { header: '小区名称', width: 24 },
        { header: '户数' },
        { header: '计入分母' },
        { header: '计入分子' },
        { header: INDICATORS[key].pack.numeratorHeader },
        { header: INDICATORS[key].pack.denominatorHeader },
        { header: '说明', width: 44 },
      ],
      [
        ...drill.compounds.map((c): Cell[] => [
          c.townshipName,
          c.code,
          c.name,
          c.households,
          c.inDenominator ? '是' : '否',
          c.inNumerator ? '是' : '否',
          c.numeratorContribution,
          c.denominatorContribution,
          c.reason,
        ]),
        ['合计', null, null, null, null, null, drill.numerator, drill.denominator, null],
      ],
    );
  }
}

function about(workbook: ExcelJS.Workbook, data: PackData): void {
  const { board } = data;
  const sheet = workbook.addWorksheet('说明');
  sheet.columns = [{ width: 14 }, { width: 110 }];
  const rows: [string, string][] = [
    ['材料', `每周调度晾晒 · ${weekLabel(board.week)}${data.township ? ` · ${data.township.name}` : ' · 全市'}`],
    ['截至日期', board.asOf],
    ['对比日期', board.previousAsOf ?? '无（数据起始周）'],
    ['数据性质', board.demo ? DEMO_NOTICE : '真实台账'],
    ['晾晒状态', weekStatusLine(board)],
    ['上周', previousWeekLine(board)],
    ...describeRules(board.rules).map((line, i): [string, string] => [i === 0 ? '规则' : '', line]),
    [
      '口径',
      '比率为0–1的小数（以百分比格式显示）；信访矛盾为每千户28天内信访件与矛盾纠纷数（越低越好）；排名1为最好。',
    ],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).font = { bold: true };
}

export async function packXlsx(data: PackData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OneMap 住宅小区治理一张图';
  // Fixed timestamps: the same week gives the same workbook.
  workbook.created = new Date(`${data.board.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  overview(workbook, data);
  for (const key of INDICATOR_KEYS) indicatorSheet(workbook, data, key);
  compoundSheets(workbook, data);
  about(workbook, data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
