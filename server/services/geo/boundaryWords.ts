/**
 * What reading a boundary file refuses with and how its report reads, in both languages
 * (shared/language/said.ts). Township and city names, property values and file names are data:
 * they appear as the file or the database holds them.
 */
import { said, type Said } from '../../../shared/language/said.ts';

export const BOUNDARY_WORDS = {
  noTownship: (code: string) =>
    said(
      `数据库中没有镇街 ${code}：请先导入台账或生成数据`,
      `There is no township ${code} in the database: import a ledger or generate data first`,
    ),
  notGeoJson: (name: string, why: string) =>
    said(`${name} 不是有效的 GeoJSON（JSON 解析失败：${why}）`, `${name} is not valid GeoJSON (JSON: ${why})`),
  notCollection: (name: string) =>
    said(
      `${name} 不是 GeoJSON 要素集合（应为 "type": "FeatureCollection"，每个镇街一个 Polygon/MultiPolygon 要素）`,
      `${name} is not a GeoJSON feature collection (it should be "type": "FeatureCollection", one Polygon/MultiPolygon feature per township)`,
    ),
  foreignCrs: (crs: string) =>
    said(
      `GeoJSON 的坐标系为 ${crs}：只接受 WGS84 或 CGCS2000 经纬度（EPSG:4326 / EPSG:4490），请先转换`,
      `The GeoJSON's coordinate system is ${crs}: only WGS84 or CGCS2000 longitude and latitude (EPSG:4326 / EPSG:4490) are accepted; convert it first`,
    ),
  notPolygon: (n: number, type: string | null) =>
    said(
      `第${n}个要素的几何类型为 ${type ?? '空'}：镇街边界应为 Polygon 或 MultiPolygon`,
      `Feature ${n} is a ${type ?? 'null geometry'}: a township boundary is a Polygon or MultiPolygon`,
    ),
  noCoordinates: (n: number) => said(`第${n}个要素没有坐标`, `Feature ${n} has no coordinates`),
  noRing: (n: number) => said(`第${n}个要素的多边形没有坐标环`, `Feature ${n} has a polygon without a ring`),
  badCoordinates: (n: number) => said(`第${n}个要素的坐标格式不对`, `Feature ${n}'s coordinates are malformed`),
  badPosition: (n: number, position: string) =>
    said(
      `第${n}个要素的坐标格式不对：${position}（应为 [经度, 纬度] 数字）`,
      `Feature ${n}'s coordinates are malformed: ${position} (they should be [longitude, latitude] numbers)`,
    ),
  notInRegion: (n: number, lon: number, lat: number, city: { shortName: string; nameEn: string }) =>
    said(
      `第${n}个要素的坐标 ${lon}, ${lat} 不是${city.shortName}一带的经纬度（可能是投影坐标或其他坐标系），请转为 WGS84/CGCS2000 经纬度后再导入`,
      `Feature ${n}'s coordinates ${lon}, ${lat} are not a longitude and latitude around ${city.nameEn} (projected, or another coordinate system?): convert them to WGS84/CGCS2000 longitude and latitude, then import`,
    ),
  shortRing: (n: number) => said(`第${n}个要素的坐标环少于3个顶点`, `Feature ${n} has a ring of fewer than 3 corners`),
  codeAndNameDiffer: (n: number, byCode: { code: string; name: string }, byName: string) =>
    said(
      `第${n}个要素的代码（${byCode.code} ${byCode.name}）与名称（${byName}）指向不同镇街，请核对`,
      `Feature ${n}'s code (${byCode.code} ${byCode.name}) and name (${byName}) point to different townships: please check`,
    ),
  townshipTwice: (first: number, n: number, township: string) =>
    said(
      `第${first}个和第${n}个要素都是${township}：每个镇街只能有一个要素（多块请合并为 MultiPolygon）`,
      `Features ${first} and ${n} are both ${township}: one feature per township (merge several parts into one MultiPolygon)`,
    ),
  /** `read`: property values read (each cut to 20 characters); `hint`: how a Shapefile's text was decoded. */
  noneMatched: (
    file: string,
    city: { name: string; nameEn: string },
    example: { code: string; name: string },
    read: string[],
    hint: Said | null,
  ) =>
    said(
      `${file} 中没有任何要素能对应到${city.name}的镇街：要素属性中应有镇街代码（如 ${example.code}）或名称（如 ${example.name}）；读到的属性值为 ${read.length ? read.map((v) => `“${v}”`).join('、') : '（无）'}${hint ? `。${hint['zh-CN']}` : '（GeoJSON 应为 UTF-8）'}`,
      `No feature in ${file} matches a township of ${city.nameEn}: a feature's properties should hold a township code (e.g. ${example.code}) or name (e.g. ${example.name}); the values read were ${read.length ? read.map((v) => `“${v}”`).join(', ') : '(none)'}${hint ? `. ${hint.en}` : ' (GeoJSON should be UTF-8)'}`,
    ),
  manyLayers: (name: string, layers: number) =>
    said(
      `${name} 中有 ${layers} 个图层：请只放镇街边界一个图层`,
      `${name} holds ${layers} layers: give only the township boundaries' layer`,
    ),
  unreadableShapefile: (name: string, why: Said) =>
    said(
      `无法读取压缩的 Shapefile ${name}（${why['zh-CN']}）：应为含 .shp、.dbf（及 .prj）的 zip 文件`,
      `Cannot read the zipped Shapefile ${name} (${why.en}): it should be a zip holding .shp and .dbf (and .prj)`,
    ),
  /** Said in Chinese as shpjs said it (English), kept so. */
  noLayer: said('no layers founds', 'no .shp file in it'),
  encodingHint: (encoding: string, source: Said) =>
    said(
      `属性文字按 ${encoding} 读取（${source['zh-CN']}）；若名称为乱码，请在 .cpg 文件中写明编码：GBK 文件写 CP936 或 GBK，UTF-8 文件写 UTF-8`,
      `Attribute text was read as ${encoding} (${source.en}); if the names are garbled, name the encoding in a .cpg file: CP936 or GBK for a GBK file, UTF-8 for a UTF-8 file`,
    ),
};

/** How a Shapefile's attribute encoding was chosen (shapefileEncoding.ts), for the hint above. */
export const ENCODING_SOURCE_WORDS = {
  declared: (cpg: string) => said(`.cpg 写明“${cpg}”`, `the .cpg says “${cpg}”`),
  /** The start of the other reasons: the .cpg said nothing OneMap knows, or there is none. */
  unknownCpg: (cpg: string) =>
    said(`.cpg 中的“${cpg}”无法识别，`, `the .cpg's “${cpg}” is not an encoding OneMap knows, `),
  noCpg: said('没有 .cpg，', 'no .cpg, '),
  driverMark: said('按 .dbf 的语言驱动标记', 'by the .dbf’s language driver mark'),
  validUtf8: said('内容是有效的 UTF-8', 'the content is valid UTF-8'),
  notUtf8: said('内容不是 UTF-8，按 GBK 读取', 'the content is not UTF-8, read as GBK'),
};

/** Why the bytes are not a zip archive OneMap can read (zipEntries.ts). */
export const ZIP_WORDS = {
  noDirectory: said('不是 zip 文件（找不到目录）', 'not a zip file (no directory found)'),
  brokenDirectory: said('zip 目录损坏', 'the zip’s directory is damaged'),
  misplaced: (name: string) => said(`zip 中 ${name} 的位置不对`, `${name} is at the wrong place in the zip`),
  unsupportedMethod: (name: string, method: number) =>
    said(
      `zip 中 ${name} 的压缩方式（${method}）不受支持`,
      `${name} in the zip is compressed in a way OneMap cannot read (method ${method})`,
    ),
};
