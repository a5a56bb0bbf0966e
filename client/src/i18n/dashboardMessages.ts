/**
 * Messages of the dashboard's township scope ("正在查看：陈埭镇 · 返回全市") and of the map's search
 * box, kept apart from the main catalogue; zh-CN.ts and en.ts spread them in, so the keys are
 * checked like every other.
 */
export const dashboardZh = {
  'scope.viewing': '正在查看：{township}',
  'scope.backToCity': '返回全市',
  'scope.townshipPage': '镇街页面',
  'scope.tilesOf': '{township} · 四升一降',
  'scope.secondaryOf': '{township} · 其他指标',
  'card.township.page': '打开镇街页面',
  'search.label': '搜索小区或镇街',
  'search.placeholder': '搜索小区或镇街（名称、编码、拼音首字母）',
  'search.noMatch': '未找到匹配的小区或镇街',
  'search.kind.township': '镇街',
  'search.kind.compound': '小区',
  'search.results': '{count} 个结果',
};

export const dashboardEn: Record<keyof typeof dashboardZh, string> = {
  'scope.viewing': 'Viewing: {township}',
  'scope.backToCity': 'Back to the city',
  'scope.townshipPage': 'Township page',
  'scope.tilesOf': '{township} · the five indicators',
  'scope.secondaryOf': '{township} · other figures',
  'card.township.page': 'Open the township page',
  'search.label': 'Search a compound or township',
  'search.placeholder': 'Search a compound or township (name, code, pinyin initials)',
  'search.noMatch': 'No compound or township matches',
  'search.kind.township': 'Township',
  'search.kind.compound': 'Compound',
  'search.results': '{count, plural, one {# result} other {# results}}',
};
