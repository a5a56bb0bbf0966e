/**
 * Why a ledger cell or row is wrong, in both languages (shared/language/said.ts): the reasons of
 * the cell parsers (cells.ts), of the credit-code check (creditCode.ts) and of the row check
 * (validateRow.ts). The Chinese is what the import always said, byte for byte.
 *
 * What the person wrote is quoted as written ("一百", "火星镇"): it is the ledger's data, not a
 * sentence of ours, so the English quotes it untranslated. A column is named by the file's own
 * Chinese header with an English gloss (columnName in ledgerReportWords.ts).
 */
import { said, type Said } from '../../../shared/language/said.ts';
import { KIND_LABELS } from './columns.ts';
import { columnName, KIND_EN } from './ledgerReportWords.ts';

/** The kinds a ledger may write, each as the file writes it with its English gloss. */
const KINDS_EN = (Object.entries(KIND_LABELS) as [keyof typeof KIND_LABELS, string][])
  .map(([kind, label]) => `"${label}" (${KIND_EN[kind]})`)
  .join(', ');

export const CELL_WORDS = {
  notNumber: said('不是有效数字', 'not a valid number'),
  shouldBeNumber: (shown: string) => said(`应为数字，实为“${shown}”`, `should be a number, not "${shown}"`),
  shouldBeWhole: (shown: string) => said(`应为整数，实为“${shown}”`, `should be a whole number, not "${shown}"`),
  negative: (value: number) => said(`不能为负数（${value}）`, `cannot be negative (${value})`),
  tooLarge: (value: number) => said(`数值过大（${value}）`, `too large (${value})`),
  notDate: said('不是有效日期', 'not a valid date'),
  notDateText: (shown: string) => said(`不是有效日期：“${shown}”`, `not a valid date: "${shown}"`),
  serialOutOfRange: (shown: string) =>
    said(
      `不是有效日期：“${shown}”（若为 Excel 日期序号，应在 1990–2100 年之间）`,
      `not a valid date: "${shown}" (as an Excel date serial it should fall between 1990 and 2100)`,
    ),
  dateLike: (shown: string) =>
    said(`不是有效日期：“${shown}”（应如 2024-01-05）`, `not a valid date: "${shown}" (write it like 2024-01-05)`),
  noSuchDate: (shown: string) => said(`日期不存在：“${shown}”`, `no such date: "${shown}"`),
};

export const CREDIT_CODE_WORDS = {
  length: (count: number) => said(`应为18位，实为${count}位`, `it should have 18 characters, not ${count}`),
  unusedLetter: (position: number, ch: string) =>
    said(
      `第${position}位为字母 ${ch}，统一社会信用代码不使用 I、O、Z、S、V`,
      `character ${position} is the letter ${ch}: credit codes do not use I, O, Z, S or V`,
    ),
  notDigitOrLetter: (position: number, ch: string) =>
    said(
      `第${position}位“${ch}”不是数字或大写字母`,
      `character ${position} "${ch}" is not a digit or a capital letter`,
    ),
  divisionDigit: (position: number, ch: string) =>
    said(
      `第${position}位为“${ch}”：第3–8位是行政区划码，应为数字`,
      `character ${position} is "${ch}": characters 3–8 are the administrative division code and should be digits`,
    ),
  checkChar: (expected: string, found: string) =>
    said(
      `第18位校验码应为 ${expected}，实为 ${found}（请核对前17位是否抄错）`,
      `the check character (the 18th) should be ${expected}, not ${found} (check the first 17 for a slip)`,
    ),
};

/** The city as a message names it: 晋江市 / Jinjiang, with its short name for the extent. */
export interface CityNames {
  name: string;
  shortName: string;
  nameEn: string;
}

/** Where the city lies, from its map extent [west, south, east, north]. */
const extent = (city: CityNames, [w, s, e, n]: readonly number[]) =>
  said(
    `${city.shortName}的经度约为${w!.toFixed(1)}–${e!.toFixed(1)}，纬度约为${s!.toFixed(1)}–${n!.toFixed(1)}`,
    `${city.nameEn} lies at about longitude ${w!.toFixed(1)}–${e!.toFixed(1)}, latitude ${s!.toFixed(1)}–${n!.toFixed(1)}`,
  );

export const ROW_WORDS = {
  required: said('必填，不能为空', 'required: it cannot be blank'),
  tooLong: (what: 'code' | 'name' | 'address', length: number, most: number) =>
    said(
      `${{ code: '编码', name: '名称', address: '地址' }[what]}过长（${length}个字符，最多${most}）`,
      `${what} too long (${length} characters, ${most} at most)`,
    ),
  communityTooLong: (length: number) =>
    said(`社区(村)名称过长（${length}个字符）`, `community (village) name too long (${length} characters)`),
  companyTooLong: (length: number) =>
    said(`物业企业名称过长（${length}个字符）`, `property company name too long (${length} characters)`),
  unknownTownship: (shown: string, city: CityNames, count: number) =>
    said(
      `镇街“${shown}”不存在（应为${city.name}${count}个镇街的名称或9位代码，见模板「镇街代码」表）`,
      `no township "${shown}" (write the name or the 9-digit code of one of ${city.nameEn}'s ${count} townships: see the template's sheet "镇街代码" (township codes))`,
    ),
  swapped: (lon: number, lat: number, city: CityNames, bounds: readonly number[]) => {
    const where = extent(city, bounds);
    return said(
      `经纬度似乎填反了（经度 ${lon}，纬度 ${lat}）：${where['zh-CN']}`,
      `longitude and latitude seem swapped (longitude ${lon}, latitude ${lat}): ${where.en}`,
    );
  },
  notInChina: (lon: number, lat: number) =>
    said(
      `坐标（${lon}, ${lat}）不在中国范围内，不是经纬度（十进制度）`,
      `(${lon}, ${lat}) is not in China: not a longitude and latitude in decimal degrees`,
    ),
  outsideCity: (lon: number, lat: number, city: CityNames, converted: { crs: string; at: string } | null) =>
    said(
      `坐标（${lon}, ${lat}）不在${city.name}范围内${converted ? `（按 ${converted.crs} 换算后为 ${converted.at}）` : ''}`,
      `(${lon}, ${lat}) is outside ${city.nameEn}${converted ? ` (${converted.at} once converted from ${converted.crs})` : ''}`,
    ),
  outsideTownship: (township: string, official: boolean, fallsIn: string | null) =>
    said(
      `坐标不在${township}的${official ? '' : '示意'}边界内${fallsIn ? `（落在${fallsIn}）` : ''}，请核对；已按所填镇街导入`,
      `the coordinates are outside the ${official ? '' : 'approximate '}boundary of ${township}${fallsIn ? ` (they fall in ${fallsIn})` : ''}: please check; imported under the township written`,
    ),
  implausibleYear: (year: number, latest: number) =>
    said(
      `建成年份 ${year} 不合理（应在1949–${latest}年之间）`,
      `year built ${year} is implausible (it should be between 1949 and ${latest})`,
    ),
  unknownKind: (shown: string) =>
    said(
      `小区类型“${shown}”无效（应为 商品房、安置房、老旧小区、混合 之一）`,
      `compound type "${shown}" is not one of ${KINDS_EN}`,
    ),
  afterToday: (field: 'listedOn' | 'modelHomeSince' | 'contractStart', date: string, today: string) =>
    said(
      `${{ listedOn: '纳入台账日期', modelHomeSince: '美好家园命名日期', contractStart: '物业合同开始日期' }[field]} ${date} 晚于今天（${today}）`,
      `${columnName(field, 'en')} ${date} is after today (${today})`,
    ),
  badCreditCode: (shown: string, why: Said) =>
    said(`统一社会信用代码“${shown}”有误：${why['zh-CN']}`, `credit code "${shown}" is wrong: ${why.en}`),
  startRequired: said(
    '填了物业企业就必须填物业合同开始日期',
    `a property company needs its contract's start in ${columnName('contractStart', 'en')}`,
  ),
  endBeforeStart: (lastDay: string, startOn: string) =>
    said(
      `物业合同到期日 ${lastDay} 早于开始日期 ${startOn}`,
      `the contract's last day ${lastDay} is before its start ${startOn}`,
    ),
  companyMissing: said(
    '填了物业合同信息但缺少物业企业名称',
    `the property contract is filled in but ${columnName('propertyCompany', 'en')} is blank`,
  ),
};
