/*
 * Agency resolution: a printed unit name in a document of a given jurisdiction → one Agency node.
 * The same printed name means different bodies in different places (市人社局 is Guangzhou's in a
 * Guangzhou plan), so a unit is first placed in its own area — national bodies wherever they are
 * named, an explicit area at the start of the name (福建省…, 厦门市…, 长乐区…), a relative prefix
 * (市X, 省X, 区X, 县X) read against the document's jurisdiction, groups (各…, 市直…) in the area
 * they belong to, anything else in the document's own area — and then looked up in that area's
 * gazetteer entries, or named by rule. Agencies of two areas never share a node.
 */
import type { FactsBuilder } from './facts-builder.ts';
import type { Area, EntityEntry, Gazetteer, JurisdictionLevel } from './gazetteer.ts';
import { NATIONAL, RELATIVE_PREFIX, agencyKey, expandPrefix, levelOfName, scopedAgencyKey, surfaceKey } from './gazetteer.ts';
import type { Evidence } from './graph-facts.ts';
import { UNKNOWN, areaAtStart, areaInside, isNationalName, isUnplacedCounty, type Jurisdiction } from './jurisdiction.ts';

export interface ResolvedAgency {
  id: string;
  name: string;
  group: boolean;
  level?: string;
  /** district name this agency governs */
  governs?: string;
  /** the District node id of `governs` */
  governsId?: string;
  /** canonical names of known members (groups only) */
  members: string[];
  gazetteerAliases: string[];
  /** full name of the area whose body this is (全国, 福建省, 广州市, 鼓楼区, 未知) */
  jurisdiction: string;
  jurisdictionLevel: JurisdictionLevel | 'unknown';
}

/** The area a unit belongs to; `document` is set for an unknown area, whose units stay per document. */
interface UnitArea {
  name: string;
  level: JurisdictionLevel | 'unknown';
  province?: string;
  city?: string;
  document?: string;
}

const GOVERNMENT = /^(.{1,8}?[区县市旗])政府$/;
// A group: 各…, 市直/省直…, the governments of a kind of place (县级市人民政府, split from 各区、县级市人民政府)
// and those of unnamed places of a kind (相关市、县政府), or of places counted (四市人民政府: the four cities a
// document named before, 两区政府 — a count is no place name, though 四市 reads like 石狮市).
const GROUP = /^(市直|市属|市级|区直|区属|县直|县属|省直|省属|省级|州直|州属|州级|盟直|盟属)?各|各有关|各相关|有关单位$|^(市直|市属|区直|县直|省直|省属|州直|州属|盟直|盟属)|^(县级市|设区市|地级市|直辖市|计划单列市)政府$|政府各(部门|委|单位|直属)|^(相关|有关)[省市州盟区县旗乡镇街道、()]+(人民)?政府$|^(?:[两二三四五六七八九十]{1,2}|\d{1,2})个?[省市州盟区县旗]+(人民)?政府$/;

export function agencyNodeId(canonical: string): string {
  return `agency:${canonical}`;
}

export function districtNodeId(name: string): string {
  return `district:${name}`;
}

function levelOf(name: string, gaz: Gazetteer): JurisdictionLevel {
  return gaz.areas.get(name)?.level ?? levelOfName(name);
}

function fromEntry(e: EntityEntry, gaz: Gazetteer): ResolvedAgency {
  const jurisdiction = e.jurisdiction ?? gaz.home;
  return {
    id: agencyNodeId(e.name), name: e.name, group: e.group === true, level: e.level,
    governs: e.governs, governsId: e.governs ? districtNodeId(e.governs) : undefined, members: e.members, gazetteerAliases: e.aliases,
    jurisdiction: jurisdiction || NATIONAL, jurisdictionLevel: jurisdiction ? levelOf(jurisdiction, gaz) : 'national',
  };
}

function areaOf(j: Jurisdiction | Area): UnitArea {
  const u: UnitArea = { name: j.name, level: j.level };
  if (j.province) u.province = j.province;
  if (j.city) u.city = j.city;
  if ('document' in j && j.document) u.document = j.document;
  return u;
}

function cityArea(name: string, gaz: Gazetteer): UnitArea {
  const a = gaz.areas.get(name);
  return a ? areaOf(a) : { name, level: 'city', city: name };
}

function provinceArea(name: string): UnitArea {
  return { name, level: 'province', province: name };
}

/**
 * The gazetteer entry for `key` among `area`'s, if any. District names repeat across cities (鼓楼区
 * is Fuzhou's and Nanjing's): a district's entries count only for a district of the same city.
 */
function entryIn(area: UnitArea, key: string, gaz: Gazetteer): EntityEntry | undefined {
  if (area.level === 'unknown') return undefined;
  const e = gaz.agencyByKey.get(scopedAgencyKey(area.name, key));
  // A shared county name no clue placed (a Guangzhou plan's 鼓楼区) is not the one a city's file lists.
  if (!e || area.level !== 'district') return e;
  if (!area.city) return isUnplacedCounty(area, gaz) ? undefined : e;
  const city = gaz.areas.get(e.jurisdiction ?? '')?.city;
  return city === undefined || city === area.city ? e : undefined;
}

/** 州 or 盟 starting a body's name, as 市 does (州人社局, 盟发改委); not a group word (州直, 州属, 州级). */
const PREFECTURE_PREFIX = /^(州|盟)(?!直|属|级|各|县|市|区|\(|（|、)/;

/**
 * In the documents of an autonomous prefecture (楚雄彝族自治州) or a league (兴安盟) and of their counties, the
 * prefecture's own bodies are printed with 州/盟 where a city's print 市: 州人力资源和社会保障局 is
 * 楚雄彝族自治州人力资源和社会保障局. Elsewhere a leading 州 or 盟 is left as printed.
 */
function prefectureBody(key: string, surface: string, j: Jurisdiction, gaz: Gazetteer): { area: UnitArea; surface: string; key: string } | undefined {
  const m = PREFECTURE_PREFIX.exec(key);
  if (!m || !j.city?.endsWith(m[1] === '州' ? '自治州' : '盟') || !PREFECTURE_PREFIX.test(surface)) return undefined;
  return { area: cityArea(j.city, gaz), surface: `${j.city}${surface.slice(1)}`, key: `${j.city}${key.slice(1)}` };
}

/**
 * The area of a printed unit and, for a relative prefix, the expanded surface (市人社局 → 广州市人社局).
 * `key` is the agency key without expansion.
 */
function placeUnit(key: string, surface: string, j: Jurisdiction, gaz: Gazetteer): { area: UnitArea; surface: string; key: string } {
  const same = { surface, key };
  const own = prefectureBody(key, surface, j, gaz);
  if (own) return own;
  const prefix = RELATIVE_PREFIX.exec(key)?.[1];
  // The document's own area's entries first: a name it lists is its own (中国(福建)自由贸易试验区…).
  if (entryIn(areaOf(j), key, gaz)) return { area: areaOf(j), ...same };
  if (GROUP.test(key)) {
    const head = /^(市|区|县|省)(直|属|级)/.exec(key)?.[1];
    if (head === '市' && j.city) return { area: cityArea(j.city, gaz), ...same };
    if (head === '省' && j.province) return { area: provinceArea(j.province), ...same };
    return { area: areaOf(j), ...same };
  }
  if (!prefix && isNationalName(key, gaz, j.level)) return { area: { name: NATIONAL, level: 'national' }, ...same };
  if (prefix) {
    const expand = (area: UnitArea, scope: { city?: string; province?: string; district?: string }) =>
      ({ area, surface: expandPrefix(surface, scope), key: expandPrefix(key, scope) });
    // A county-level city's 市X is its own (福清市's 市工信局), not its prefecture's.
    if (prefix === '市' && j.level === 'district' && j.name.endsWith('市')) return expand(areaOf(j), { city: j.name });
    if (prefix === '市' && j.city) return expand(cityArea(j.city, gaz), { city: j.city });
    // A district document whose city is nowhere named: its 市X is some city's, kept per document.
    if (prefix === '市' && j.level === 'district') return { area: { name: UNKNOWN, level: 'unknown', document: j.document }, ...same };
    if (prefix === '省' && j.province) return expand(provinceArea(j.province), { province: j.province });
    if ((prefix === '区' || prefix === '县') && j.level === 'district') return expand(areaOf(j), { district: j.name });
    // 区X in a city document (some district's X), 市X in a provincial one: the document's own area.
    return { area: areaOf(j), ...same };
  }
  const named = areaAtStart(key, gaz, j.city, j.province);
  // A shared county name no clue placed is kept per document (see scopedName).
  if (named) return { area: isUnplacedCounty(named, gaz) ? { ...areaOf(named), document: j.document } : areaOf(named), ...same };
  // 国家税务总局福建省税务局, 人行福州中心支行: a body named after an area inside its name is that area's.
  const inside = areaInside(key, gaz);
  if (inside) return { area: areaOf(inside), ...same };
  return { area: areaOf(j), ...same };
}

/**
 * The id (without agency:) of a unit of `area` whose key is `key`. National bodies and the home
 * city's units keep their key (the home city's ids predate jurisdictions and stay stable); a unit of
 * another area that does not start with the area's name gets it in front (广州市各区政府), a district
 * of another city gets the city (广州市天河区政府); units of an unknown area are kept per document.
 */
function scopedName(key: string, area: UnitArea, gaz: Gazetteer): string {
  if (area.level === 'unknown') return `${key}@${area.document ?? ''}`;
  if (area.level === 'national') return key;
  const home = gaz.home;
  if (area.name === home) return key;
  if (area.level === 'district') {
    // Two districts' 各街道办事处 are two groups; the home city's districts need no city in front.
    // A county-level city's leading 市 is its own (建德市's 市政府各部门 → 建德市政府各部门), as in placeUnit.
    const inArea = key.includes(area.name) ? key : withArea(area.name, key, area.name.endsWith('市') ? /^[区县市]/ : /^[区县]/);
    // 鼓楼区 of a city no clue names: which of the four is not known, so it is this document's alone.
    if (area.document !== undefined && isUnplacedCounty(area, gaz)) return `${inArea}@${area.document}`;
    return area.city && area.city !== home && !inArea.startsWith(area.city) ? `${area.city}${inArea}` : inArea;
  }
  if (key.includes(area.name) || areaInside(key, gaz)?.name === area.name) return key;
  // A municipality (北京市) is a province whose units print 市 as well as 省; an autonomous region's print
  // 自治区 (自治区交通运输厅 → 内蒙古自治区交通运输厅, not 内蒙古自治区自治区交通运输厅).
  return withArea(area.name, key, area.level === 'city' ? /^市/ : area.name.endsWith('市') ? /^[市省]/ : area.name.endsWith('自治区') ? /^(自治区|省)/ : /^省/);
}

/** The area's name in front of a unit; a leading 市/省/区/自治区 that stood for the area gives way (市政府各部门 → 广州市政府各部门). */
function withArea(name: string, key: string, own: RegExp): string {
  const prefix = own.exec(key)?.[0] ?? '';
  return `${name}${prefix !== '' && key.length > prefix.length ? key.slice(prefix.length) : key}`;
}

const resolved = new WeakMap<Gazetteer, Map<string, ResolvedAgency>>();
/** Resolved units are remembered per gazetteer and jurisdiction: lists repeat the same few dozen names. */
const RESOLVED_LIMIT = 50_000;

/** Resolves a printed agency name in a document of jurisdiction `j`. */
export function resolveAgency(printed: string, gaz: Gazetteer, j: Jurisdiction): ResolvedAgency {
  let cache = resolved.get(gaz);
  if (!cache) resolved.set(gaz, (cache = new Map()));
  // The document matters only where units are kept per document (see placeUnit).
  const perDocument = j.level === 'unknown' || (j.level === 'district' && !j.city);
  const key = `${j.level}\u0000${j.name}\u0000${j.city ?? ''}\u0000${j.province ?? ''}\u0000${perDocument ? j.document ?? '' : ''}\u0000${printed}`;
  // A unit kept per document in a document that is not (a shared county name no clue placed: its id ends
  // in @document) is remembered under its document too.
  const ownKey = `${key}\u0000${j.document ?? ''}`;
  let a = cache.get(key);
  if (a && !perDocument && a.id.includes('@')) a = cache.get(ownKey);
  if (!a) {
    if (cache.size >= RESOLVED_LIMIT) cache.clear();
    cache.set(key, (a = resolveUncached(printed, gaz, j)));
    if (!perDocument && a.id.includes('@')) cache.set(ownKey, a);
  }
  return a;
}

function resolveUncached(printed: string, gaz: Gazetteer, j: Jurisdiction): ResolvedAgency {
  const placed = placeUnit(agencyKey(printed), surfaceKey(printed), j, gaz);
  const { area, key } = placed;
  const jurisdiction = area.name;
  const known = entryIn(area, key, gaz)
    // a city's file may list its districts' bodies without saying whose they are
    ?? (area.level === 'district' && area.city ? entryIn(cityArea(area.city, gaz), key, gaz) : undefined)
    // 省住建厅、国土厅: a list's first prefix often stands for the units after it
    ?? (area.level !== 'national' && !RELATIVE_PREFIX.test(key) && !GROUP.test(key) ? entryIn(area, `${area.name}${key}`, gaz) : undefined);
  if (known) return fromEntry(known, gaz);
  const base = { members: [] as string[], jurisdiction, jurisdictionLevel: area.level };
  const gov = GOVERNMENT.exec(key);
  if (gov && !GROUP.test(key)) {
    const place = gov[1]!;
    const asArea = gaz.areas.get(place) ?? areaAtStart(place, gaz, area.city ?? j.city);
    if (asArea && asArea.name === place && (asArea.level === 'city' || asArea.level === 'province')) {
      // A city's (or province's) own government, under the name that signs its notices.
      const name = `${place}人民政府`;
      return { ...base, id: agencyNodeId(asArea.level === 'city' ? name : key), name, group: false, level: asArea.level, gazetteerAliases: [`${place}政府`], jurisdiction: place, jurisdictionLevel: asArea.level };
    }
    if (area.level !== 'national' && !(area.level === 'province' && area.name === place)) {
      // A government below the city, named as responsibility lists print it (长乐区政府).
      // 广州市天河区人民政府 is 天河区's government: the city in front only says where it is.
      const own = area.level === 'district' && place.endsWith(area.name);
      const district: UnitArea = own
        ? area
        : { name: place, level: area.level === 'unknown' ? 'unknown' : 'district', city: area.level === 'city' ? area.name : area.city, province: area.province, document: area.document };
      const known = gaz.byKey.get(surfaceKey(place));
      const districtName = own ? area.name : known && known.type === 'district' ? known.name : place;
      const name = `${districtName}政府`;
      const scoped = scopedName(name, district, gaz);
      return {
        ...base, id: agencyNodeId(scoped), name, group: false, level: 'district', governs: districtName,
        governsId: districtNodeId(scoped.replace(/政府(?=(@[^@]*)?$)/, '')), gazetteerAliases: [`${districtName}人民政府`],
        jurisdiction: district.level === 'unknown' ? jurisdiction : districtName, jurisdictionLevel: district.level,
      };
    }
  }
  const group = GROUP.test(key);
  // A group of governments (各乡镇人民政府) is named in the short form too, like its id.
  const shown = group ? placed.surface.replace(/人民政府$/, '政府') : placed.surface;
  const scoped = scopedName(key, area, gaz);
  const name = area.level === 'unknown' || scoped === key || area.level === 'district' ? shown : scopedName(shown, area, gaz);
  return { ...base, id: agencyNodeId(scoped), name, group, gazetteerAliases: [] };
}

/**
 * Adds the agency node (with the printed form as an alias), its GOVERNS edge and, for groups the
 * gazetteer knows, the members with MEMBER_OF. Evidence is the span where the agency was printed.
 */
export function emitAgency(b: FactsBuilder, a: ResolvedAgency, gaz: Gazetteer, printed: string[], evidence: Evidence[]): void {
  b.addNode(a.id, 'Agency', a.name, [a.name, ...a.gazetteerAliases, ...printed], agencyProps(a));
  if (a.governs) emitGoverns(b, a, gaz, evidence);
  for (const m of a.members) {
    const member = gaz.byName.get(m);
    if (!member) continue;
    const ra = fromEntry(member, gaz);
    b.addNode(ra.id, 'Agency', ra.name, [ra.name, ...ra.gazetteerAliases], agencyProps(ra));
    b.addRelationship('MEMBER_OF', ra.id, a.id, {}, evidence);
    if (ra.governs) emitGoverns(b, ra, gaz, []);
  }
}

function agencyProps(a: ResolvedAgency): Record<string, string | boolean | null> {
  return { group: a.group, level: a.level ?? null, jurisdiction: a.jurisdiction, jurisdictionLevel: a.jurisdictionLevel };
}

function emitGoverns(b: FactsBuilder, a: ResolvedAgency, gaz: Gazetteer, evidence: Evidence[]): void {
  const name = a.governs!;
  const id = a.governsId ?? districtNodeId(name);
  const d = gaz.byName.get(name);
  b.addNode(id, 'District', name, [name, ...(d?.aliases ?? [])], { level: d?.level ?? null });
  b.addRelationship('GOVERNS', a.id, id, {}, evidence);
}
