/**
 * Messages of the week picker (a calendar with ISO weeks as rows) and the replay, kept apart from
 * the main catalogue; zh-CN.ts and en.ts spread them in, so the keys are checked like every other.
 */
export const weekPickerZh = {
  'weekPicker.open': '选择周：{week}',
  'weekPicker.dialog': '选择周（按周一至周日）',
  'weekPicker.previous': '上一周',
  'weekPicker.next': '下一周',
  'weekPicker.close': '关闭',
  'weekPicker.all': '全部周',
  'weekPicker.inProgress': '本周进行中',
  'weekPicker.weekHeader': '周次',
  'weekPicker.day': '{date}，{week}',
  'weekPicker.dayOutside': '{date}，{week}（不在数据范围内）',
  'weekPicker.hint': '点击一行选择该周；方向键移动，回车确认，Esc 关闭',
  'weekPicker.outside': '地址中的周次 {week} 不在数据范围内（{first} 至 {last}），已显示 {shown}',
  'weekPicker.invalid': '地址中的周次 {week} 无效（应为 YYYY-Www，如 2026-W49），已显示 {shown}',
  'replay.speed': '回放速度',
  'replay.speedOption': '每秒 {count} 周',
  'replay.from': '回放起',
  'replay.to': '回放止',
  'replay.settings': '回放设置',
} as const;

export const weekPickerEn: Record<keyof typeof weekPickerZh, string> = {
  'weekPicker.open': 'Pick a week: {week}',
  'weekPicker.dialog': 'Pick a week (Monday to Sunday)',
  'weekPicker.previous': 'Previous week',
  'weekPicker.next': 'Next week',
  'weekPicker.close': 'Close',
  'weekPicker.all': 'All weeks',
  'weekPicker.inProgress': 'in progress',
  'weekPicker.weekHeader': 'Week',
  'weekPicker.day': '{date}, {week}',
  'weekPicker.dayOutside': '{date}, {week} (outside the data)',
  'weekPicker.hint': 'Click a row to pick its week; arrow keys move, Enter picks, Esc closes',
  'weekPicker.outside': 'The week {week} in the address is outside the data ({first} to {last}); showing {shown}',
  'weekPicker.invalid': 'The week {week} in the address is not a week (write YYYY-Www, e.g. 2026-W49); showing {shown}',
  'replay.speed': 'Replay speed',
  'replay.speedOption': '{count, plural, one {# week} other {# weeks}} a second',
  'replay.from': 'Replay from',
  'replay.to': 'to',
  'replay.settings': 'Replay',
};
