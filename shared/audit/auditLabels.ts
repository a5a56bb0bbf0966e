/**
 * The audit log in words people read: Chinese names of the actions, of every table (one mapping
 * for all of them; a test checks it against the schema), of the fields, and of the enum values
 * the rows hold; and the before → after of a row as field-by-field lines, nested settings
 * flattened ("黑榜 · 后几名"), never a JSON blob. A name not known falls back to the raw one.
 */
import { INDICATORS, isIndicatorKey } from '../indicators/index.ts';

export const ACTION_NAMES: Readonly<Record<string, string>> = {
  insert: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  forbidden: '越权尝试',
  login: '登录',
  'login-failed': '登录失败',
  logout: '退出登录',
  'change-password': '修改密码',
  'reset-password': '重设密码',
  reset: '重设',
  disable: '停用',
  enable: '启用',
  revoke: '撤销',
  retire: '停用目标',
  review: '标记已晾晒',
  restore: '恢复备份',
  seed: '生成演示数据',
  'end-sessions': '结束会话',
  'warnings.run': '运行预警规则',
  download: '下载',
};

/** Every table of data/schema, and the pseudo-tables the services write (dataset, ledger, database). */
export const TABLE_NAMES: Readonly<Record<string, string>> = {
  audit_log: '审计日志',
  cities: '城市',
  townships: '镇街',
  communities: '社区',
  property_companies: '物业企业',
  compounds: '小区',
  property_contracts: '物业合同',
  party_organisations: '党组织',
  committee_terms: '业委会',
  meetings: '议事会议',
  evaluations: '服务评价',
  resident_issues: '群众诉求',
  petitions: '信访矛盾',
  targets: '目标',
  users: '账号',
  sessions: '登录会话',
  login_attempts: '登录尝试',
  display_tokens: '大屏令牌',
  review_settings: '晾晒规则',
  reviewed_weeks: '已晾晒周',
  dataset_info: '数据集信息',
  data_revision: '数据版本',
  township_counts_timeline: '镇街统计时间线',
  counts_timeline_state: '统计时间线状态',
  compound_counts_changes: '小区统计变化',
  dataset: '数据集',
  ledger: '小区台账',
  database: '数据库',
  backups: '备份',
  attachments: '佐证材料',
  supervision_items: '督办事项',
  supervision_warnings: '预警',
  webhooks: '群机器人推送',
  webhook_deliveries: '消息推送记录',
  supervision_item_events: '督办办理记录',
  'review.townshipReport': '镇街一页纸',
};

/** A refused call names its procedure (router.procedure): said as the part of the system it belongs to. */
const PROCEDURE_AREAS: Readonly<Record<string, string>> = {
  auth: '登录',
  system: '系统信息',
  geography: '地理',
  compounds: '小区',
  metrics: '指标',
  review: '晾晒',
  workbench: '分析工作台',
  ledger: '导入',
  editing: '记录录入',
  admin: '系统管理',
  targets: '目标',
  live: '实时更新',
  supervision: '督办',
  warnings: '预警',
  webhooks: '消息推送',
  inbox: '待办提醒',
  attachments: '佐证材料',
};

export const FIELD_NAMES: Readonly<Record<string, string>> = {
  ownerKind: '所属记录类型',
  ownerId: '所属记录编号',
  owner: '所属记录',
  stage: '办理阶段',
  mediaType: '文件类型',
  fileName: '文件名',
  byteSize: '文件大小（字节）',
  sha256: '文件指纹',
  takenAt: '拍摄时间',
  takenLon: '拍摄经度',
  takenLat: '拍摄纬度',
  exifSource: '拍摄信息来源',
  flags: '存疑原因',
  uploadedBy: '上传人',
  uploadedAt: '上传时间',
  compoundCodes: '涉及小区',
  problem: '问题',
  task: '督办任务',
  issuedById: '交办人编号',
  issuedByName: '交办人',
  issuedAt: '交办时间',
  reviewWeek: '晾晒周',
  sourceRef: '来源依据',
  state: '办理状态',
  answer: '办理反馈',
  answeredAt: '反馈时间',
  answeredById: '反馈人编号',
  answeredByName: '反馈人',
  closedAt: '销号时间',
  closedById: '销号人编号',
  closedByName: '销号人',
  returnedReason: '退回理由',
  returnedAt: '退回时间',
  updatedAt: '更新时间',
  id: '编号',
  code: '编码',
  name: '名称',
  displayName: '姓名',
  username: '用户名',
  role: '角色',
  roleName: '角色名称',
  passwordHash: '密码（散列）',
  tokenHash: '令牌（散列）',
  lastUsedAt: '最近使用',
  townshipCode: '镇街',
  disabled: '已停用',
  mustChangePassword: '须改密码',
  indicator: '指标',
  value: '目标值',
  deadline: '期限',
  source: '来源',
  note: '说明',
  retiredAt: '停用时间',
  compoundId: '小区',
  compoundCode: '小区编码',
  communityId: '社区',
  companyId: '物业企业',
  households: '户数',
  buildings: '楼栋数',
  yearBuilt: '建成年份',
  kind: '类型',
  type: '类型',
  address: '地址',
  lon: '经度',
  lat: '纬度',
  managed: '有物业',
  listedOn: '纳入台账日期',
  channel: '渠道',
  category: '类别',
  status: '状态',
  openedOn: '受理日期',
  dispatchedOn: '派单日期',
  inProgressOn: '办理日期',
  closedOn: '办结日期',
  revisitedOn: '回访日期',
  dueOn: '办理期限',
  receivedOn: '收到日期',
  resolvedOn: '化解日期',
  heldOn: '会议日期',
  attendees: '参会人数',
  topics: '议题',
  problemsResolved: '解决问题数',
  formedOn: '成立日期',
  endedOn: '届满日期',
  members: '委员人数',
  partyMembers: '党员委员人数',
  chairIsPartySecretary: '主任由党组织书记兼任',
  establishedOn: '成立日期',
  dissolvedOn: '撤销日期',
  evaluatedOn: '评价日期',
  score: '得分',
  safetyScore: '安全得分',
  rating: '星级',
  startOn: '开始日期',
  endOn: '到期日期',
  creditCode: '统一社会信用代码',
  week: '周次',
  reviewedAt: '晾晒时间',
  reviewedBy: '晾晒人',
  expiresAt: '到期时间',
  revokedAt: '撤销时间',
  lastSeenAt: '最近使用',
  createdAt: '创建时间',
  createdBy: '创建人',
  ip: 'IP地址',
  reason: '原因',
  procedure: '接口',
  required: '所需权限',
  file: '文件',
  crs: '坐标系',
  rows: '行数',
  new: '新增',
  updated: '更新',
  unchanged: '未变',
  untouched: '台账未提及',
  newCommunities: '新社区',
  newCompanies: '新物业企业',
  replacedDemo: '替换演示数据',
  matched: '匹配镇街数',
  outside: '界外小区数',
  boundarySource: '边界来源',
  boundary: '边界',
  composite: '综合得分',
  weights: '权重',
  redList: '红榜',
  blackList: '黑榜',
  movers: '进退步榜',
  topN: '前几名',
  minRankRise: '排名上升至少',
  bottomN: '后几名',
  minOverdueShare: '超期诉求占比',
  minOverdueCount: '超期诉求至少几件',
  minDeliberationCoverage: '议事覆盖率低于',
  count: '数量',
  seed: '随机种子',
  asOf: '截至日期',
  compounds: '小区数',
  recordIds: '涉及记录',
  since: '起',
  until: '止',
  summary: '摘要',
  tables: '数据表',
};

const VALUE_NAMES: Readonly<Record<string, string>> = {
  published: '已发布',
  assumed: '假设',
  leader: '市领导',
  analyst: '分析员',
  township_staff: '镇街工作人员',
  admin: '管理员',
  system_admin: '系统管理员',
  security_auditor: '安全审计员',
  business_admin: '业务管理员',
  accepted: '已受理',
  dispatched: '已派单',
  in_progress: '办理中',
  closed: '已办结',
  revisited: '已回访',
  official: '官方',
  approximate: '示意',
  query: '查询',
  mutation: '修改',
  read: '查看',
  export: '导出',
  edit: '编辑记录',
  accounts: '账号管理',
  audit: '审计查看',
  business: '业务管理',
  wgs84: 'WGS84',
  gcj02: 'GCJ-02',
  bd09: 'BD-09',
  supervise: '督办',
  pending: '待办理',
  answered: '已反馈',
  returned: '退回',
  manual: '手工交办',
  warning: '预警',
  meeting: '会议',
  committee_term: '业委会任期',
  issue_stage: '诉求办理阶段',
  supervision_answer: '督办反馈',
  file: '照片文件',
  client: '手机端读取',
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An instant as yyyy-mm-dd HH:mm in Asia/Shanghai (the city's time, wherever the reader is). */
export function shanghaiMinute(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export const actionName = (action: string): string => ACTION_NAMES[action] ?? action;

export function tableName(table: string): string {
  const known = TABLE_NAMES[table];
  if (known) return known;
  const [area, procedure] = table.split('.');
  if (procedure && area && PROCEDURE_AREAS[area]) return `${PROCEDURE_AREAS[area]}接口`;
  return table;
}

export function fieldName(field: string): string {
  if (isIndicatorKey(field)) return INDICATORS[field].name;
  return FIELD_NAMES[field] ?? field;
}

export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
  if (typeof value === 'string') {
    if (TIMESTAMP.test(value)) return shanghaiMinute(value);
    if (isIndicatorKey(value)) return INDICATORS[value].name;
    if (VALUE_NAMES[value]) return VALUE_NAMES[value];
    const [area, procedure] = value.split('.');
    if (procedure && area && PROCEDURE_AREAS[area] && /^[a-zA-Z]+$/.test(procedure))
      return `${PROCEDURE_AREAS[area]}接口`;
    return value;
  }
  if (isGeometry(value)) return `边界图形（${points(value.coordinates)} 个点）`;
  if (Array.isArray(value)) return value.map(valueText).join('、');
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${fieldName(k)}：${valueText(v)}`)
      .join('，');
  return String(value);
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** A GeoJSON geometry (a township's boundary): one value, said by its size, not its numbers. */
function isGeometry(value: unknown): value is { type: string; coordinates: unknown } {
  return value !== null && typeof value === 'object' && 'type' in value && 'coordinates' in value;
}

function points(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  return coordinates.reduce((n: number, c: unknown) => n + points(c), 0);
}

function flatten(value: unknown, path: string[], out: Map<string, { path: string[]; value: unknown }>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isGeometry(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, [...path, k], out);
  } else if (path.length > 0) out.set(path.join('.'), { path, value });
}

/**
 * The row's before and after as one line per field (nested settings flattened), in the order
 * the fields first appear; an update shows only the fields it changed, an insert or a delete
 * every field it has.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = new Map<string, { path: string[]; value: unknown }>();
  const a = new Map<string, { path: string[]; value: unknown }>();
  flatten(before, [], b);
  flatten(after, [], a);
  const both = before !== null && before !== undefined && after !== null && after !== undefined;
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  return keys.flatMap((key) => {
    const path = (a.get(key) ?? b.get(key))!.path;
    const bv = b.get(key)?.value;
    const av = a.get(key)?.value;
    const changed = JSON.stringify(bv) !== JSON.stringify(av);
    if (both && !changed) return [];
    return [
      {
        field: key,
        label: path.map(fieldName).join(' · '),
        before: b.has(key) ? valueText(bv) : '',
        after: a.has(key) ? valueText(av) : '',
        changed,
      },
    ];
  });
}
