/*
 * Which government a document is from. A bare 市人社局 means a different bureau in a Guangzhou plan
 * than in a Fuzhou one, so every unit is resolved against the document's jurisdiction; this module
 * finds it, and the area a printed name starts with (广州市…, 福建省…, 鼓楼区…, 国务院…).
 *
 * Clues, strongest first (docs/extraction.md, Jurisdictions): a `jurisdiction:` front-matter field; the
 * issuer (header line + date, or the X of `X关于印发…的通知`); the signature at the end (agency line +
 * date); a header line naming the issuer (…文件); X of any `X关于…` title; the document's own number
 * (国办发〔2021〕11号, 榕政综〔2021〕374号); the title (广州市…方案); a publisher field (来源:, 发布机构);
 * 结合X实际; 我区/我市/我省 with the district, city or province the text names most; one city named in
 * the title. Failing all, the home city of the gazetteer when the text names it, else `unknown` — whose
 * units are kept apart per document, so a guess never merges them into a known city's agencies.
 * A county or district gets its city and province from the county table (counties.yaml: placeCounty) when its
 * name is unique in the country or a clue of the text decides between the cities that share it; otherwise its
 * units stay per document too.
 */
import type { Area, Gazetteer, JurisdictionLevel } from './gazetteer.ts';
import { NATIONAL, agencyKey, scopedAgencyKey, surfaceKey } from './gazetteer.ts';
import type { Line } from './structure.ts';

export interface Jurisdiction {
  level: JurisdictionLevel | 'unknown';
  /** 全国, a province, city or district full name (福建省, 广州市, 鼓楼区), or 未知 */
  name: string;
  province?: string;
  city?: string;
  /** the document read: units of an area that cannot be known (an unknown jurisdiction, the city
   * of a district whose city is not named) stay apart per document */
  document?: string;
  /** which clue decided it */
  source: 'front-matter' | 'issuer' | 'signature' | 'header' | 'document-number' | 'title' | 'source-line' | 'text' | 'home' | 'none';
}

export const UNKNOWN = '未知';

export interface DocumentClues {
  documentId: string;
  /** the normalised text */
  text: string;
  lines: Line[];
  /** the plan's title and the document's (a notice's), whichever are known */
  titles: string[];
  issuer?: string;
  frontMatterJurisdiction?: string;
}

/** Names that start with a national prefix and end like a body are national (中国气象局, 国家数据局). */
const NATIONAL_PREFIX = /^(国务院|国家|中央|中共中央|全国|中华人民共和国|中国|最高人民)/;
const BODY_SUFFIX = /(部|委|委员会|局|总局|署|办|办公室|办公厅|院|会|中心|总台)$/;
/** Ministries, 总局 and 署 are national when nothing local prefixes them (a city has 局, not 总局). */
const NATIONAL_SUFFIX = /(部|总局|总署|审计署|署)$/;
/** Party and armed-forces departments exist at every level: a bare 宣传部 or 人武部 is the document's own. */
const PARTY_DEPARTMENT = /^(宣传|组织|统战|统一战线工作|政法|网信|外事|人武|武装|军分区)(部|委)?/;
/** District-like names that are zones, not districts (高新区, 开发区, 自贸区…). */
const ZONE = /^(高新|开发|保税|自贸|综保|经开|试验|示范|功能|风景|工业|产业|经济|综合|自治|保护|管理|行政|特别|老城|主城|中心|核心|新区|城区|社区|辖区|郊区|山区|老区|片区|校区|园区|景区|市区|县区|各区|各县|全区|全县|本区|本县|我区|我县|该区|该县)/;
/** 南海新区, 综保区, 经开区: zones end like districts but are not. */
const ZONE_END = /(新区|开发区|园区|综保区|保税区|片区|景区|试验区|示范区|经开区|高新区)$/;
const DISTRICT_NAME = /^([\u4e00-\u9fff]{2,3}?[区县旗])/;

/**
 * Is a district-like name a zone (高新区, 南海新区, 城区), never a division? The county table's generator
 * (scripts/gazetteer/counties-from-stats.ts) leaves out what this says, so the table and the shape rules agree.
 */
export function isZoneName(name: string): boolean {
  return ZONE.test(name) || ZONE_END.test(name);
}
/**
 * A county named with one character (沁县, 泾县, 蠡县), read only as a government's name
 * (`沁县人民政府办公室`): in prose one character before 县 is a word (市县, 两县, 各县).
 */
const ONE_CHARACTER_COUNTY = /^([\u4e00-\u9fff]县)(?=人民政府|政府)/;
const NOT_ONE_CHARACTER_COUNTY = /^[市省州区乡镇村旗县两三各诸邻每全本该我此某其他外]/;
const UNLISTED_CITY = /^([\u4e00-\u9fff]{2,4}?市)/;
const NOT_CITY = /^(城市|都市|超市|各市|全市|本市|我市|该市|县级市|地级市|设区市|直辖市|计划单列市|副省级市|地级以上市|市场)/;
/** Characters of verbs and function words, never in the name of an unlisted area (推进新区, 关于城市). */
const NOT_IN_AREA_NAME = /[进建设加快推于展和与的促强化动深全提升做好开关城都超场级各本我该为以对在等辖]/;
const UNLISTED_PROVINCE = /^([\u4e00-\u9fff]{2,6}?(?:省|自治区))/;

/**
 * What marks a name as national by itself. A listed short form without such a mark (发改委,
 * 卫生健康委, 国资委) is read as national only in a national document: a provincial list that
 * prints 省住建厅、国土厅、发改委 lets the first 省 stand for all three.
 */
const NATIONAL_MARK = /^(国家|国务院|国办|国台办|国管局|国防科工局|中国|中华人民共和国|中央|中宣部|中组部|中科院|全国|最高|共青团中央|团中央|人民银行|央行)|(部|总局|总署|署|银保监会|银监会|证监会)$/;

/**
 * Is this printed unit (already agency-keyed, no relative prefix) a national body? Listed names
 * first, then the rules. `documentLevel` is the level of the document that prints it.
 */
export function isNationalName(key: string, gaz: Gazetteer, documentLevel: Jurisdiction['level'] = 'national'): boolean {
  if (gaz.agencyByKey.has(scopedAgencyKey(NATIONAL, key))) return documentLevel === 'national' || NATIONAL_MARK.test(key);
  // 国家税务总局福州市税务局, 中国(福建)自由贸易试验区…: a national name with an area in it is local.
  if (containsArea(key, gaz)) return false;
  if (NATIONAL_PREFIX.test(key) && BODY_SUFFIX.test(key)) return true;
  // 工业和信息化部办公厅, 国家发展改革委高技术司: an office or department of a listed national body.
  if (nationalNames(gaz).some((n) => key.startsWith(n) && NATIONAL_SUBUNIT.test(key.slice(n.length)))) return true;
  // …工作部 (招商工作部, 统战工作部) is a department of a party committee or a zone, never a ministry.
  return NATIONAL_SUFFIX.test(key) && !/^(市|省|区|县|团)/.test(key) && !/工作部$/.test(key) && !PARTY_DEPARTMENT.test(key) && !/(党委|市委|省委|区委|县委)/.test(key);
}

const NATIONAL_SUBUNIT = /^(办公厅|办公室|[\u4e00-\u9fff]{1,12}(司|局|中心))$/;
const nationalNameLists = new WeakMap<Gazetteer, string[]>();
/** The keys of the national entries' names and aliases (the gazetteer's 全国 scope). */
function nationalNames(gaz: Gazetteer): string[] {
  let names = nationalNameLists.get(gaz);
  if (!names) {
    const prefix = scopedAgencyKey(NATIONAL, '');
    names = [...gaz.agencyByKey.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)).filter((k) => k.length >= 3);
    nationalNameLists.set(gaz, names);
  }
  return names;
}

/** The longest area name printed at position i of s. */
function areaAt(s: string, i: number, gaz: Gazetteer): { surface: string; area: Area } | undefined {
  const list = gaz.areaByFirst.get(s.charCodeAt(i));
  if (!list) return undefined;
  for (const a of list) if (s.startsWith(a.surface, i)) return a;
  return undefined;
}

/** The first province or city named inside a name (国家税务总局福建省税务局 → 福建省). */
export function areaInside(key: string, gaz: Gazetteer): Area | undefined {
  for (let i = 0; i < key.length; i++) {
    const hit = areaAt(key, i, gaz);
    if (hit && !/^(大学|学院)/.test(key.slice(i + hit.surface.length))) return hit.area;
  }
  return undefined;
}

function containsArea(key: string, gaz: Gazetteer): boolean {
  return areaInside(key, gaz) !== undefined;
}

function toJurisdiction(area: Area, source: Jurisdiction['source']): Jurisdiction {
  const j: Jurisdiction = { level: area.level, name: area.name, source };
  if (area.level === 'city') { j.city = area.name; if (area.province) j.province = area.province; }
  if (area.level === 'district') { if (area.city) j.city = area.city; if (area.province) j.province = area.province; }
  if (area.level === 'province') { j.province = area.name; if (area.city) j.city = area.city; }
  return j;
}

export function nationalJurisdiction(source: Jurisdiction['source']): Jurisdiction {
  return { level: 'national', name: NATIONAL, source };
}

/**
 * The area a name starts with: 福建省福州市… → 福州市, 福州市鼓楼区… → 鼓楼区, 广州… → 广州市, 鼓楼区 (a
 * district of the gazetteer, found within `city` when given), an unlisted X市/X省/X区. undefined when
 * the name starts with none.
 */
export function areaAtStart(name: string, gaz: Gazetteer, city?: string, province?: string): Area | undefined {
  const s = surfaceKey(name);
  const hit = gaz.areaByFirst.get(s.charCodeAt(0))?.find((a) => s.startsWith(a.surface) && !/^(大学|学院)/.test(s.slice(a.surface.length)));
  if (hit) {
    const rest = s.slice(hit.surface.length);
    if (hit.area.level === 'province' && hit.area.city === undefined) {
      const inner = areaAtStart(rest, gaz);
      if (inner && inner.level !== 'province' && (inner.province === undefined || inner.province === hit.area.name)) return { ...inner, province: hit.area.name };
    }
    if (hit.area.level === 'city' || hit.area.city !== undefined) {
      const d = districtAtStart(rest, gaz, hit.area.city ?? hit.area.name, true);
      if (d) return d;
    }
    // 朝阳区, 长沙县: a city's short name followed by 区/县/旗 that the county table lists is that division.
    const county = /^[区县旗]/.test(rest) ? placeCounty(hit.surface + rest[0]!, gaz, cluesOf(city, province, gaz)) : undefined;
    return county ?? hit.area;
  }
  const d = districtAtStart(s, gaz, city, false, province);
  if (d) return d;
  // An unlisted area is read by its shape only when no listed one is printed inside it: 人民银行辽宁省分行 is a
  // central body's branch in 辽宁省, not a province called 人民银行辽宁省.
  const unlisted = (name: string): boolean => !NOT_IN_AREA_NAME.test(name.replace(/(市|省|自治区)$/, '')) && !containsArea(name.slice(1), gaz);
  const c = UNLISTED_CITY.exec(s);
  // A county-level city (建德市, 仙桃市) is the table's district; any other X市 is read as a city by its shape.
  if (c && !NOT_CITY.test(s) && unlisted(c[1]!)) return placeCounty(c[1]!, gaz, cluesOf(city, province, gaz)) ?? { name: c[1]!, level: 'city' };
  const p = UNLISTED_PROVINCE.exec(s);
  if (p && unlisted(p[1]!)) return { name: p[1]!, level: 'province', province: p[1]! };
  return undefined;
}

/**
 * A district at the start of `s`: one the gazetteer lists for `city` (any city when none is given), else
 * X区/X县. Printed right after its city's name and before its government (南昌市新建区人民政府), a name
 * is a district even when it has a character of verbs (新建区): the guard is for names found in prose.
 */
function districtAtStart(s: string, gaz: Gazetteer, city: string | undefined, afterCity = false, province?: string): Area | undefined {
  const cities = city ? [city] : [...gaz.districtsOf.keys()];
  let best: { surface: string; area: Area } | undefined;
  for (const c of cities) {
    for (const [surface, area] of gaz.districtsOf.get(c) ?? []) {
      if (s.startsWith(surface) && /[区县市旗]$/.test(surface) && (!best || surface.length > best.surface.length)) best = { surface, area };
    }
  }
  if (best) {
    // A district a city's file lists (Fuzhou's 鼓楼区) is not the one of another province's document (江苏's).
    const placed = !city && province && best.area.province !== province ? placeCounty(best.area.name, gaz, cluesOf(undefined, province, gaz)) : undefined;
    return placed && placed.province === province ? placed : best.area;
  }
  const long = longCountyAt(s, gaz);
  if (long) return withCityOf({ name: long, level: 'district' }, gaz, city, afterCity, province);
  const one = ONE_CHARACTER_COUNTY.exec(s);
  if (one && !NOT_ONE_CHARACTER_COUNTY.test(s) && !NOT_IN_AREA_NAME.test(s[0]!)) {
    return withCityOf({ name: one[1]!, level: 'district' }, gaz, city, afterCity, province);
  }
  const m = DISTRICT_NAME.exec(s);
  if (!m || ZONE.test(s) || ZONE_END.test(m[1]!)) return undefined;
  // Before its government a name is a district's even with a character of verbs (南昌市新建区人民政府), when
  // printed after its city or when the county table lists it (莲都区人民政府办公室).
  const governed = (afterCity || gaz.counties.has(m[1]!)) && /^(?:人民政府|政府)/.test(s.slice(m[1]!.length));
  if (!governed && NOT_IN_AREA_NAME.test(m[1]!.slice(0, -1))) return undefined;
  return withCityOf({ name: m[1]!, level: 'district' }, gaz, city, afterCity, province);
}

/**
 * Listed divisions whose names are longer than the shape X区/X县 reads (和林格尔县, 长阳土家族自治县, 鄂温克族自治旗),
 * by the code of their first character, longest first. Such a name is no word of prose, so it is read wherever
 * a district may start.
 */
const longCounties = new WeakMap<Gazetteer, Map<number, string[]>>();
function longCountyAt(s: string, gaz: Gazetteer): string | undefined {
  let byFirst = longCounties.get(gaz);
  if (!byFirst) {
    byFirst = new Map();
    for (const name of [...gaz.counties.keys()].filter((n) => n.length > 4 && !n.endsWith('市')).sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) {
      const list = byFirst.get(name.charCodeAt(0));
      if (list) list.push(name);
      else byFirst.set(name.charCodeAt(0), [name]);
    }
    longCounties.set(gaz, byFirst);
  }
  return byFirst.get(s.charCodeAt(0))?.find((n) => s.startsWith(n));
}

/**
 * The city and province of a district found by its shape. Printed after its city (南昌市新建区), it is that
 * city's; otherwise a division the county table lists is placed by the table (`city` and `province` are only
 * clues: 嘉鱼县 in a Wuhan document is still 咸宁市's), and an unlisted one is the city's given.
 */
function withCityOf(area: Area, gaz: Gazetteer, city: string | undefined, printed: boolean, province?: string): Area {
  const listed = printed ? undefined : placeCounty(area.name, gaz, cluesOf(city, province, gaz));
  if (listed) return listed;
  if (city) {
    area.city = city;
    const p = gaz.areas.get(city)?.province;
    if (p) area.province = p;
  }
  return area;
}

/** The areas that place a county-level name: a city (with its province), else a province. */
export interface CountyClues {
  /** cities, strongest clue first */
  cities: readonly string[];
  /** provinces, strongest clue first */
  provinces: readonly string[];
}

function cluesOf(city: string | undefined, province: string | undefined, gaz: Gazetteer): CountyClues {
  const p = province ?? (city ? gaz.areas.get(city)?.province : undefined);
  return { cities: city ? [city] : [], provinces: p ? [p] : [] };
}

/**
 * The county-level division `name` of the county table (counties.yaml) with its city and province: the only
 * one of that name in the country, else the only one in the first clue city that has one, else in the first
 * clue province that has any. A name several cities share (鼓楼区, 朝阳区) is never placed by a guess: when no
 * clue decides, the area has no city (and the province, when the clue province holds all of them). A division
 * directly under its province (仙桃市) has no city. undefined when the table does not list the name.
 */
export function placeCounty(name: string, gaz: Gazetteer, clues: CountyClues): Area | undefined {
  const listed = gaz.counties.get(name);
  if (!listed) return undefined;
  if (listed.length === 1) return { ...listed[0]! };
  for (const c of clues.cities) {
    const inCity = listed.find((a) => a.city === c);
    if (inCity) return { ...inCity };
  }
  for (const p of clues.provinces) {
    const inProvince = listed.filter((a) => a.province === p);
    if (inProvince.length === 1) return { ...inProvince[0]! };
    if (inProvince.length > 1) return { name, level: 'district', province: p };
  }
  return { name, level: 'district' };
}

/**
 * Is `area` a county-level name that several divisions share (within its province, when that is known) and
 * that no clue placed? Its city is not known, so its units are kept per document, like an unknown area's.
 */
export function isUnplacedCounty(area: { name: string; level: string; city?: string; province?: string }, gaz: Gazetteer): boolean {
  if (area.level !== 'district' || area.city !== undefined) return false;
  const listed = gaz.counties.get(area.name);
  if (!listed) return false;
  return (area.province === undefined ? listed : listed.filter((a) => a.province === area.province)).length > 1;
}

/**
 * An area named whole where only an area's name can stand: a government signing, heading or issuing the
 * document (建德市人民政府), or the start of a title followed by the year (谯城区2025年政府工作报告…). The
 * name is read even when it has a character of verbs (建, 城, 新), which in prose rules a name out; its
 * first character must not make it a group or a relative name (各县市政府, 本市政府).
 */
const SIGNED_AREA = /^([\u4e00-\u9fff]{2,3}?[区县旗]|[\u4e00-\u9fff]{2,4}?市)(?:人民政府|政府)(?:办公室|办公厅)?$/;
const TITLED_AREA = /^([\u4e00-\u9fff]{2,3}?[区县旗]|[\u4e00-\u9fff]{2,4}?市)(?=(?:\d{4}|[〇零一二三四五六七八九○]{4})年)/;
const SIGNING_SOURCES: ReadonlySet<Jurisdiction['source']> = new Set(['signature', 'header', 'issuer', 'title']);
function signedArea(s: string, source: Jurisdiction['source'], gaz: Gazetteer): Area | undefined {
  const m = (SIGNING_SOURCES.has(source) ? SIGNED_AREA.exec(s) : null) ?? (source === 'title' ? TITLED_AREA.exec(s) : null);
  if (!m || NOT_CITY.test(s) || NOT_ONE_CHARACTER_COUNTY.test(s) || ZONE.test(s) || ZONE_END.test(m[1]!)) return undefined;
  return placeCounty(m[1]!, gaz, { cities: [], provinces: [] }) ?? (m[1]!.endsWith('市') ? { name: m[1]!, level: 'city' } : { name: m[1]!, level: 'district' });
}

/** The jurisdiction a name (an issuer, a front-matter value) stands for, if it says. */
export function jurisdictionOfName(name: string, gaz: Gazetteer, source: Jurisdiction['source']): Jurisdiction | undefined {
  // Joint issuers (工业和信息化部、国家发展改革委, 工业和信息化部等十部门): the first one's area.
  const s = surfaceKey(name.trim().split(/[、,，\s]+/)[0]!).replace(/等[\u4e00-\u9fff]{0,4}部门$/, '');
  if (s === NATIONAL || s === '国家' || s === '中央') return nationalJurisdiction(source);
  const area = areaAtStart(s, gaz) ?? signedArea(s, source, gaz);
  if (area) return toJurisdiction(area, source);
  // A body's name, not a clause that happens to end in 部/署 (…关于稳增长的各项决策部署).
  if (s.length <= 24 && !s.includes('的') && isNationalName(agencyKey(s), gaz)) return nationalJurisdiction(source);
  return undefined;
}

const AGENCY_LINE = /^[\u4e00-\u9fff()]{2,30}(人民政府|政府|办公厅|办公室|委员会|管委会|局|厅|部|委|署)$/;
const DATE_LINE = /^(\d{4}|[〇零一二三四五六七八九○]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$/;
const HEADER_LINE = /^([\u4e00-\u9fff()]{2,30}(?:人民政府|政府|办公厅|办公室|委员会|管委会|局|厅|部|委|署))(?:文件)?$/;
const DOC_NUMBER = /^(?:(?:发文字号|文号|发文号)[:：]?\s*)?(?:原件)?([\u4e00-\u9fff]{1,8})\s*[〔[(（【]\s*(\d{4})\s*[〕\])）】]\s*(\d+)\s*号(?:\.[a-z]{2,4})?$/;
/** Page metadata naming the publisher: 发布机构: 下陆区政府办公室, 来源:福州市人民政府. */
const SOURCE_FIELD = /(?:来源|发布机构|发文机关|发布单位|发文单位)\s*[:：|]?\s*([\u4e00-\u9fff()]{2,30}?(?:人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|人民政府|政府|办公室|办公厅|委员会|管委会|局|厅))(?![\u4e00-\u9fff])/;
/** 结合官渡区实际 / 结合淮安实际: the area a local rule is adapted to is the document's own. */
const LOCAL_REALITY = /结合([\u4e00-\u9fff]{2,8}?)(?:的)?实际/g;
const OUR_CITY = /我市|本市|全市/g;
const OUR_PROVINCE = /我省|本省|全省/g;
const OUR_DISTRICT = /我区|本区|全区|我县|本县|全县/g;
/**
 * A news report of a plan names who issued it in running text: 渝中区人民政府办公室发布《…》. A government
 * (or its general office) printed right before 印发/发布/出台《 is the plan's issuer, so the area the report
 * is about. The name starts after a non-Han character (or after 近日/日前), never inside a word.
 */
const REPORTED_ISSUER = /(?<![\u4e00-\u9fff])(?:近日|日前)?([\u4e00-\u9fff]{2,20}?(?:人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|人民政府|政府))(?:近日|日前|正式)?(?:印发|发布|出台)了?《/g;
/**
 * A news report of a ministry's or national bureau's plan names it the same way, often without 《》:
 * 近日国家能源局印发2022年…工作要点的通知. Read only when the name is a national body's (isNationalName), in the
 * opening lines.
 */
const REPORTED_NATIONAL_ISSUER = /(?<![\u4e00-\u9fff])(?:近日|日前|近期)?((?:国务院|国家|中共中央|中央|中华人民共和国)?[\u4e00-\u9fff]{1,12}?(?:部|委员会|委|总局|局|署|办公厅)|(?:中共中央、)?国务院|中共中央)(?:近日|日前|正式)?(?:联合)?(?:印发|发布|出台)了?《?[^。\n]{2,60}?(?:通知|方案|意见|要点|规划|计划|措施|办法)/;
/**
 * The body is scanned for 我市 and area names up to this many characters: the clues are in the
 * opening paragraphs, and counting names over a whole long document would cost more than the rest
 * of its extraction.
 */
const BODY_SCAN = 6_000;

/** The signature at the end: the last agency line followed by a date line (blank lines removed). */
function signature(lines: Line[]): string | undefined {
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  for (let i = nonBlank.length - 2; i >= Math.max(0, nonBlank.length - 40); i--) {
    const l = nonBlank[i]!.text.trim();
    if (AGENCY_LINE.test(l) && DATE_LINE.test(nonBlank[i + 1]!.text.trim())) return l;
  }
  return undefined;
}

/** The prefixes of the document's own numbers (国办发, 榕政综, 许政). */
function ownNumberPrefixes(lines: Line[]): string[] {
  // The document's own number stands on a line of its own (near the top, or 原件….pdf at the end);
  // numbers cited in the text sit in brackets after a title and are not read.
  const candidates = [...lines.slice(0, 12), ...lines.slice(-12)];
  return candidates.map((l) => DOC_NUMBER.exec(l.text.trim())?.[1]).filter((p): p is string => p !== undefined).map(surfaceKey);
}

function documentNumber(lines: Line[], gaz: Gazetteer): Jurisdiction | undefined {
  for (const prefix of ownNumberPrefixes(lines)) {
    const hit = gaz.docNumbers.find((d) => prefix.startsWith(d.prefix));
    if (hit) return jurisdictionOfName(hit.jurisdiction, gaz, 'document-number');
  }
  return undefined;
}

/** A notice of a government printed without its name (县人民政府办公室关于…): the level it is of. */
const RELATIVE_ISSUER = /^(县|区)(?:人民政府|政府)/;

/**
 * The area an unlisted number prefix abbreviates: its first character starts the issuing area's name,
 * which the text prints. A listed city named in the text (许政 [2020] 20号 and 许昌市 → 许昌市); for a
 * notice of a 县/区 government printed without its name, the two characters starting with that
 * character that the text repeats most, as that county or district (嘉政办发, 涉及嘉鱼, 嘉鱼经济开发区 → 嘉鱼县).
 */
function abbreviatedArea(lines: Line[], body: string, gaz: Gazetteer): Area | undefined {
  const relative = lines.slice(0, 12).map((l) => RELATIVE_ISSUER.exec(l.text.trim())?.[1]).find((x) => x !== undefined);
  for (const prefix of ownNumberPrefixes(lines)) {
    const c = prefix[0]!;
    if (!relative) {
      const cities = [...namedAreas(body, gaz, 'city').keys()].filter((a) => a.name.startsWith(c));
      if (cities.length === 1) return cities[0];
      continue;
    }
    const counts = new Map<string, number>();
    for (let i = body.indexOf(c); i >= 0; i = body.indexOf(c, i + 1)) {
      const w = body.slice(i, i + 2);
      if (/^[\u4e00-\u9fff]{2}$/.test(w) && !/[县区市省]$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (best && best[1] >= 2 && (!second || second[1] < best[1]) && !NOT_IN_AREA_NAME.test(best[0])) {
      return { name: best[0] + relative, level: 'district' };
    }
  }
  return undefined;
}

/** Areas of one level named in text, by count (a longer name counts, not its shorter prefix). */
function namedAreas(text: string, gaz: Gazetteer, level: JurisdictionLevel): Map<Area, number> {
  const counts = new Map<Area, number>();
  for (const [area, n] of allNamedAreas(text, gaz)) if (area.level === level) counts.set(area, n);
  return counts;
}

const scans = new WeakMap<Gazetteer, Map<string, Map<Area, number>>>();
/** Every area named in text with its count (memoised: one document asks about its body several times). */
function allNamedAreas(text: string, gaz: Gazetteer): Map<Area, number> {
  let memo = scans.get(gaz);
  if (!memo) scans.set(gaz, (memo = new Map()));
  const known = memo.get(text);
  if (known) return known;
  if (memo.size >= 4) memo.clear();
  const counts = new Map<Area, number>();
  for (let i = 0; i < text.length;) {
    const hit = areaAt(text, i, gaz);
    if (!hit) { i++; continue; }
    counts.set(hit.area, (counts.get(hit.area) ?? 0) + 1);
    i += hit.surface.length;
  }
  memo.set(text, counts);
  return counts;
}

function mostNamed(counts: Map<Area, number>): Area | undefined {
  let best: Area | undefined;
  let n = 0;
  for (const [a, c] of counts) if (c > n) { best = a; n = c; }
  return best;
}

/**
 * A district jurisdiction without a city takes the city its document names most; so does one whose
 * city came from the gazetteer (鼓楼区 is Fuzhou's there) when the text names another city and never
 * that one (Nanjing's 鼓楼区).
 */
function withCity(j: Jurisdiction, text: string, gaz: Gazetteer): Jurisdiction {
  if (j.level !== 'district') return j;
  const cities = namedAreas(text, gaz, 'city');
  if (j.city && [...cities.keys()].some((c) => c.name === j.city)) return j;
  if (gaz.counties.has(j.name)) {
    // A division the county table lists is placed by the table, with the cities and provinces the text
    // names most as clues for a shared name; no clue keeps the city its file or printed form gave.
    const byCount = (m: Map<Area, number>): string[] => [...m].sort((a, b) => b[1] - a[1]).map(([a]) => a.name);
    const named = byCount(namedAreas(text, gaz, 'province'));
    const provinces = named.length > 0 || !j.province ? named : [j.province];
    const placed = placeCounty(j.name, gaz, { cities: byCount(cities), provinces })!;
    // No clue for a shared name: the city the file or the printed form gave stays (鼓楼区 is Fuzhou's), unless
    // the text names another province (a Jiangsu 鼓楼区 is Nanjing's or Xuzhou's, never Fuzhou's).
    if (j.city && !placed.city && (placed.province === undefined || placed.province === j.province)) return j;
    const out: Jurisdiction = { ...j };
    delete out.city;
    delete out.province;
    if (placed.city) out.city = placed.city;
    if (placed.province) out.province = placed.province;
    return out;
  }
  const city = mostNamed(cities);
  if (!city || city.name === j.city) return j;
  const out: Jurisdiction = { ...j, city: city.name };
  if (city.province) out.province = city.province;
  return out;
}

/**
 * The district a text names most (for 我区/全区). Names are not delimited in Chinese, so at each 区/县
 * both the two- and three-character names ending there are counted; the true name recurs, the
 * character before it varies. Ties go to the longer name (石景山区 over 景山区).
 */
function mostNamedDistrict(text: string, gaz: Gazetteer): Area | undefined {
  const counts = new Map<string, { area: Area; n: number }>();
  for (const m of text.matchAll(/[区县]/g)) {
    const at = m.index;
    for (const len of [3, 4]) {
      if (at + 1 - len < 0) continue;
      const name = text.slice(at + 1 - len, at + 1);
      // 2023年浔阳区: the 年 of a date is never the first character of the name.
      if (/[年月日]/.test(name[0]!) && /\d/.test(text[at - len] ?? '')) continue;
      const area = districtAtStart(name, gaz, undefined);
      if (!area || area.name !== name) continue;
      const c = counts.get(name);
      if (c) c.n++;
      else counts.set(name, { area, n: 1 });
    }
  }
  let best: { area: Area; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.area.name.length > best.area.name.length)) best = c;
  return best?.area;
}

/** The area of 结合X实际 when X is exactly an area's name (官渡区, 淮安, 福建省). */
function localReality(text: string, gaz: Gazetteer): Area | undefined {
  LOCAL_REALITY.lastIndex = 0;
  for (let m = LOCAL_REALITY.exec(text); m; m = LOCAL_REALITY.exec(text)) {
    const name = m[1]!;
    const area = areaAtStart(name, gaz);
    if (area && (area.name === name || area.name.replace(/(市|省|自治区)$/, '') === name)) return area;
  }
  return undefined;
}

/** Detects the document's jurisdiction and its issuer; see the banner for the order of the clues. */
export function detectJurisdiction(doc: DocumentClues, gaz: Gazetteer): { jurisdiction: Jurisdiction; issuer?: string } {
  const body = doc.text.length > BODY_SCAN ? doc.text.slice(0, BODY_SCAN) : doc.text;
  const result = (j: Jurisdiction, who: string | undefined): { jurisdiction: Jurisdiction; issuer?: string } =>
    ({ jurisdiction: { ...withCity(j, body, gaz), document: doc.documentId }, ...(who ? { issuer: who } : {}) });
  const found = (j: Jurisdiction | undefined, who: string | undefined) => (j ? result(j, who) : undefined);
  const signed = signature(doc.lines);
  const header = doc.lines.slice(0, 6).map((l) => HEADER_LINE.exec(l.text.trim())?.[1]).find((x) => x !== undefined);
  // X关于…的通知/意见: X is the issuer of any notice, not only of one that circulates a plan. A title
  // taken from a first sentence that opens with a purpose (为贯彻落实中央…关于稳增长的部署) names no issuer.
  const titled = doc.titles.map((t) => /^(?!为|根据|按照|依据|结合)([\u4e00-\u9fff()、\s]{2,60}?)(?:关于|印发)/.exec(t.trim())?.[1]).find((x) => x !== undefined && jurisdictionOfName(x, gaz, 'title') !== undefined);
  const issuer = doc.issuer ?? signed ?? header ?? titled;
  const direct = (doc.frontMatterJurisdiction !== undefined ? found(jurisdictionOfName(doc.frontMatterJurisdiction, gaz, 'front-matter'), issuer) : undefined)
    ?? (doc.issuer ? found(jurisdictionOfName(doc.issuer, gaz, 'issuer'), doc.issuer) : undefined)
    ?? (signed ? found(jurisdictionOfName(signed, gaz, 'signature'), signed) : undefined)
    ?? (header ? found(jurisdictionOfName(header, gaz, 'header'), header) : undefined)
    ?? (titled ? found(jurisdictionOfName(titled, gaz, 'title'), titled) : undefined)
    ?? found(documentNumber(doc.lines, gaz), issuer)
    ?? doc.titles.map((t) => found(jurisdictionOfName(t, gaz, 'title'), issuer)).find((x) => x !== undefined);
  if (direct) return direct;
  const sourceLine = [...doc.lines.slice(0, 12), ...doc.lines.slice(-12)].map((l) => SOURCE_FIELD.exec(l.text)?.[1]).find((x) => x !== undefined);
  const fromSource = sourceLine ? found(jurisdictionOfName(sourceLine, gaz, 'source-line'), sourceLine) : undefined;
  if (fromSource) return fromSource;
  const adapted = localReality(body, gaz);
  if (adapted) return result(toJurisdiction(adapted, 'text'), issuer);
  const abbreviated = abbreviatedArea(doc.lines, body, gaz);
  if (abbreviated) return result(toJurisdiction(abbreviated, 'document-number'), issuer);
  const cityMarkers = body.match(OUR_CITY)?.length ?? 0;
  const provinceMarkers = body.match(OUR_PROVINCE)?.length ?? 0;
  const districtMarkers = body.match(OUR_DISTRICT)?.length ?? 0;
  if (districtMarkers > 0 && districtMarkers >= cityMarkers) {
    const district = mostNamedDistrict(body, gaz);
    if (district) return result(toJurisdiction(district, 'text'), issuer);
  }
  if (cityMarkers > 0 && cityMarkers >= provinceMarkers) {
    const city = mostNamed(namedAreas(body, gaz, 'city'));
    if (city) return result(toJurisdiction(city, 'text'), issuer);
  }
  if (provinceMarkers > 0) {
    const provinces = namedAreas(body, gaz, 'province');
    const province = mostNamed(provinces);
    // News about one city compares it with its province (福州…居福建全省首位): the city it is about wins.
    const cities = namedAreas(body, gaz, 'city');
    const city = mostNamed(cities);
    if (city && province && city.province === province.name && cities.get(city)! > provinces.get(province)!) {
      return result(toJurisdiction(city, 'text'), issuer);
    }
    if (province) return result(toJurisdiction(province, 'text'), issuer);
  }
  REPORTED_ISSUER.lastIndex = 0;
  for (let m = REPORTED_ISSUER.exec(body); m; m = REPORTED_ISSUER.exec(body)) {
    const reported = jurisdictionOfName(m[1]!, gaz, 'text');
    if (reported) return result(reported, issuer);
  }
  const national = REPORTED_NATIONAL_ISSUER.exec(body.slice(0, 400));
  const reportedNational = national ? jurisdictionOfName(national[1]!, gaz, 'text') : undefined;
  if (reportedNational?.level === 'national') return result(reportedNational, issuer);
  // A title that names one area inside it (国家数字经济创新发展试验区(福州)工作方案).
  const inTitle = [...namedAreas(surfaceKey(doc.titles.join('\n')), gaz, 'city').keys()];
  if (inTitle.length === 1) return result(toJurisdiction(inTitle[0]!, 'title'), issuer);
  const home = gaz.home ? gaz.areas.get(gaz.home) : undefined;
  if (home && body.includes(gaz.city)) return result(toJurisdiction(home, 'home'), issuer);
  return result(unknownJurisdiction(doc.documentId), issuer);
}

/**
 * What a plan's id is scoped by, so two areas' plans of one title stay two plans: a title that names no area
 * (2024年数字政府工作要点, a cited 《政府工作报告》) is the plan of the document's area, or of the document alone
 * when its area is unknown ('@' and its id). A title that names an area (2019年数字福州工作要点) or a national
 * issuer (国务院…), and a national document's plans, are one plan wherever printed: undefined.
 */
export function planScope(title: string, j: Jurisdiction, gaz: Gazetteer): string | undefined {
  const key = surfaceKey(title.replace(/^《|》$/g, ''));
  if (j.level === 'national' || NATIONAL_PREFIX.test(key) || containsArea(key, gaz)) return undefined;
  const own = j.name.replace(/(?:省|市|自治区|特别行政区)$/, '');
  if (j.level !== 'unknown' && (key.includes(j.name) || (own.length >= 2 && key.includes(own)))) return undefined;
  return j.level === 'unknown' ? `@${j.document ?? ''}` : j.name;
}

export function unknownJurisdiction(documentId: string): Jurisdiction {
  return { level: 'unknown', name: UNKNOWN, document: documentId, source: 'none' };
}
