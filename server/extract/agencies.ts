/*
 * Agency resolution: a printed unit name → one Agency node. Gazetteer names and aliases first
 * (compared by agencyKey, which folds 区政府/区人民政府, 管委会/管理委员会 and the issuing-city 市);
 * then general rules: "<X区/县/市>政府" is a district government, names starting with 各… or
 * containing 各有关 are groups. Anything else stays an Agency under the name as printed.
 */
import type { FactsBuilder } from './facts-builder.ts';
import type { EntityEntry, Gazetteer } from './gazetteer.ts';
import { agencyKey, surfaceKey } from './gazetteer.ts';
import type { Evidence } from './graph-facts.ts';

export interface ResolvedAgency {
  id: string;
  name: string;
  group: boolean;
  level?: string;
  /** district name this agency governs */
  governs?: string;
  /** canonical names of known members (groups only) */
  members: string[];
  gazetteerAliases: string[];
}

const DISTRICT_GOVERNMENT = /^(.{1,8}?[区县市])政府$/;
const GROUP = /^(市直|市属|区直|县直|省直)?各|各有关|各相关|有关单位$/;

export function agencyNodeId(canonical: string): string {
  return `agency:${canonical}`;
}

export function districtNodeId(name: string): string {
  return `district:${name}`;
}

function fromEntry(e: EntityEntry): ResolvedAgency {
  return {
    id: agencyNodeId(e.name), name: e.name, group: e.group === true, level: e.level,
    governs: e.governs, members: e.members, gazetteerAliases: e.aliases,
  };
}

/** Resolves a printed agency name; `city` is the issuing city that a bare 市 prefix stands for. */
export function resolveAgency(printed: string, gaz: Gazetteer, city: string): ResolvedAgency {
  const key = agencyKey(printed, city);
  const known = gaz.agencyByKey.get(key);
  if (known) return fromEntry(known);
  const gov = DISTRICT_GOVERNMENT.exec(key);
  if (gov && !key.startsWith('各') && gov[1] !== `${city}市`) {
    const district = gaz.byKey.get(surfaceKey(gov[1]!));
    const districtName = district && district.type === 'district' ? district.name : gov[1]!;
    // Named as responsibility lists print it (长乐区政府); the 人民政府 form is an alias.
    return { id: agencyNodeId(`${districtName}政府`), name: `${districtName}政府`, group: false, level: 'district', governs: districtName, members: [], gazetteerAliases: [`${districtName}人民政府`] };
  }
  if (key === `${city}市政府`) {
    // The issuing city's own government, under the name that signs its notices.
    return { id: agencyNodeId(`${city}市人民政府`), name: `${city}市人民政府`, group: false, level: 'city', members: [], gazetteerAliases: [`${city}市政府`] };
  }
  const group = GROUP.test(key);
  // A group of governments (各乡镇人民政府) is named in the short form too, like its id.
  const name = group ? surfaceKey(printed).replace(/人民政府$/, '政府') : surfaceKey(printed);
  return { id: agencyNodeId(key), name, group, members: [], gazetteerAliases: [] };
}

/**
 * Adds the agency node (with the printed form as an alias), its GOVERNS edge and, for groups the
 * gazetteer knows, the members with MEMBER_OF. Evidence is the span where the agency was printed.
 */
export function emitAgency(b: FactsBuilder, a: ResolvedAgency, gaz: Gazetteer, printed: string[], evidence: Evidence[]): void {
  b.addNode(a.id, 'Agency', a.name, [a.name, ...a.gazetteerAliases, ...printed], { group: a.group, level: a.level ?? null });
  if (a.governs) emitGoverns(b, a, gaz, evidence);
  for (const m of a.members) {
    const member = gaz.byName.get(m);
    if (!member) continue;
    const ra = fromEntry(member);
    b.addNode(ra.id, 'Agency', ra.name, [ra.name, ...ra.gazetteerAliases], { group: ra.group, level: ra.level ?? null });
    b.addRelationship('MEMBER_OF', ra.id, a.id, {}, evidence);
    if (ra.governs) emitGoverns(b, ra, gaz, []);
  }
}

function emitGoverns(b: FactsBuilder, a: ResolvedAgency, gaz: Gazetteer, evidence: Evidence[]): void {
  const name = a.governs!;
  const d = gaz.byName.get(name);
  b.addNode(districtNodeId(name), 'District', name, [name, ...(d?.aliases ?? [])], { level: d?.level ?? null });
  b.addRelationship('GOVERNS', a.id, districtNodeId(name), {}, evidence);
}
