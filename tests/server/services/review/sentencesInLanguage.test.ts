/**
 * The server's sentences in both languages, from the same figures: the Chinese exactly as the
 * review has always written it, the English with no Chinese character but the data's names, and
 * the same numbers in both.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES } from '../../../../data/review-rules.ts';
import { changesIn, changeText, compoundChanges } from '../../../../server/services/review/compoundChanges.ts';
import { boardIn } from '../../../../server/services/review/inLanguage.ts';
import type { ReviewBoard } from '../../../../server/services/review/rankingBoard.ts';
import { listReasonText, redBlackList, type ListReason } from '../../../../server/services/review/redBlackList.ts';
import { summarise } from '../../../../server/services/review/summarySentences.ts';
import { SUMMARY_WORDS } from '../../../../server/services/review/summaryWords.ts';
import { PACK_WORDS } from '../../../../server/services/review/packWords.ts';
import { warningDetailsEn, warningIn } from '../../../../server/services/warnings/warningWords.ts';
import type { WarningView } from '../../../../server/services/warnings/warningQueries.ts';
import { lagReasonText, laggingCompounds, laggingIn } from '../../../../shared/review/laggingCompounds.ts';
import { describeRules } from '../../../../shared/review/reviewRulesText.ts';
import { localeOf } from '../../../../shared/language/index.ts';
import { weekLabel } from '../../../../shared/time/weeks.ts';
import type { CompoundStatus } from '../../../../server/services/compounds/compoundStatus.ts';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const numbers = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
/** English with the township names (data) taken out. */
const withoutNames = (text: string, names: readonly string[]) => names.reduce((t, n) => t.split(n).join(''), text);

const NAMES = ['陈埭镇', '安海镇', '西滨镇'];

/** A board with what the summary reads: three townships, the city, movers and lists. */
function board(): Omit<ReviewBoard, 'summary'> {
  const indicators = (value: number, delta: number, rank: number, rankChange: number) => ({
    partyOrgCoverage: { value: 1, delta: 0, rank: 1, rankChange: 0, score: 100, previousScore: 100 },
    committeeRate: { value, delta, rank, rankChange, score: value * 100, previousScore: (value - delta) * 100 },
    deliberationCoverage: { value: 0.9, delta: 0, rank: 2, rankChange: 0, score: 90, previousScore: 90 },
    serviceQuality: { value: 0.6, delta: 0, rank: 2, rankChange: 0, score: 60, previousScore: 60 },
    petitionRate: { value: 0.85, delta: -0.05, rank: 2, rankChange: 0, score: 50, previousScore: 50 },
  });
  const township = (code: string, name: string, score: number, rank: number, rankChange: number) => ({
    code,
    name,
    composite: { score, rank, rankChange, previousScore: score - 1, previousRank: rank + rankChange },
    indicators: indicators(0.853, 0.032, rank, rankChange),
  });
  const townships = [
    township('350582103', '陈埭镇', 89.14, 1, 2),
    township('350582105', '安海镇', 80.5, 2, 0),
    township('350582106', '西滨镇', 70.25, 3, -2),
  ];
  const entry = (code: string, name: string, rank: number, reason: ListReason) => ({
    code,
    name,
    compositeRank: rank,
    rules: [reason.rule],
    reasons: [listReasonText(reason, 'zh-CN')],
    reasonFacts: [reason],
  });
  return {
    week: '2026-W46',
    asOf: '2026-11-15',
    previousAsOf: '2026-11-08',
    state: 'ended',
    previousWeek: null,
    corrections: [],
    demo: true,
    reviewed: null,
    rules: DEFAULT_REVIEW_RULES,
    townships,
    city: {
      partyOrgCoverage: { value: 1, previousWeek: 1, delta: 0, status: 'met' },
      committeeRate: { value: 0.853, previousWeek: 0.821, delta: 0.032, status: 'at_risk' },
      deliberationCoverage: { value: 0.948, previousWeek: 0.951, delta: -0.003, status: 'off_track' },
      serviceQuality: { value: 0.606, previousWeek: 0.61, delta: -0.004, status: 'off_track' },
      petitionRate: { value: 0.88, previousWeek: 0.9, delta: -0.02, status: 'on_track' },
    },
    movers: {
      composite: {
        gainers: [{ code: '350582103', name: '陈埭镇', score: 89.14, rankChange: 2 }],
        fallers: [{ code: '350582106', name: '西滨镇', score: 70.25, rankChange: -2 }],
      },
      indicators: {} as ReviewBoard['movers']['indicators'],
    },
    redList: [entry('350582103', '陈埭镇', 1, { rule: 'top', rank: 1, n: 3 })],
    blackList: [entry('350582106', '西滨镇', 3, { rule: 'deliberationCoverage', coverage: 0.75, min: 0.8 })],
    redWithheld: [],
  } as unknown as Omit<ReviewBoard, 'summary'>;
}

describe('the summary in both languages', () => {
  const zh = summarise(board(), 'zh-CN');
  const en = summarise(board(), 'en');

  it('keeps the Chinese wording of the review', () => {
    expect(zh.city[1]!.text).toBe('全市业委会组建率为85.3%，较上周提升3.2个百分点，尚未达标，有不能按期达标的风险。');
    expect(zh.city[4]!.text).toBe('全市信访矛盾为每千户0.88件，较上周减少0.02件，尚未达标，按当前进度可按期达标。');
    expect(zh.townships['350582103']![0]!.text).toBe('陈埭镇综合得分89.1分，列第1位，较上周上升2位。');
    expect(zh.city.find((s) => s.facts.kind === 'cityLists')!.text).toBe('本周红榜：陈埭镇；黑榜：西滨镇。');
  });

  it('writes English with no Chinese but the names, and says "percentage points", never "个百分点"', () => {
    expect(en.city[1]!.text).toBe(
      "The city's owners' committee rate is 85.3%, up 3.2 percentage points on last week, not yet met, at risk of missing the deadline.",
    );
    expect(en.townships['350582103']![0]!.text).toBe(
      '陈埭镇: composite score 89.1 points, ranked 1st, up 2 places on last week.',
    );
    for (const s of [...en.city, ...Object.values(en.townships).flat()])
      expect(withoutNames(s.text, NAMES), s.text).not.toMatch(CJK);
  });

  it('writes the same numbers in both languages, sentence by sentence, with the same facts', () => {
    const pairs = zh.city.map((s, i) => [s, en.city[i]!] as const);
    for (const code of Object.keys(zh.townships))
      zh.townships[code]!.forEach((s, i) => pairs.push([s, en.townships[code]![i]!]));
    for (const [a, b] of pairs) {
      expect(b.facts, b.text).toEqual(a.facts);
      // Ordinals ("1st") and counts of places are numbers too; compare the figures as a set. The
      // unit "per 1,000 households" is 每千户 in Chinese: not a figure.
      const english = withoutNames(b.text, NAMES).replaceAll('per 1,000 households', '');
      expect(new Set(numbers(english)), `${a.text} / ${b.text}`).toEqual(new Set(numbers(a.text)));
    }
  });

  it("writes a board in English from its figures, and leaves a Chinese reader's board as it is", () => {
    const full = { ...board(), summary: zh } as ReviewBoard;
    expect(boardIn(full, 'zh-CN')).toBe(full);
    const english = boardIn(full, 'en');
    expect(english.redList[0]!.reasons).toEqual(['Composite rank 1, in the top 3']);
    expect(english.blackList[0]!.reasons).toEqual(['Deliberation coverage 75.0% (below 80.0%)']);
    expect(english.summary).toEqual(en);
    // A board frozen before reasons kept their figures: its reasons stay as they were written.
    const { reasonFacts: _, ...frozen } = full.redList[0]!;
    expect(boardIn({ ...full, redList: [frozen] }, 'en').redList[0]!.reasons).toEqual(['综合排名第1名，居前3名']);
  });
});

describe('the words of a change', () => {
  it.each([
    ['en', 3.2, 'up 3.2 percentage points'],
    ['en', -1, 'down 1.0 percentage point'],
    ['zh-CN', -0.5, '下降0.5个百分点'],
  ] as const)('%s: a rate moving %s points', (locale, points, text) => {
    expect(SUMMARY_WORDS[locale].change('committeeRate', points / 100)).toBe(text);
  });
  it('ranks in words', () => {
    expect(SUMMARY_WORDS.en.rank(2, 3)).toBe('up 3 places to 2nd');
    expect(SUMMARY_WORDS.en.rank(11, null)).toBe('ranked 11th');
    expect(SUMMARY_WORDS['zh-CN'].rank(2, -1)).toBe('排名下降1位至第2位');
  });
});

describe('red and black list reasons', () => {
  const candidates = [
    {
      code: 'a',
      name: '陈埭镇',
      compositeRank: 1,
      compositeRankChange: 0,
      openIssues: 10,
      overdueIssues: 0,
      deliberationCoverage: 1,
    },
    {
      code: 'b',
      name: '西滨镇',
      compositeRank: 2,
      compositeRankChange: 0,
      openIssues: 10,
      overdueIssues: 5,
      deliberationCoverage: 0.7,
    },
  ];
  it('writes each reason in either language from the same figures', () => {
    const lists = redBlackList(candidates, {
      ...DEFAULT_REVIEW_RULES,
      redList: { topN: 1, minRankRise: null },
    } as never);
    const black = lists.black.find((e) => e.code === 'b')!;
    expect(black.reasons).toEqual(black.reasonFacts!.map((r) => listReasonText(r, 'zh-CN')));
    expect(black.reasons).toContain('超期诉求5件，占未办结10件的50.0%（40.0%及以上）');
    const english = black.reasonFacts!.map((r) => listReasonText(r, 'en'));
    expect(english).toContain('5 overdue resident issues, 50.0% of 10 open (40.0% or more)');
    expect(english).toContain('Deliberation coverage 70.0% (below 80.0%)');
    for (const text of english) expect(text).not.toMatch(CJK);
  });
});

const status = (over: Partial<CompoundStatus>): CompoundStatus =>
  ({
    code: '350582103-001',
    name: '金利花苑',
    townshipCode: '350582103',
    townshipName: '陈埭镇',
    community: '洋埭村',
    partyOrgType: null,
    committeeInOffice: false,
    committeePartyMajority: false,
    lastMeetingDate: '2026-09-01',
    propertyManaged: true,
    propertyCompany: '晋江市乐庭物业服务有限公司',
    rating: '3',
    openIssues: 2,
    overdueIssues: 1,
    ...over,
  }) as CompoundStatus;

describe('lagging reasons and change lines', () => {
  it("writes a lagging compound's reasons in English from its figures", () => {
    const [lagging] = laggingCompounds([status({})], '2026-11-15');
    expect(lagging!.reasonText).toEqual([
      '30天内未召开四方联席会议（最近 2026-09-01）',
      '无在任业委会',
      '最近评定三星',
      '超期诉求1件',
    ]);
    expect(laggingIn([lagging!], 'en')[0]!.reasonText).toEqual([
      'No four-party meeting in 30 days (last 2026-09-01)',
      "No owners' committee in office",
      'Latest rating: 3 stars',
      '1 overdue resident issue',
    ]);
    expect(lagReasonText('noMeeting', { lastMeetingDate: null, rating: null, overdueIssues: 0 }, 'en')).toBe(
      'Never held a four-party meeting',
    );
  });

  it('writes each change in English from its figures; a change frozen without them keeps its Chinese', () => {
    const before = status({});
    const now = status({
      partyOrgType: 'combined',
      committeeInOffice: true,
      committeePartyMajority: true,
      rating: '4',
      openIssues: 1,
    });
    const [changes] = compoundChanges([before], [now]);
    expect(changes!.changes.map((c) => c.text)).toEqual([
      '成立党组织（兼合式）',
      '业委会成立（党员过半）',
      '星级由三星变为四星',
      '未办结诉求由2件变为1件',
    ]);
    expect(changesIn([changes!], 'en')[0]!.changes.map((c) => c.text)).toEqual([
      'Party organisation formed (combined)',
      "Owners' committee formed (party majority)",
      'Rating changed from 3 stars to 4 stars',
      'Open resident issues from 2 to 1',
    ]);
    expect(changeText('propertyManagement', { to: null }, 'en')).toBe('Property management ended');
    const frozen = { ...changes!, changes: [{ kind: 'openIssues' as const, text: '未办结诉求由2件变为1件' }] };
    expect(changesIn([frozen], 'en')[0]!.changes[0]!.text).toBe('未办结诉求由2件变为1件');
  });
});

describe('warnings, rules and weeks in English', () => {
  const warning = {
    rule: 'ratingDrop',
    ruleLabel: '物业考评等级下滑',
    details: '双溪大厦物业考评由3星（2026-06-16）降为1星（2026-11-20）',
    figures: { rating: '1', previous: '3', evaluatedOn: '2026-11-20', evaluationId: 4 },
    compoundName: '双溪大厦',
    townshipName: '陈埭镇',
    indicator: null,
  } as unknown as WarningView;

  it('writes a warning again from its figures, and keeps the Chinese when a figure is missing', () => {
    expect(warningIn(warning, 'en')).toMatchObject({
      ruleLabel: 'Property rating dropped',
      details: '双溪大厦: property rating fell from 3 stars to 1 star (2026-11-20)',
    });
    expect(warningIn(warning, 'zh-CN')).toBe(warning);
    expect(warningDetailsEn({ ...warning, figures: {} })).toBeNull();
    expect(warningIn({ ...warning, figures: {} }, 'en').details).toBe(warning.details);
  });

  it('describes the review rules in English with no Chinese, and in Chinese as before', () => {
    for (const line of describeRules(DEFAULT_REVIEW_RULES, 'en')) expect(line).not.toMatch(CJK);
    expect(describeRules(DEFAULT_REVIEW_RULES)[3]).toBe('并列按“1224”规则排名：得分相同名次相同，其后名次顺延。');
  });

  it('labels weeks with English dates, across a year end too', () => {
    expect(weekLabel('2026-W49', 'en')).toBe('2026-W49 (30 Nov – 6 Dec)');
    expect(weekLabel('2026-W53', 'en')).toBe('2026-W53 (28 Dec – 3 Jan 2027)');
    expect(weekLabel('2026-W49')).toBe('2026-W49（11月30日—12月6日）');
  });

  it('takes only "en" as English: anything else a client sends is Chinese', () => {
    expect([localeOf('en'), localeOf('zh-CN'), localeOf('fr'), localeOf(undefined), localeOf(['en'])]).toEqual([
      'en',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ]);
  });

  it("writes the files' table figures with the same rounding in both languages, the unit in the reader's", () => {
    const [zh, en] = [PACK_WORDS['zh-CN'], PACK_WORDS.en];
    expect([zh.delta('committeeRate', 0.032), en.delta('committeeRate', 0.032)]).toEqual(['+3.2个百分点', '+3.2 pts']);
    expect([zh.delta('petitionRate', -0.049), en.delta('petitionRate', -0.049)]).toEqual(['-0.05件', '-0.05']);
    expect([zh.delta('committeeRate', 0.0001), en.delta('committeeRate', 0.0001)]).toEqual(['0.0个百分点', '0.0 pts']);
    expect([zh.bareValue('petitionRate', 1.234), en.bareValue('petitionRate', 1.234)]).toEqual(['1.23', '1.23']);
    expect([zh.status('partyOrgCoverage', 'off_track'), en.status('partyOrgCoverage', 'off_track')]).toEqual([
      '滞后',
      'Off track',
    ]);
    // A standing rule has no pace to lag behind: not met, in either language.
    expect([zh.status('deliberationCoverage', 'off_track'), en.status('deliberationCoverage', 'off_track')]).toEqual([
      '未达标',
      'Not met',
    ]);
    expect(en.packFileName('2026-W49', null, 'xlsx')).toBe('weekly-pack-2026-W49.xlsx');
    expect(zh.packFileName('2026-W49', null, 'xlsx')).toBe('晾晒_2026-W49_全市.xlsx');
  });
});
