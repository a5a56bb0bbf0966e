/** What reading a boundary file refuses with, in both languages (shared/language/said.ts). */
import { said } from '../../../shared/language/said.ts';

export const BOUNDARY_WORDS = {
  noTownship: (code: string) =>
    said(
      `数据库中没有镇街 ${code}：请先导入台账或生成数据`,
      `There is no township ${code} in the database: import a ledger or generate data first`,
    ),
  notGeoJson: (name: string, why: string) =>
    said(`${name} 不是有效的 GeoJSON（JSON 解析失败：${why}）`, `${name} is not valid GeoJSON (JSON: ${why})`),
  notPolygon: (n: number, type: string | null) =>
    said(
      `第${n}个要素的几何类型为 ${type ?? '空'}：镇街边界应为 Polygon 或 MultiPolygon`,
      `Feature ${n} is a ${type ?? 'null geometry'}: a township boundary is a Polygon or MultiPolygon`,
    ),
  noCoordinates: (n: number) => said(`第${n}个要素没有坐标`, `Feature ${n} has no coordinates`),
  noRing: (n: number) => said(`第${n}个要素的多边形没有坐标环`, `Feature ${n} has a polygon without a ring`),
  badCoordinates: (n: number) => said(`第${n}个要素的坐标格式不对`, `Feature ${n}'s coordinates are malformed`),
  shortRing: (n: number) => said(`第${n}个要素的坐标环少于3个顶点`, `Feature ${n} has a ring of fewer than 3 corners`),
  manyLayers: (name: string, layers: number) =>
    said(
      `${name} 中有 ${layers} 个图层：请只放镇街边界一个图层`,
      `${name} holds ${layers} layers: give only the township boundaries' layer`,
    ),
};
