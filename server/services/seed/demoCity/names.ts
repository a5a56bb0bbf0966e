/**
 * Names for the demo city. Compounds and communities named in the published articles
 * (../shared/facts/published-figures.md) are real and placed where the articles put them;
 * every other name is assembled from neutral syllables and is plainly invented (no real
 * developer or property-company brand).
 */
import type { Random } from './random.ts';

export type CompoundKind = 'commercial' | 'resettlement' | 'old' | 'mixed';

export interface PublishedCompound {
  name: string;
  townshipCode: string;
  /** Community or village named in the articles. */
  community?: string;
  kind?: CompoundKind;
  households?: number;
  yearBuilt?: number;
  /** Oldest plausible year of construction. */
  builtBefore?: number;
}

/** Communities/villages named in the articles, by township code. */
export const PUBLISHED_COMMUNITIES: readonly { townshipCode: string; name: string; kind: 'community' | 'village' }[] = [
  { townshipCode: '350582003', name: '王厝社区', kind: 'community' },
  { townshipCode: '350582001', name: '霞行社区', kind: 'community' },
  { townshipCode: '350582103', name: '洋埭村', kind: 'village' },
  { townshipCode: '350582101', name: '西安村', kind: 'village' },
  { townshipCode: '350582101', name: '海东社区', kind: 'community' },
  { townshipCode: '350582101', name: '鸿塔社区', kind: 'community' },
  { townshipCode: '350582005', name: '晋新社区', kind: 'community' },
  { townshipCode: '350582002', name: '梅青社区', kind: 'community' },
];

/** Compounds named in the articles. Those without a stated township are put in a plausible one. */
export const PUBLISHED_COMPOUNDS: readonly PublishedCompound[] = [
  { name: '梅屿苑', townshipCode: '350582003', community: '王厝社区' },
  { name: '瑞璟·香榭花都', townshipCode: '350582002', kind: 'commercial' },
  { name: '鑫海湾', townshipCode: '350582104', kind: 'commercial' },
  { name: '荣欣大厦', townshipCode: '350582001', community: '霞行社区', builtBefore: 2005 },
  { name: '百宏香榭丽璟', townshipCode: '350582006', kind: 'commercial' },
  { name: '新天地', townshipCode: '350582103', community: '洋埭村', kind: 'commercial' },
  { name: '塘头嘉园', townshipCode: '350582113', kind: 'resettlement' },
  { name: '侨城海景湾', townshipCode: '350582101', community: '西安村', kind: 'commercial' },
  { name: '佳和大厦', townshipCode: '350582101', community: '海东社区', kind: 'old', builtBefore: 1999 },
  { name: '中百套房', townshipCode: '350582101', community: '海东社区', kind: 'old', builtBefore: 1999 },
  { name: '糖烟酒套房', townshipCode: '350582101', community: '海东社区', kind: 'old', builtBefore: 1999 },
  { name: '华友大厦', townshipCode: '350582101', community: '海东社区', kind: 'old', builtBefore: 1999 },
  { name: '五交化大厦', townshipCode: '350582101', community: '海东社区', kind: 'old', builtBefore: 1999 },
  {
    name: '捷宏盛宴',
    townshipCode: '350582101',
    community: '鸿塔社区',
    kind: 'commercial',
    households: 1700,
    yearBuilt: 2009,
  },
  { name: '宝龙世家', townshipCode: '350582005', community: '晋新社区', kind: 'commercial' },
  { name: '南天裕', townshipCode: '350582107', kind: 'commercial' },
  { name: '龙湖嘉天下', townshipCode: '350582107', kind: 'commercial' },
  { name: '莲花小区', townshipCode: '350582001', builtBefore: 2008 },
  { name: '梅华苑', townshipCode: '350582002', community: '梅青社区' },
  { name: '竹园小区', townshipCode: '350582002', builtBefore: 2004 },
  { name: '华泰国际新城', townshipCode: '350582004', kind: 'commercial' },
  // No township in the articles: plausible choices.
  { name: '福璟花园', townshipCode: '350582004', kind: 'commercial' },
  { name: '浔兴翰林春天', townshipCode: '350582105', kind: 'commercial' },
  { name: '宝龙金色家园', townshipCode: '350582006', kind: 'commercial' },
  { name: '兰峰小区', townshipCode: '350582102' },
  { name: '金利花苑', townshipCode: '350582103', kind: 'commercial' },
];

const COMPOUND_STEMS = [
  '锦绣',
  '滨江',
  '紫荆',
  '翠湖',
  '金桂',
  '香樟',
  '碧水',
  '云栖',
  '海棠',
  '和悦',
  '泰和',
  '丹桂',
  '凤栖',
  '兰亭',
  '书香',
  '星河',
  '晨曦',
  '揽月',
  '清溪',
  '枫林',
  '梧桐',
  '玉兰',
  '朝晖',
  '沁园',
  '怡景',
  '瑞祥',
  '嘉禾',
  '文华',
  '泉韵',
  '海悦',
  '青松',
  '松涛',
  '雅韵',
  '银杏',
  '荷塘',
  '榕荫',
  '紫薇',
  '芙蓉',
  '听涛',
  '江畔',
  '康乐',
  '福瑞',
  '安泰',
  '永宁',
  '华景',
  '丽景',
  '新月',
  '彩虹',
  '春晖',
  '秋水',
  '悦澜',
  '溪岸',
  '云锦',
  '晴川',
  '花溪',
  '映月',
  '望海',
  '观山',
  '桂语',
  '竹韵',
  '兰溪',
  '锦屏',
  '翠岭',
  '碧桃',
  '聚贤',
  '德馨',
  '和煦',
  '宁远',
  '双溪',
  '东篱',
];
const SUFFIX_BY_KIND: Record<CompoundKind, readonly (readonly [string, number])[]> = {
  commercial: [
    ['花园', 5],
    ['苑', 4],
    ['公寓', 2],
    ['家园', 3],
    ['名邸', 2],
    ['华府', 2],
    ['雅苑', 3],
    ['悦府', 2],
    ['公馆', 1],
    ['花苑', 3],
    ['华庭', 2],
    ['广场', 1],
    ['大厦', 1],
    ['湾', 1],
  ],
  resettlement: [
    ['安置小区', 4],
    ['新村', 3],
    ['家园', 3],
    ['小区', 2],
    ['佳苑', 1],
  ],
  old: [
    ['小区', 4],
    ['新村', 3],
    ['大厦', 2],
    ['宿舍楼', 1],
    ['公寓', 1],
    ['套房', 1],
  ],
  mixed: [
    ['小区', 3],
    ['花园', 2],
    ['苑', 2],
    ['新村', 1],
    ['大厦', 1],
  ],
};

/** A unique invented compound name; `used` is updated. */
export function inventCompoundName(rng: Random, kind: CompoundKind, used: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = rng.pick(COMPOUND_STEMS) + rng.weighted(SUFFIX_BY_KIND[kind]);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('ran out of invented compound names');
}

const PLACE_FIRST = [
  '锦',
  '瑞',
  '翠',
  '祥',
  '云',
  '嘉',
  '彩',
  '福',
  '宁',
  '泰',
  '德',
  '康',
  '裕',
  '春',
  '荣',
  '丰',
  '岚',
  '霖',
  '凤',
  '鹤',
  '桂',
  '柳',
  '樟',
  '梧',
  '芦',
  '枫',
];
const PLACE_SECOND = [
  '溪',
  '峰',
  '湖',
  '洲',
  '园',
  '阳',
  '塘',
  '林',
  '源',
  '庭',
  '泉',
  '坪',
  '埕',
  '厝',
  '美',
  '霞',
  '山',
  '浦',
  '坑',
  '滨',
  '岭',
  '田',
];

/** A unique invented two-character place stem (e.g. for communities and roads). */
export function inventPlaceStem(rng: Random, used: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const stem = rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND);
    if (!used.has(stem)) {
      used.add(stem);
      return stem;
    }
  }
  throw new Error('ran out of invented place names');
}

const ROAD_SUFFIX: readonly (readonly [string, number])[] = [
  ['路', 6],
  ['街', 3],
  ['大道', 1],
  ['中路', 2],
  ['东路', 1],
  ['西路', 1],
  ['南路', 1],
  ['北路', 1],
];

export function inventRoad(rng: Random, stems: readonly string[]): string {
  return rng.pick(stems) + rng.weighted(ROAD_SUFFIX);
}

const COMPANY_FIRST = [
  '嘉',
  '鸿',
  '邦',
  '佳',
  '顺',
  '联',
  '睿',
  '鑫',
  '惠',
  '优',
  '乐',
  '益',
  '汇',
  '晟',
  '泓',
  '铭',
  '煦',
  '朗',
  '泽',
  '筑',
  '宸',
  '瀚',
  '禾',
  '沐',
  '拓',
  '恪',
  '弘',
  '瑞',
  '翊',
  '耀',
];
const COMPANY_SECOND = [
  '信',
  '泰',
  '运',
  '居',
  '境',
  '捷',
  '诚',
  '邻',
  '润',
  '民',
  '达',
  '盛',
  '源',
  '业',
  '通',
  '丰',
  '庭',
  '程',
  '澜',
  '嘉',
  '悦',
  '贤',
  '宁',
  '科',
];

/** A unique invented property company name. */
export function inventCompanyName(rng: Random, used: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const a = rng.pick(COMPANY_FIRST);
    const b = rng.pick(COMPANY_SECOND);
    if (a === b) continue;
    const prefix = rng.weighted([
      ['晋江市', 7],
      ['福建', 2],
      ['泉州', 1],
    ] as const);
    const suffix = prefix === '福建' ? '物业管理有限公司' : '物业服务有限公司';
    const name = `${prefix}${a}${b}${suffix}`;
    if (!used.has(name) && !used.has(a + b)) {
      used.add(name);
      used.add(a + b);
      return name;
    }
  }
  throw new Error('ran out of invented company names');
}

export function partyOrgName(compoundName: string, type: 'standalone' | 'combined' | 'joint'): string {
  if (type === 'standalone') return `中共${compoundName}支部委员会`;
  if (type === 'combined') return `${compoundName}兼合式党支部`;
  return `${compoundName}联建党支部`;
}

/** Chinese labels of the issue categories (schema enum `issue_category`). */
export const CATEGORY_LABELS = {
  parking: '停车管理',
  ebike_charging: '电动车充电',
  fire_safety: '消防安全',
  water_leak: '楼上楼下渗漏',
  high_rise_littering: '高空抛物',
  public_space: '公共空间占用',
  gates_roads: '门禁道路维修',
  drainage: '雨污混流',
  video: '公共视频监控',
  gas: '燃气管道',
  lift: '电梯运行',
  noise: '噪音扰民',
  public_revenue: '公共收益',
  illegal_structure: '违章搭建',
  other: '其他事项',
} as const;
export type IssueCategory = keyof typeof CATEGORY_LABELS;
export const ISSUE_CATEGORIES = Object.keys(CATEGORY_LABELS) as IssueCategory[];

/** Short summaries of resident issues, by category. */
export const ISSUE_SUMMARIES: Record<IssueCategory, readonly string[]> = {
  parking: [
    '地下车库占道停车',
    '小区出入口车辆乱停',
    '访客车位不足',
    '消防通道被私家车占用',
    '车位租售价格争议',
    '外来车辆长期占用车位',
  ],
  ebike_charging: ['楼道内电动车飞线充电', '充电桩数量不足', '电动车进电梯', '充电棚损坏', '架空层私拉电线充电'],
  fire_safety: ['消防栓无水', '灭火器过期', '楼道堆放杂物', '消防通道被占用', '烟感报警器失灵'],
  water_leak: ['楼上卫生间渗水', '外墙渗水', '屋顶防水层破损', '水管爆裂漏水'],
  high_rise_littering: ['高空抛物砸坏车辆', '阳台抛扔垃圾', '高空坠物隐患'],
  public_space: ['公共绿地被占种菜', '楼道堆放杂物', '架空层被私占', '广场舞场地争议'],
  gates_roads: ['小区门禁损坏', '道路坑洼积水', '单元门无法关闭', '路灯不亮'],
  drainage: ['雨污管道混接', '化粪池满溢', '下水道堵塞', '暴雨后车库积水'],
  video: ['公共视频监控损坏', '出入口监控盲区', '监控录像无法调取'],
  gas: ['燃气管道老化', '燃气表箱锈蚀', '楼道闻到燃气味'],
  lift: ['电梯频繁故障', '电梯困人', '电梯年检过期', '老旧电梯更新资金'],
  noise: ['夜间装修噪音', '商铺噪音扰民', '广场舞噪音', '空调外机噪音'],
  public_revenue: ['公共收益去向不明', '广告收益分配争议', '维修资金使用争议'],
  illegal_structure: ['顶楼违章加建', '私搭雨棚', '一楼违建扩建院子'],
  other: ['宠物扰民', '垃圾清运不及时', '物业费收费争议', '绿化养护不到位'],
};
