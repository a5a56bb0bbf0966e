/**
 * A fictional second city (溪山市, code 990102 — no real city has the prefix 99): three
 * townships, twelve compounds, far from Jinjiang. It proves that a city is configuration: the
 * seed, the engine, the map data, the review board and the pack run on it with no Jinjiang fact.
 * Coordinates: WGS84 [longitude, latitude] in degrees.
 */
import type { IndicatorKey } from '../../data/schema/admin.ts';
import type { City } from '../../server/services/city/activeCity.ts';
import { approximateTownshipBoundaries } from '../../server/services/geo/townshipBoundaries.ts';
import type { DemoCity } from '../../server/services/seed/demoCity/index.ts';
import type { CityTarget } from '../../shared/city/cityDefinition.ts';

const targets: CityTarget<IndicatorKey>[] = [
  {
    indicator: 'partyOrgCoverage',
    value: 0.9,
    deadline: '2026-12-31',
    source: 'assumed',
    note: '溪山假设：党组织覆盖率90%',
  },
  {
    indicator: 'committeeRate',
    value: 0.6,
    deadline: '2026-12-31',
    source: 'assumed',
    note: '溪山假设：业委会组建率60%',
  },
  { indicator: 'deliberationCoverage', value: 0.5, deadline: '2026-12-31', source: 'assumed', note: '溪山假设' },
  { indicator: 'serviceQuality', value: 0.5, deadline: '2026-12-31', source: 'assumed', note: '溪山假设' },
  { indicator: 'petitionRate', value: 1, deadline: '2026-12-31', source: 'assumed', note: '溪山假设' },
];

export const XISHAN: City = {
  id: 'xishan',
  code: '990102',
  name: '溪山市',
  shortName: '溪山',
  nameEn: 'Xishan',
  townships: [
    {
      code: '990102001',
      name: '东溪街道',
      pinyin: 'Dongxi',
      kind: 'subdistrict',
      seat: [112.13, 31.13],
      seatConfidence: 'estimated',
      landAreaKm2: null,
    },
    {
      code: '990102002',
      name: '西岭街道',
      pinyin: 'Xiling',
      kind: 'subdistrict',
      seat: [112.07, 31.12],
      seatConfidence: 'estimated',
      landAreaKm2: null,
    },
    {
      code: '990102101',
      name: '南湖镇',
      pinyin: 'Nanhu',
      kind: 'town',
      seat: [112.1, 31.05],
      seatConfidence: 'estimated',
      landAreaKm2: null,
    },
  ],
  outline: [
    [112.02, 31.02],
    [112.18, 31.02],
    [112.18, 31.18],
    [112.02, 31.18],
    [112.02, 31.02],
  ],
  bounds: [112.01, 31.01, 112.19, 31.19],
  neighbours: [
    {
      id: 'beihe',
      name: '北河县',
      outline: [
        [112.02, 31.18],
        [112.18, 31.18],
        [112.18, 31.3],
        [112.02, 31.3],
        [112.02, 31.18],
      ],
      edge: true,
    },
  ],
  labelPositions: { '990102101': [112.1, 31.04] },
  approximateBoundaries: { discTownships: [], extraSites: [] },
  demoStaffTownship: '990102002',
  targets,
};

/** Where the twelve compounds lie: four per township, a little way from its seat. */
const PLACES: readonly { township: string; at: readonly [number, number] }[] = XISHAN.townships.flatMap((t) =>
  [0, 1, 2, 3].map((i) => ({ township: t.code, at: [t.seat[0] + 0.004 * i, t.seat[1] + 0.003] as const })),
);

/**
 * The dataset, as of 2025-03-09, in the demo generator's shape. Chosen so each indicator has
 * something to count: party organisations in 9 of 12, committees in office in 6, a joint meeting
 * in the last 30 days in 4, ratings of every kind, two petitions.
 */
export function xishanDataset(): DemoCity {
  const boundaries = approximateTownshipBoundaries(XISHAN);
  const compounds = PLACES.map((p, i) => ({
    id: i + 1,
    code: `XS-${String(i + 1).padStart(3, '0')}`,
    name: `溪山${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][i]}号小区`,
    address: `溪山市示例路${i + 1}号`,
    townshipCode: p.township,
    communityId: null,
    lon: p.at[0],
    lat: p.at[1],
    households: 200 + 50 * i,
    buildings: 4,
    yearBuilt: 2005 + i,
    kind: 'commercial' as const,
    listedOn: '2024-01-01',
    modelHomeSince: null,
  }));
  const ratings = ['5', '4', '3', '2', '1', 'fail', '5', '4', '3', '5', '4', '2'] as const;
  return {
    city: { code: XISHAN.code, name: XISHAN.name },
    townships: XISHAN.townships.map((t) => {
      const feature = boundaries.features.find((f) => f.properties.code === t.code)!;
      return {
        code: t.code,
        cityCode: XISHAN.code,
        name: t.name,
        pinyin: t.pinyin,
        kind: t.kind,
        seatLon: t.seat[0],
        seatLat: t.seat[1],
        boundary: feature.geometry,
        boundarySource: 'approximate' as const,
      };
    }),
    communities: [],
    propertyCompanies: [{ id: 1, code: 'XS-P1', name: '溪山示例物业服务有限公司', creditCode: null }],
    compounds,
    propertyContracts: compounds.slice(0, 8).map((c) => ({ compoundId: c.id, companyId: 1, startOn: '2024-01-01' })),
    partyOrganisations: compounds.slice(0, 9).map((c) => ({
      compoundId: c.id,
      type: 'standalone' as const,
      name: `${c.name}党支部`,
      establishedOn: '2024-02-01',
    })),
    committeeTerms: compounds
      .filter((c) => c.id % 2 === 0)
      .map((c) => ({
        compoundId: c.id,
        formedOn: '2024-03-01',
        termEnd: '2029-02-28',
        members: 7,
        partyMembers: 4,
        chairIsPartySecretary: c.id % 4 === 0,
      })),
    meetings: compounds.slice(0, 4).map((c) => ({
      compoundId: c.id,
      heldOn: '2025-03-01',
      attendees: 9,
      topics: '停车',
      problemsResolved: 1,
    })),
    evaluations: compounds.map((c, i) => ({
      compoundId: c.id,
      companyId: c.id <= 8 ? 1 : null,
      evaluatedOn: '2025-01-15',
      score: 60 + 3 * i,
      safetyScore: 80,
      rating: ratings[i]!,
    })),
    residentIssues: [
      {
        compoundId: 1,
        channel: 'grid' as const,
        category: 'parking' as const,
        summary: '停车难',
        openedOn: '2025-03-03',
        dueOn: '2025-03-17',
      },
    ],
    petitions: [
      { compoundId: 2, kind: 'petition' as const, category: 'parking' as const, receivedOn: '2025-03-02' },
      { compoundId: 7, kind: 'dispute' as const, category: 'drainage' as const, receivedOn: '2025-02-20' },
    ],
  };
}
