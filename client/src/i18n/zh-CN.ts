/** The message catalogue. Simplified Chinese is the default; en.ts must have the same keys. */
export const zhCN = {
  'app.title': '住宅小区治理一张图',
  'app.city': '晋江市',
  'app.demoBadge': '演示数据',
  'app.demoBadgeHint': '由程序按公开数字生成，并非真实台账',
  'app.approximateBoundaries': '示意边界',
  'app.approximateBoundariesHint': '镇街边界由镇街驻地推算，仅供示意',
  'app.loading': '正在加载…',
  'app.loadError': '数据加载失败：{message}',
  'app.language': 'English',
  'overview.townships': '镇街',
  'overview.compounds': '小区',
  'overview.households': '户数',
  'overview.propertyManaged': '物业管理',
  'overview.partyOrg': '党组织覆盖',
  'overview.committee': '业委会在任',
  'overview.asOf': '截至 {date}',
  'overview.compoundCount': '{count} 个小区',
  'township.kind.subdistrict': '街道',
  'township.kind.town': '镇',
} as const;

export type MessageKey = keyof typeof zhCN;
