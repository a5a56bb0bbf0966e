/**
 * The columns of the compound ledger (小区台账): the published template's Chinese headers, the
 * other headers people write for the same thing, and what each column holds. One list drives
 * the template, the reader and the README table.
 */

import type { City } from '../city/activeCity.ts';

export const LEDGER_FIELDS = [
  'code',
  'name',
  'address',
  'township',
  'community',
  'lon',
  'lat',
  'households',
  'buildings',
  'yearBuilt',
  'kind',
  'listedOn',
  'modelHomeSince',
  'propertyCompany',
  'companyCreditCode',
  'contractStart',
  'contractLastDay',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

export interface LedgerColumn {
  field: LedgerField;
  /** The header in the published template. */
  header: string;
  /** Other headers accepted for the same column (compared without spaces, brackets or *). */
  aliases: readonly string[];
  required: boolean;
  /** What to write, for the template's 填写说明 sheet and the README. */
  note: string;
  example: string;
  width: number;
  /** Cell kind in the template (text keeps leading zeros; date shows YYYY-MM-DD). */
  format: 'text' | 'number' | 'date';
}

export const KIND_LABELS = { commercial: '商品房', resettlement: '安置房', old: '老旧小区', mixed: '混合' } as const;

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  {
    field: 'code',
    header: '小区编码',
    aliases: ['编码', '小区代码', '小区编号'],
    required: true,
    note: '台账中小区的固定编码，重复导入时按它更新；同一文件内不得重复',
    example: '', // from the city: cityColumnHints
    width: 16,
    format: 'text',
  },
  {
    field: 'name',
    header: '小区名称',
    aliases: ['名称', '小区名'],
    required: true,
    note: '小区名称',
    example: '',
    width: 20,
    format: 'text',
  },
  {
    field: 'address',
    header: '详细地址',
    aliases: ['地址', '小区地址'],
    required: false,
    note: '门牌地址；留空即清空',
    example: '',
    width: 28,
    format: 'text',
  },
  {
    field: 'township',
    header: '所属镇街',
    aliases: ['镇街', '镇(街道)', '镇街道', '乡镇街道', '镇街名称', '镇街代码', '所属镇(街道)'],
    required: true,
    note: '镇街名称或9位代码，见「镇街代码」表',
    example: '',
    width: 12,
    format: 'text',
  },
  {
    field: 'community',
    header: '所属社区(村)',
    aliases: ['社区/村', '社区(村)', '社区', '村(社区)', '所属社区', '村居'],
    required: false,
    note: '所在社区或村的名称；系统中没有的会新建（以“村”结尾的记为村）；留空即不归属',
    example: '示例社区',
    width: 14,
    format: 'text',
  },
  {
    field: 'lon',
    header: '经度',
    aliases: ['经度(WGS84)', '经度(GCJ02)', '经度(BD09)', 'lon', 'lng'],
    required: true,
    note: '十进制度；坐标系在导入时选择（默认 WGS84，高德/腾讯为 GCJ-02，百度为 BD-09），存储前统一转为 WGS84',
    example: '',
    width: 12,
    format: 'number',
  },
  {
    field: 'lat',
    header: '纬度',
    aliases: ['纬度(WGS84)', '纬度(GCJ02)', '纬度(BD09)', 'lat'],
    required: true,
    note: '十进制度，同上；坐标须在本市范围内',
    example: '',
    width: 12,
    format: 'number',
  },
  {
    field: 'households',
    header: '户数',
    aliases: ['总户数', '住户数', '户数(户)'],
    required: true,
    note: '非负整数',
    example: '860',
    width: 8,
    format: 'number',
  },
  {
    field: 'buildings',
    header: '楼栋数',
    aliases: ['楼栋', '栋数', '幢数'],
    required: false,
    note: '非负整数；留空则保持原值（新小区记为1）',
    example: '12',
    width: 8,
    format: 'number',
  },
  {
    field: 'yearBuilt',
    header: '建成年份',
    aliases: ['建成年代', '竣工年份', '建成时间'],
    required: false,
    note: '四位年份，1949年至今；留空即清空',
    example: '2012',
    width: 10,
    format: 'number',
  },
  {
    field: 'kind',
    header: '小区类型',
    aliases: ['类型', '小区性质'],
    required: true,
    note: '商品房、安置房、老旧小区、混合 之一',
    example: '商品房',
    width: 10,
    format: 'text',
  },
  {
    field: 'listedOn',
    header: '纳入台账日期',
    aliases: ['纳入日期', '建档日期', '入库日期'],
    required: false,
    note: '自该日起计入各项指标；留空则保持原值（新小区记为导入当天）',
    example: '2024-01-01',
    width: 14,
    format: 'date',
  },
  {
    field: 'modelHomeSince',
    header: '美好家园命名日期',
    aliases: ['美好家园', '美好家园示范小区命名日期'],
    required: false,
    note: '命名为“美好家园”示范小区的日期；留空即不是',
    example: '',
    width: 16,
    format: 'date',
  },
  {
    field: 'propertyCompany',
    header: '物业企业',
    aliases: ['物业公司', '物业服务企业', '物业企业名称'],
    required: false,
    note: '在管物业企业全称；整组物业列留空表示不改动已登记的物业合同',
    example: '',
    width: 26,
    format: 'text',
  },
  {
    field: 'companyCreditCode',
    header: '物业企业统一社会信用代码',
    aliases: ['统一社会信用代码', '信用代码', '物业企业信用代码'],
    required: false,
    note: '18位统一社会信用代码（有则按它识别企业）',
    example: '',
    width: 22,
    format: 'text',
  },
  {
    field: 'contractStart',
    header: '物业合同开始日期',
    aliases: ['合同开始日期', '物业服务开始日期', '合同起始日期'],
    required: false,
    note: '填了物业企业就必填',
    example: '2023-07-01',
    width: 16,
    format: 'date',
  },
  {
    field: 'contractLastDay',
    header: '物业合同到期日',
    aliases: ['合同到期日', '合同结束日期', '物业合同结束日期', '合同终止日期'],
    required: false,
    note: '合同有效的最后一天；留空表示仍在履行',
    example: '',
    width: 16,
    format: 'date',
  },
];

export const COLUMN_BY_FIELD = new Map(LEDGER_COLUMNS.map((c) => [c.field, c]));

export function headerOf(field: LedgerField): string {
  return COLUMN_BY_FIELD.get(field)!.header;
}

/** Headers compared the way people type them: width, spaces, brackets and required marks ignored. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*＊]|（必填）|\(必填\)|必填/g, '')
    .replace(/[()（）[\]【】]/g, '')
    .toLowerCase();
}

const HEADER_INDEX = new Map<string, LedgerField>(
  LEDGER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [headerKey(h), c.field] as const)),
);

export function fieldOfHeader(text: string): LedgerField | undefined {
  return HEADER_INDEX.get(headerKey(text));
}

/**
 * The notes and examples that name the city's own places (its township count, a township's name
 * and code, a point inside it): the template shows the column table with these laid over it.
 */
export function cityColumnHints(city: City): Partial<Record<LedgerField, { note?: string; example: string }>> {
  const township = city.townships.find((t) => t.code === city.demoStaffTownship) ?? city.townships[0];
  if (!township) return {};
  const short = township.name.replace(/(街道|镇|乡)$/, '');
  return {
    code: { example: `${township.code}-001` },
    name: { example: `${short}示例花园` },
    address: { example: `${city.name}${township.name}示例路1号` },
    township: {
      note: `${city.townships.length}个镇街之一：填名称（${township.name}，或简称${short}）或9位代码（${township.code}），见「镇街代码」表`,
      example: township.name,
    },
    lon: { example: township.seat[0].toFixed(2) },
    lat: { note: `十进制度，同上；坐标须在${city.name}范围内`, example: township.seat[1].toFixed(2) },
    propertyCompany: { example: `${city.shortName}示例物业服务有限公司` },
  };
}
