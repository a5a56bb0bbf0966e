/**
 * Messages of the administrator's tools on /admin (targets, review rules, the imports' safety
 * catch, the readable audit log), kept apart from the main catalogue; zh-CN.ts and en.ts spread
 * them in, so the keys are checked like every other.
 */
export const adminToolsZh = {
  'admin.deletes.title': '将删除全部 {compounds} 个演示小区及其全部历史记录',
  'admin.deletes.detail':
    '一并删除：{issues} 条群众诉求、{petitions} 件信访矛盾、{meetings} 次会议、{evaluations} 次服务评价、{terms} 届业委会、{orgs} 个党组织、{communities} 个社区和 {companies} 家物业企业，以及 {weeks} 个已晾晒周的快照；停用 {accounts} 个演示账号。镇街、边界、目标、账号和审计日志保留。',
  'admin.deletes.after': '随后导入台账中的 {count} 个小区。',
  'admin.confirmCity': '请输入城市名称“{city}”确认删除并导入',
  'admin.confirmCityMismatch': '输入的名称与“{city}”不一致',
  'admin.importDestructive': '删除演示数据并导入',
} as const;

export const adminToolsEn: Record<keyof typeof adminToolsZh, string> = {
  'admin.deletes.title': 'Deletes all {compounds} demo compounds and all their history',
  'admin.deletes.detail':
    'Also deleted: {issues} resident issues, {petitions} petitions, {meetings} meetings, {evaluations} service ratings, {terms} committee terms, {orgs} party organisations, {communities} communities and {companies} property companies, and the snapshots of {weeks} reviewed weeks; {accounts} demo accounts are disabled. Townships, boundaries, targets, accounts and the audit log stay.',
  'admin.deletes.after': 'Then imports the {count} compounds of the ledger.',
  'admin.confirmCity': 'Type the city name “{city}” to confirm deleting and importing',
  'admin.confirmCityMismatch': 'The name typed is not “{city}”',
  'admin.importDestructive': 'Delete the demo data and import',
};
