/*
 * Named entities in running text: Parks, Platforms, Companies, Institutions, Districts, Events.
 * Two sources: gazetteer names (exact, longest first) and suffix-based recognisers (…产业园,
 * …实验室, …公司) that walk left from the suffix to a boundary, drop leading verbs (积极推进…)
 * and reject generic phrases (省级重点数字经济园区, 工业园区) whose modifiers carry no name.
 */
import type { EntityEntry, EntityType, Gazetteer } from './gazetteer.ts';
import { surfaceKey } from './gazetteer.ts';
import type { NodeLabel } from './graph-facts.ts';

export interface EntityMention {
  id: string;
  label: NodeLabel;
  name: string;
  start: number;
  end: number;
  /** canonical name of the district or park it lies in, if known */
  locatedIn?: { id: string; label: NodeLabel; name: string };
  aliases: string[];
}

const LABELS: Record<Exclude<EntityType, 'agency'>, NodeLabel> = {
  district: 'District', park: 'Park', platform: 'Platform', company: 'Company', institution: 'Institution', event: 'Event',
};

const SUFFIXES: [string, Exclude<EntityType, 'agency' | 'district'>][] = [
  ...['产业化基地', '产业基地', '发展基地', '生产基地', '制造基地', '产业园', '软件园', '科技园', '工业园', '创业园', '三创园', '小镇', '科学城', '大学城', '高新区', '开发区']
    .map((s): [string, 'park'] => [s, 'park']),
  ...['研究院', '实验室', '研究中心', '研究所', '大学', '学院', '创新中心', '分院'].map((s): [string, 'institution'] => [s, 'institution']),
  ...['公司', '集团', '银行'].map((s): [string, 'company'] => [s, 'company']),
  ...['峰会', '大赛', '博览会', '交易会', '旅游节', '文化节', '大会', '论坛'].map((s): [string, 'event'] => [s, 'event']),
];
const SUFFIX_TYPE = new Map(SUFFIXES);
const SUFFIX_RE = new RegExp(SUFFIXES.map(([s]) => s).sort((a, b) => b.length - a.length).join('|'), 'g');
// Single function characters end a name when walking left; 为 is not one of them (华为).
const BOUNDARY = new Set([...',、;:。!?“”"《》<>\n \t和及与的在等对把将从向于或并是了'].map((c) => c));
// Verbs that may sit inside the walked-left span: the name starts after the rightmost one.
const INNER_VERBS = /(?:建设|推进|打造|依托|发挥|推动|加快|着力|借助|围绕|支持|鼓励|参与|培育|引进|携手|办好|举办|落户|入驻|创建|筹建|构建)/g;
const LEADING_WORDS = [
  '进一步', '积极', '推进', '加快', '推动', '建设', '打造', '依托', '发展', '建成', '创建', '参与', '围绕', '支持', '鼓励',
  '提升', '完善', '培育', '引进', '加强', '深化', '实施', '开展', '全力', '大力', '着力', '持续', '全面', '争取', '力争', '筹建',
  '新建', '升级', '做强', '做大', '做优', '启动', '运营', '落地', '入驻', '落户', '聚焦', '携手', '成为', '申报', '形成', '构建',
  '布局', '谋划', '推广', '拓展', '优化', '整合', '加速', '继续', '提速', '用好', '办好', '举办', '成立', '设立', '获批', '建立',
  '健全', '重点', '通过', '充分', '发挥', '借助', '携手', '依靠', '利用', '深入', '做好', '办好', '以', '由', '让', '在', '到', '向', '如', '即', '共同', '发起', '共建', '组建', '配合', '推出', '服务', '联合', '协同', '对接', '引入', '招引',
];
const GENERIC_START = /^(?:首届|第.{1,3}届|前.{1,2}届|本届|历届|各届|[一二三四五六七八九十\d]+大|上云|省级|市级|国家级|省市级|县级|区级|一批|一个|若干|各类|各|该|本|多个|首个|首家|全国|全省|全市|新型|上下游|龙头|重点|特色|相关|其他|有关|我市|本市)/;
const GENERIC_TOKENS = [
  '数字经济', '高新技术', '人工智能', '大数据', '物联网', '互联网', '电子商务', '跨境电商', '数字化', '国家级', '省级', '市级',
  '数字', '经济', '产业', '工业', '特色', '重点', '智慧', '现代', '农业', '示范', '创新', '服务', '应用', '技术', '科技', '信息',
  '数据', '软件', '国家', '发展', '综合', '新兴', '文化', '电商', '平台', '生态', '开放', '公共', '企业', '高端', '国际', '中国',
  '区域', '行业', '专业', '孵化', '众创', '双创', '研发', '智能', '网络', '融合', '基础', '实验', '研究', '高校', '联合', '试点',
  '新', '相关', '优秀', '领先', '级', '化', '型', '工程', '领域', '最高级别', '重大', '旅游',
  // 大院大所大实验室 (a slogan for research institutes in general); 峰会创新大赛 (the summit's contest,
  // named only by the kind of event it belongs to).
  '大院', '大所', '峰会', '大会', '论坛', '展会', '博览会', '配套', '专题', '平行', '主题', '分',
];
const GENERIC_RE = new RegExp(GENERIC_TOKENS.sort((a, b) => b.length - a.length).join('|'), 'g');
const PLATFORM_QUOTED = /“([^“”\n、+]{1,14})”\s*(APP|app|App|小程序)?/g;
const PLATFORM_NAMED = /福州市[\u4e00-\u9fa5A-Za-z0-9]{2,14}?(?:云平台|平台)/g;
const PLATFORM_END = /(平台|APP)$/;

export function entityNodeId(label: NodeLabel, name: string): string {
  return `${label.toLowerCase()}:${name}`;
}

function stripLeading(name: string): string {
  let changed = true;
  while (changed) {
    changed = false;
    for (const w of LEADING_WORDS) {
      if (w === '联合' && name[2] === '国') continue; // 联合国…
      if (name.startsWith(w) && name.length > w.length) { name = name.slice(w.length); changed = true; }
    }
  }
  return name;
}

export function isGenericName(name: string, suffix: string): boolean {
  if (GENERIC_START.test(name)) return true;
  const core = name.slice(0, name.length - suffix.length).replace(/[()\d]/g, '');
  return core.replace(GENERIC_RE, '').length < 2;
}

export class EntityRecogniser {
  private readonly byFirst = new Map<string, { surface: string; entry: EntityEntry }[]>();
  private readonly districts: { surface: string; entry: EntityEntry }[];

  constructor(private readonly gaz: Gazetteer) {
    const cityName = `${gaz.city}市`;
    for (const s of gaz.scanNames) {
      if (s.entry.type === 'district' && s.entry.name === cityName) continue;
      const first = s.surface[0]!;
      let list = this.byFirst.get(first);
      if (!list) this.byFirst.set(first, (list = []));
      list.push(s);
    }
    this.districts = gaz.scanNames.filter((s) => s.entry.type === 'district' && s.entry.name !== cityName);
  }

  private mention(entry: EntityEntry, start: number, end: number, printed: string): EntityMention {
    const label = LABELS[entry.type as Exclude<EntityType, 'agency'>];
    const m: EntityMention = { id: entityNodeId(label, entry.name), label, name: entry.name, start, end, aliases: [entry.name, ...entry.aliases, printed] };
    if (entry.locatedIn) {
      const loc = this.gaz.byName.get(entry.locatedIn)!;
      const l = LABELS[loc.type as Exclude<EntityType, 'agency'>];
      m.locatedIn = { id: entityNodeId(l, loc.name), label: l, name: loc.name };
    }
    return m;
  }

  private locate(name: string): EntityMention['locatedIn'] {
    for (const d of this.districts) {
      if (name.includes(d.surface)) return { id: entityNodeId('District', d.entry.name), label: 'District', name: d.entry.name };
    }
    return undefined;
  }

  private generic(name: string, label: NodeLabel, start: number, end: number): EntityMention {
    const known = this.gaz.byKey.get(surfaceKey(name));
    if (known && known.type !== 'agency') return this.mention(known, start, end, name);
    return { id: entityNodeId(label, name), label, name, start, end, aliases: [name], locatedIn: this.locate(name) };
  }

  /** Finds entity mentions in text[from, to), skipping spans listed in `skip` (sorted, non-overlapping). */
  find(fullText: string, from: number, to: number, skip: { start: number; end: number }[]): EntityMention[] {
    // Work on the slice so that global regexes never scan past `to`; shift spans back at the end.
    const text = fullText.slice(from, to);
    const offset = from;
    to -= from;
    from = 0;
    skip = skip.filter((r) => r.end > offset && r.start < offset + to).map((r) => ({ start: r.start - offset, end: r.end - offset }));
    return this.findIn(text, from, to, skip).map((x) => ({ ...x, start: x.start + offset, end: x.end + offset }));
  }

  private findIn(text: string, from: number, to: number, skip: { start: number; end: number }[]): EntityMention[] {
    const skipped = (s: number, e: number): boolean => skip.some((r) => s < r.end && e > r.start);
    const known: EntityMention[] = [];
    for (let i = from; i < to; i++) {
      const cands = this.byFirst.get(text[i]!);
      if (!cands) continue;
      for (const c of cands) {
        if (i + c.surface.length <= to && text.startsWith(c.surface, i)) {
          if (!skipped(i, i + c.surface.length)) known.push(this.mention(c.entry, i, i + c.surface.length, c.surface));
          i += c.surface.length - 1;
          break;
        }
      }
    }
    const found: EntityMention[] = [];
    const inKnown = (s: number, e: number): boolean => known.some((k) => s >= k.start && e <= k.end);
    SUFFIX_RE.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = SUFFIX_RE.exec(text)) !== null && m.index < to) {
      const suffix = m[0];
      const end = m.index + suffix.length;
      let s = m.index;
      let depth = 0;
      while (s > from && m.index - s < 22) {
        const c = text[s - 1]!;
        if (c === ')') depth++;
        else if (c === '(') { if (depth === 0) break; depth--; }
        else if (BOUNDARY.has(c)) break;
        s--;
      }
      if (depth !== 0 || m.index - s >= 22) continue; // no boundary in reach: not a name we can delimit
      let start = s;
      INNER_VERBS.lastIndex = s;
      let v: RegExpExecArray | null;
      while ((v = INNER_VERBS.exec(text)) !== null && v.index < m.index) {
        const after = v.index + v[0].length;
        const rest = text.slice(after, end);
        if (rest.length > suffix.length + 1 && !isGenericName(rest, suffix)) start = after;
      }
      // 星海微电子研究院共建实验室: a name does not run over an entity followed by a verb (百度人工智能实验室
      // and 中国工业互联网研究院福建分院 do contain one).
      for (const list of [known, found]) {
        for (const k of list) {
          if (k.end <= start || k.end > m.index) continue;
          const rest = text.slice(k.end, end);
          if (stripLeading(rest) !== rest) start = k.end;
        }
      }
      let name = stripLeading(text.slice(start, end));
      start = end - name.length;
      if (name.length <= suffix.length + 1 || isGenericName(name, suffix)) continue;
      if (skipped(start, end) || inKnown(start, end) || known.some((k) => k.end === end && k.start > start)) continue;
      // 福州高新区国家地球空间信息福州产业化基地: a known park or district first says where the rest is.
      const host = known.find((k) => k.start === start && k.end < end && k.label === 'Park');
      let locatedIn: EntityMention['locatedIn'];
      if (host) {
        const rest = text.slice(host.end, end);
        if (rest.length > suffix.length + 1 && !isGenericName(rest, suffix)) {
          locatedIn = { id: host.id, label: host.label, name: host.name };
          start = host.end;
          name = rest;
        }
      }
      const mention = this.generic(name, LABELS[SUFFIX_TYPE.get(suffix)!], start, end);
      if (locatedIn && !mention.locatedIn) mention.locatedIn = locatedIn;
      found.push(mention);
    }
    for (const re of [PLATFORM_QUOTED, PLATFORM_NAMED]) {
      re.lastIndex = from;
      while ((m = re.exec(text)) !== null && m.index < to) {
        let name: string;
        let start: number;
        if (re === PLATFORM_QUOTED) {
          const inner = m[1]!;
          if (!m[2] && !PLATFORM_END.test(inner)) continue;
          if (!m[2] && isGenericName(inner, inner.slice(-2))) continue;
          name = inner;
          start = m.index + 1;
        } else {
          name = m[0];
          start = m.index;
        }
        const end = start + name.length;
        if (skipped(start, end) || inKnown(start, end)) continue;
        found.push(this.generic(name, 'Platform', start, end));
      }
    }
    const all = [...known, ...found];
    // A district named inside another entity (长乐 in 长乐海丝卫星产业发展基地) locates it; it is not a mention.
    return all.filter((x) => x.label !== 'District' || !all.some((y) => y !== x && y.label !== 'District' && x.start >= y.start && x.end <= y.end))
      .sort((a, b) => a.start - b.start || a.end - b.end);
  }
}
