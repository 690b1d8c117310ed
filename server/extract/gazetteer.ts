/*
 * The gazetteer: user-editable knowledge about known entities (seeds/gazetteer.yaml). Extraction
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

const EntityEntry = z.object({
  name: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  aliases: Names,
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

const GazetteerFile = z.object({
  city: z.string().min(1),
  entities: z.array(z.unknown()).default([]),
  indicators: z.array(z.unknown()).default([]),
}).strict();

export class GazetteerError extends Error {
  override readonly name = 'GazetteerError';
}

export interface Gazetteer {
  /** The city a bare 市 prefix refers to, e.g. 福州. */
  city: string;
  entities: EntityEntry[];
  indicators: IndicatorEntry[];
  /** surface key (see surfaceKey) → entry, for every name and alias. */
  byKey: Map<string, EntityEntry>;
  /** agency resolution key → agency entry. */
  agencyByKey: Map<string, EntityEntry>;
  /** canonical name → entry */
  byName: Map<string, EntityEntry>;
  /** group canonical name → member canonical names */
  indicatorByAlias: Map<string, IndicatorEntry>;
  /** every name/alias of non-agency entities, longest first, for text scanning. */
  scanNames: { surface: string; entry: EntityEntry }[];
}

/** Case, width, script and quotation marks do not distinguish names. */
export function surfaceKey(s: string): string {
  return toSimplified(foldString(s)).replace(/[\s“”"‘’'「」『』]/g, '');
}

/**
 * Agency names vary in well-known ways: 区政府 = 区人民政府, 管委会 = 管理委员会 (and the
 * misprint 管理委会), and a leading 市 means the issuing city. The key folds these away.
 */
export function agencyKey(name: string, city: string): string {
  let k = surfaceKey(name)
    .replace(/人民政府/g, '政府')
    .replace(/管理委员会|管理委会|管委员会/g, '管委会');
  if (k.startsWith('市') && !/^市(直|属|级|各|县)/.test(k)) k = `${city}${k}`;
  return k;
}

function describe(raw: unknown, index: number): string {
  const name = raw && typeof raw === 'object' && 'name' in raw ? String((raw as { name: unknown }).name) : `#${index + 1}`;
  return name;
}

/** Parses and validates gazetteer YAML; errors name the offending entry. */
export function loadGazetteer(yamlText: string): Gazetteer {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (e) {
    throw new GazetteerError(`gazetteer is not valid YAML: ${(e as Error).message}`);
  }
  const file = GazetteerFile.safeParse(data);
  if (!file.success) throw new GazetteerError(`gazetteer: ${file.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const entities: EntityEntry[] = file.data.entities.map((raw, idx) => {
    const r = EntityEntry.safeParse(raw);
    if (!r.success) throw new GazetteerError(`gazetteer entity "${describe(raw, idx)}": ${r.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ')}`);
    return r.data;
  });
  const indicators: IndicatorEntry[] = file.data.indicators.map((raw, idx) => {
    const r = IndicatorEntry.safeParse(raw);
    if (!r.success) throw new GazetteerError(`gazetteer indicator "${describe(raw, idx)}": ${r.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ')}`);
    return r.data;
  });
  return buildGazetteer(file.data.city, entities, indicators);
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

export function buildGazetteer(city: string, rawEntities: EntityEntry[], indicators: IndicatorEntry[]): Gazetteer {
  const byOriginal = new Map<string, string>();
  for (const e of rawEntities) {
    if (e.type === 'agency') byOriginal.set(e.name, canonicalGovernmentName(e.name, e.level));
  }
  const entities = rawEntities.map((e) => canonicalAgencyEntry(e, byOriginal));
  const byKey = new Map<string, EntityEntry>();
  const agencyByKey = new Map<string, EntityEntry>();
  const byName = new Map<string, EntityEntry>();
  const indicatorByAlias = new Map<string, IndicatorEntry>();
  const scan = new Map<string, EntityEntry>();
  for (const e of entities) {
    if (byName.has(e.name)) throw new GazetteerError(`gazetteer entity "${e.name}": listed twice`);
    byName.set(e.name, e);
    for (const s of [e.name, ...e.aliases]) {
      byKey.set(surfaceKey(s), e);
      if (e.type === 'agency') agencyByKey.set(agencyKey(s, city), e);
      else scan.set(surfaceKey(s), e);
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
  return { city, entities, indicators, byKey, agencyByKey, byName, indicatorByAlias, scanNames };
}
