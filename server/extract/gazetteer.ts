/*
 * The gazetteer: user-editable knowledge about known entities (the YAML files of seeds/gazetteer/). Extraction
 * rules find candidates in text; the gazetteer decides canonical names, types, group membership,
 * locations and the indicator lexicon. Validated with zod so a typo in the YAML names its entry.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { foldString } from './normalise.ts';
import { toSimplified } from './to-simplified.ts';

export const ENTITY_TYPES = ['agency', 'district', 'park', 'platform', 'company', 'institution', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const Names = z.array(z.string().min(1)).default([]);

export const JURISDICTION_LEVELS = ['national', 'province', 'city', 'district'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];
/** The name of the national jurisdiction, as agency `jurisdiction` props and gold print it. */
export const NATIONAL = '全国';

const EntityEntry = z.object({
  name: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  aliases: Names,
  /**
   * non-agency: short names that are too common to scan for alone (移动, 万象) and count only in a
   * list of at least two short forms (电信、移动、联通; 苏万宝(苏宁、万象、宝龙)).
   */
  shortForms: Names,
  /** agency: a named group of bodies (各县(市)区政府). */
  group: z.boolean().optional(),
  /** group agencies: canonical names of the member agencies. */
  members: Names,
  /** agency: the district it governs. */
  governs: z.string().min(1).optional(),
  /** park, company, institution: the district or park it lies in. */
  locatedIn: z.string().min(1).optional(),
  /** agency level (city, district, province…) or district kind (区, 县, 县级市). */
  level: z.string().min(1).optional(),
  /**
   * agency: the full name of the area whose body it is (全国, 福建省, 福州市, 长乐区). Defaults to the
   * district it governs, else the file's jurisdiction; filled in on load, so every entry has one.
   */
  jurisdiction: z.string().min(1).optional(),
  note: z.string().optional(),
}).strict();
export type EntityEntry = z.infer<typeof EntityEntry>;

const IndicatorEntry = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  unit: z.string().min(1),
  aliases: Names,
}).strict();
export type IndicatorEntry = z.infer<typeof IndicatorEntry>;

const AreaEntry = z.object({
  province: z.string().regex(/(省|自治区|市)$/, 'a province-level name ends in 省, 自治区 or 市'),
  short: Names,
  cities: Names,
}).strict();

const GazetteerFile = z.object({
  /** legacy and home form: this file is the city <city>市's, and that city is the gazetteer's home. */
  city: z.string().min(1).optional(),
  /** full name of the area this file describes (全国, 福建省, 广州市, 鼓楼区). */
  jurisdiction: z.string().min(1).optional(),
  level: z.enum(JURISDICTION_LEVELS).optional(),
  /** the province of a city or district file (福建省). */
  province: z.string().min(1).optional(),
  /** the city of a district file (福州市). */
  parentCity: z.string().min(1).optional(),
  entities: z.array(z.unknown()).default([]),
  indicators: z.array(z.unknown()).default([]),
  areas: z.array(z.unknown()).default([]),
  docNumbers: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** province → city (or DIRECT) → its county-level divisions (counties.yaml); checked against the areas */
  counties: z.record(z.string().min(1), z.record(z.string().min(1), z.array(z.string()))).default({}),
}).strict();

/** The key under a province in counties.yaml for its divisions directly under it, with no city (仙桃市). */
export const DIRECT = '直辖';
/** A county-level division's name: 区, 县, 县级市, 旗 (自治县, 林区, 特区 and 矿区 end so too). */
const COUNTY_NAME = /^[\u4e00-\u9fff]{1,15}[区县市旗]$/;
export function isCountyName(name: string): boolean {
  return COUNTY_NAME.test(name);
}

export class GazetteerError extends Error {
  override readonly name = 'GazetteerError';
}

/** An administrative area the gazetteer knows: a province-level area, a city or a district. */
export interface Area {
  name: string;
  level: JurisdictionLevel;
  /** the province of a city or district (a municipality is its own province) */
  province?: string;
  /** the city of a district */
  city?: string;
}

export interface Gazetteer {
  /** The home city's short name (福州): its documents' groups keep bare ids, and a text without any
   * other clue is read as this city's only when it names it. Empty when no file is the home. */
  city: string;
  /** The home city's full name (福州市), or '' */
  home: string;
  entities: EntityEntry[];
  indicators: IndicatorEntry[];
  /** surface key (see surfaceKey) → entry, for every name and alias. */
  byKey: Map<string, EntityEntry>;
  /** `<jurisdiction>|<agency key expanded in that jurisdiction>` → agency entry (see scopedAgencyKey). */
  agencyByKey: Map<string, EntityEntry>;
  /** canonical name → entry */
  byName: Map<string, EntityEntry>;
  indicatorByAlias: Map<string, IndicatorEntry>;
  /** every name/alias of non-agency entities, longest first, for text scanning. */
  scanNames: { surface: string; entry: EntityEntry }[];
  /** full area name → area (provinces, prefecture cities, and districts listed as entities) */
  areas: Map<string, Area>;
  /** every printed form of a province or city (full and short, 2+ characters), longest first */
  areaNames: { surface: string; area: Area }[];
  /** areaNames by the code of their first character, longest first: text is scanned position by position */
  areaByFirst: Map<number, { surface: string; area: Area }[]>;
  /** districts by city full name → surface form → district area (from district entities) */
  districtsOf: Map<string, Map<string, Area>>;
  /**
   * county-level division name → every division of that name in the country (counties.yaml), each with its
   * province and city (none for one directly under its province). Several for a shared name (鼓楼区 ×4).
   */
  counties: Map<string, Area[]>;
  /** document-number prefixes, longest first */
  docNumbers: { prefix: string; jurisdiction: string }[];
}

/** Case, width, script and quotation marks do not distinguish names. */
export function surfaceKey(s: string): string {
  return toSimplified(foldString(s)).replace(/[\s“”"‘’'「」『』]/g, '');
}

/** The areas a relative prefix (市X, 省X, 区X/县X) stands for in a given place. */
export interface PrefixScope {
  province?: string;
  city?: string;
  district?: string;
}

/** A leading 市/省/区/县 that is a relative prefix, not the start of a group word (市直, 省属, 区县…). */
export const RELATIVE_PREFIX = /^(市|省|区|县)(?!直|属|级|各|县|区|\(|（|、|市区|市县|场)/;

/**
 * Expands a relative prefix: 市X → <city>X, 省X → <province>X, 区X / 县X → <district>X. The 市 of a
 * county-level city's name (县级市) is not a prefix: 区/县 expand only to a district of the same kind.
 */
export function expandPrefix(s: string, scope: PrefixScope): string {
  const m = RELATIVE_PREFIX.exec(s);
  if (!m) return s;
  const rest = s.slice(1);
  if (m[1] === '市' && scope.city) return `${scope.city}${rest}`;
  if (m[1] === '省' && scope.province) return `${scope.province}${rest}`;
  if ((m[1] === '区' || m[1] === '县') && scope.district) return `${scope.district}${rest}`;
  return s;
}

/**
 * Agency names vary in well-known ways: 区政府 = 区人民政府, 管委会 = 管理委员会 (and the
 * misprint 管理委会). The key folds these away. A relative prefix is expanded when `scope` says what it
 * stands for; a bare string is the legacy form (the short name of the city that 市 means).
 */
export function agencyKey(name: string, scope: PrefixScope | string = {}): string {
  const k = surfaceKey(name)
    .replace(/人民政府/g, '政府')
    .replace(/管理委员会|管理委会|管委员会/g, '管委会');
  return expandPrefix(k, typeof scope === 'string' ? { city: `${scope}市` } : scope);
}

/** The key of an agency entry or printed unit within a jurisdiction (see Gazetteer.agencyByKey). */
export function scopedAgencyKey(jurisdiction: string, key: string): string {
  return `${jurisdiction}|${key}`;
}

function describe(raw: unknown, index: number): string {
  const name = raw && typeof raw === 'object' && 'name' in raw ? String((raw as { name: unknown }).name) : `#${index + 1}`;
  return name;
}

/** One gazetteer file: its name (for error messages) and its YAML text. */
export interface GazetteerSource {
  name: string;
  text: string;
}

interface FileScope {
  jurisdiction: string;
  level: JurisdictionLevel;
  province?: string;
  city?: string;
}

/**
 * Parses and validates gazetteer YAML — one file, or the files of a gazetteer folder (per
 * jurisdiction: fuzhou.yaml, national.yaml, areas.yaml …); errors name the file and the entry at fault.
 */
export function loadGazetteer(sources: string | GazetteerSource[]): Gazetteer {
  const files = typeof sources === 'string' ? [{ name: 'gazetteer', text: sources }] : sources;
  let home = '';
  const entities: EntityEntry[] = [];
  const indicators: IndicatorEntry[] = [];
  const areas: z.infer<typeof AreaEntry>[] = [];
  const docNumbers: Record<string, string> = {};
  const declared: FileScope[] = [];
  const counties: CountyList[] = [];
  for (const f of files) {
    let data: unknown;
    try {
      data = parseYaml(f.text);
    } catch (e) {
      throw new GazetteerError(`${f.name} is not valid YAML: ${(e as Error).message}`);
    }
    const file = GazetteerFile.safeParse(data ?? {});
    if (!file.success) throw new GazetteerError(`${f.name}: ${file.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const d = file.data;
    if (d.city) {
      if (home) throw new GazetteerError(`${f.name}: city: ${d.city} — the home city is already ${home} (only one file may name the home city)`);
      home = `${d.city}市`;
    }
    const jurisdiction = d.jurisdiction ?? (d.city ? `${d.city}市` : undefined);
    const scope: FileScope | undefined = jurisdiction === undefined ? undefined : {
      jurisdiction,
      level: d.level ?? (jurisdiction === NATIONAL ? 'national' : d.city ? 'city' : levelOfName(jurisdiction)),
      province: d.province,
      city: d.parentCity,
    };
    d.entities.forEach((raw, idx) => {
      const r = EntityEntry.safeParse(raw);
      if (!r.success) throw new GazetteerError(`${f.name}: gazetteer entity "${describe(raw, idx)}": ${r.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ')}`);
      const e = r.data;
      if (e.type === 'agency' && !e.jurisdiction) {
        const j = e.governs ?? scope?.jurisdiction;
        if (!j) throw new GazetteerError(`${f.name}: gazetteer entity "${e.name}": an agency needs a jurisdiction (set jurisdiction: or city: at the top of the file)`);
        e.jurisdiction = j;
      }
      // A district listed in a city's file is that city's district.
      if (e.type === 'district' && !e.jurisdiction && scope) e.jurisdiction = scope.level === 'district' ? scope.city ?? scope.jurisdiction : scope.jurisdiction;
      entities.push(e);
    });
    d.indicators.forEach((raw, idx) => {
      const r = IndicatorEntry.safeParse(raw);
      if (!r.success) throw new GazetteerError(`${f.name}: gazetteer indicator "${describe(raw, idx)}": ${r.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ')}`);
      indicators.push(r.data);
    });
    d.areas.forEach((raw, idx) => {
      const r = AreaEntry.safeParse(raw);
      if (!r.success) throw new GazetteerError(`${f.name}: area "${raw && typeof raw === 'object' && 'province' in raw ? String((raw as { province: unknown }).province) : `#${idx + 1}`}": ${r.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ')}`);
      areas.push(r.data);
    });
    Object.assign(docNumbers, d.docNumbers);
    for (const [province, cities] of Object.entries(d.counties)) {
      for (const [city, names] of Object.entries(cities)) counties.push({ file: f.name, province, city, names });
    }
    // A file's header declares its area (a user's guangzhou.yaml: jurisdiction: 广州市, province: 广东省).
    if (scope && scope.level !== 'national') declared.push(scope);
  }
  const built = buildGazetteer(home.replace(/市$/, ''), entities, indicators);
  addAreas(built, areas, docNumbers, declared);
  addCounties(built, counties);
  return built;
}

/** One city's list of counties.yaml, with the file it came from (for error messages). */
interface CountyList {
  file: string;
  province: string;
  city: string;
  names: string[];
}

/**
 * Adds the county table, checked against the areas: its provinces and cities must be those areas.yaml lists
 * (a municipality is the city of its own divisions), so a typo names its entry instead of placing counties
 * in a city that does not exist.
 */
function addCounties(gaz: Gazetteer, lists: CountyList[]): void {
  for (const { file, province, city, names } of lists) {
    const where = `${file}: counties → ${province} → ${city}`;
    const p = gaz.areas.get(province);
    if (p?.level !== 'province') throw new GazetteerError(`${where}: ${province} is not a province-level area of areas.yaml`);
    const municipality = p.city === province;
    const c = city === DIRECT ? undefined : gaz.areas.get(city);
    if (city !== DIRECT && !(municipality ? city === province : c?.level === 'city' && c.province === province)) {
      throw new GazetteerError(`${where}: ${city} is not ${municipality ? 'the municipality itself' : `a city of ${province} in areas.yaml`} (or ${DIRECT} for divisions with no city)`);
    }
    for (const name of names) {
      if (!isCountyName(name)) throw new GazetteerError(`${where}: "${name}" is not the name of a county-level division (it ends in 区, 县, 市 or 旗)`);
      const area: Area = { name, level: 'district', province };
      if (city !== DIRECT) area.city = city;
      const known = gaz.counties.get(name);
      if (!known) gaz.counties.set(name, [area]);
      else if (!known.some((k) => k.city === area.city && k.province === province)) known.push(area);
    }
  }
}

/** The level an area's full name implies: 省/自治区 → province, 市/州/盟/地区 → city, 区/县/旗 → district. */
export function levelOfName(name: string): JurisdictionLevel {
  if (name === NATIONAL) return 'national';
  if (/(省|自治区)$/.test(name) || /^(北京|天津|上海|重庆)市$/.test(name)) return 'province';
  if (/(区|县|旗)$/.test(name)) return 'district';
  return 'city';
}

/**
 * The canonical form of a government's name. Governments below the city are named as responsibility
 * lists print them (长乐区政府, 各县(市)区政府); the 人民政府 form becomes an alias. The city's own
 * government and provincial ones keep the form that signs notices (福州市人民政府).
 */
export function canonicalGovernmentName(name: string, level: string | undefined): string {
  if (!name.endsWith('人民政府') || level === 'city' || level === 'province') return name;
  return `${name.slice(0, -'人民政府'.length)}政府`;
}

function canonicalAgencyEntry(e: EntityEntry, byOriginal: Map<string, string>): EntityEntry {
  const name = byOriginal.get(e.name) ?? e.name;
  const members = e.members.map((m) => byOriginal.get(m) ?? m);
  if (name === e.name && members.every((m, i) => m === e.members[i])) return e;
  const aliases = name === e.name || e.aliases.includes(e.name) ? e.aliases : [e.name, ...e.aliases];
  return { ...e, name, aliases, members };
}

/** The prefix scope of an agency entry's own jurisdiction: where its aliases' 市/省/区 point. */
function entryScope(jurisdiction: string, areas: Map<string, Area>): PrefixScope {
  const a = areas.get(jurisdiction);
  const level = a?.level ?? levelOfName(jurisdiction);
  if (level === 'district') return { district: jurisdiction, city: a?.city, province: a?.province };
  if (level === 'city') return { city: jurisdiction, province: a?.province };
  if (level === 'province') return { province: jurisdiction, city: /市$/.test(jurisdiction) ? jurisdiction : undefined };
  return {};
}

export function buildGazetteer(city: string, rawEntities: EntityEntry[], indicators: IndicatorEntry[]): Gazetteer {
  const byOriginal = new Map<string, string>();
  for (const e of rawEntities) {
    if (e.type === 'agency') byOriginal.set(e.name, canonicalGovernmentName(e.name, e.level));
  }
  const home = city ? `${city}市` : '';
  const entities = rawEntities.map((e) => {
    const c = canonicalAgencyEntry(e, byOriginal);
    // Entries built in code (tests, a single legacy file) belong to the home city unless they say otherwise.
    if (c.type === 'agency' && !c.jurisdiction && home) return { ...c, jurisdiction: c.governs ?? home };
    return c;
  });
  const byKey = new Map<string, EntityEntry>();
  const byName = new Map<string, EntityEntry>();
  const indicatorByAlias = new Map<string, IndicatorEntry>();
  const scan = new Map<string, EntityEntry>();
  for (const e of entities) {
    if (byName.has(e.name)) throw new GazetteerError(`gazetteer entity "${e.name}": listed twice`);
    byName.set(e.name, e);
    for (const s of [e.name, ...e.aliases]) {
      byKey.set(surfaceKey(s), e);
      if (e.type !== 'agency') scan.set(surfaceKey(s), e);
    }
  }
  for (const e of entities) {
    for (const m of e.members) {
      if (!byName.has(m)) throw new GazetteerError(`gazetteer entity "${e.name}": member "${m}" is not an entity`);
    }
    for (const ref of [e.governs, e.locatedIn]) {
      if (ref !== undefined && !byName.has(ref)) throw new GazetteerError(`gazetteer entity "${e.name}": "${ref}" is not an entity`);
    }
  }
  for (const ind of indicators) {
    for (const s of [ind.key, ind.name, ...ind.aliases]) indicatorByAlias.set(surfaceKey(s), ind);
  }
  const scanNames = [...scan.entries()]
    .filter(([surface]) => surface.length >= 2)
    .map(([surface, entry]) => ({ surface, entry }))
    .sort((a, b) => b.surface.length - a.surface.length || (a.surface < b.surface ? -1 : 1));
  const gaz: Gazetteer = {
    city, home, entities, indicators, byKey, agencyByKey: new Map(), byName, indicatorByAlias, scanNames,
    areas: new Map(), areaNames: [], areaByFirst: new Map(), districtsOf: new Map(), counties: new Map(), docNumbers: [],
  };
  addAreas(gaz, [], {}, home ? [{ jurisdiction: home, level: 'city' }] : []);
  return gaz;
}

/**
 * The peoples whose names autonomous prefectures carry (楚雄彝族自治州, 海西蒙古族藏族自治州, 伊犁哈萨克自治州):
 * what is left before them is the place's own name.
 */
const PEOPLES = '蒙古|维吾尔|哈萨克|柯尔克孜|朝鲜|土家|哈尼|布依|傈僳|景颇|拉祜|东乡|纳西|达斡尔|仫佬|撒拉|毛南|仡佬|塔吉克|乌孜别克|鄂温克|德昂|保安|裕固|塔塔尔|鄂伦春|回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|锡伯|普米|怒|独龙|基诺';
const AUTONOMOUS_PREFECTURE = new RegExp(`^([\u4e00-\u9fff]{2,4}?)(?:(?:${PEOPLES})族?)+自治州$`);

/**
 * How documents print an autonomous prefecture besides its full name: its place name and 州 (楚雄州,
 * 临夏州, 黔东南州). The bare place name is left out: several are also other areas' names (海南).
 */
function prefectureShortForms(full: string): string[] {
  const m = AUTONOMOUS_PREFECTURE.exec(full);
  return m ? [`${m[1]!}州`] : [];
}

/**
 * Adds the area list, the document-number table and the areas that files declare, then (re)builds
 * the lookups that depend on areas: districts per city and the scoped agency keys.
 */
function addAreas(gaz: Gazetteer, list: z.infer<typeof AreaEntry>[], docNumbers: Record<string, string>, declared: FileScope[]): void {
  const surfaces = new Map<string, Area>();
  const add = (a: Area, names: string[]): void => {
    const known = gaz.areas.get(a.name);
    if (!known) gaz.areas.set(a.name, a);
    else {
      known.province ??= a.province;
      known.city ??= a.city;
    }
    for (const n of names) if (n.length >= 2 && !surfaces.has(n)) surfaces.set(n, gaz.areas.get(a.name)!);
  };
  for (const p of list) {
    const municipality = p.cities.length === 0 && p.province.endsWith('市');
    add({ name: p.province, level: 'province', province: p.province, city: municipality ? p.province : undefined }, [p.province, ...p.short]);
    for (const c of p.cities) {
      const full = /(市|自治州|盟|地区)$/.test(c) ? c : `${c}市`;
      const short = full.endsWith('市') ? full.slice(0, -1) : full.replace(/(地区|盟)$/, '');
      add({ name: full, level: 'city', province: p.province }, [full, short, ...prefectureShortForms(full)]);
    }
  }
  for (const d of declared) {
    add({ name: d.jurisdiction, level: d.level, province: d.province, city: d.level === 'district' ? d.city : undefined }, [d.jurisdiction, d.jurisdiction.replace(/市$/, '')]);
  }
  for (const { surface, area } of gaz.areaNames) if (!surfaces.has(surface)) surfaces.set(surface, area);
  gaz.areaNames = [...surfaces.entries()].map(([surface, area]) => ({ surface, area }))
    .sort((a, b) => b.surface.length - a.surface.length || (a.surface < b.surface ? -1 : 1));
  gaz.areaByFirst.clear();
  for (const a of gaz.areaNames) {
    let list = gaz.areaByFirst.get(a.surface.charCodeAt(0));
    if (!list) gaz.areaByFirst.set(a.surface.charCodeAt(0), (list = []));
    list.push(a);
  }
  for (const [prefix, jurisdiction] of Object.entries(docNumbers)) gaz.docNumbers.push({ prefix: surfaceKey(prefix), jurisdiction });
  gaz.docNumbers.sort((a, b) => b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1));
  // Districts: the gazetteer's district entities, under the city whose file lists them.
  gaz.districtsOf.clear();
  for (const e of gaz.entities) {
    if (e.type !== 'district' || !e.jurisdiction || e.level === 'city' || e.level === 'province') continue;
    const cityArea = gaz.areas.get(e.jurisdiction);
    let area = gaz.areas.get(e.name);
    if (!area) gaz.areas.set(e.name, (area = { name: e.name, level: 'district', city: e.jurisdiction }));
    if (area.level === 'district') {
      area.city ??= e.jurisdiction;
      area.province ??= cityArea?.province;
    }
    let m = gaz.districtsOf.get(e.jurisdiction);
    if (!m) gaz.districtsOf.set(e.jurisdiction, (m = new Map()));
    for (const s of [e.name, ...e.aliases]) m.set(surfaceKey(s), area);
  }
  gaz.agencyByKey.clear();
  for (const e of gaz.entities) {
    if (e.type !== 'agency' || !e.jurisdiction) continue;
    const scope = entryScope(e.jurisdiction, gaz.areas);
    for (const s of [e.name, ...e.aliases]) gaz.agencyByKey.set(scopedAgencyKey(e.jurisdiction, agencyKey(s, scope)), e);
  }
}
