/*
 * Named entities in running text: Parks, Platforms, Companies, Institutions, Districts, Events.
 * Two sources: gazetteer names (exact, longest first) and suffix-based recognisers (…产业园,
 * …实验室, …公司) that walk left from the suffix to a boundary, drop leading verbs (积极推进…)
 * and reject generic phrases (省级重点数字经济园区, 工业园区) whose modifiers carry no name.
 */
import type { EntityEntry, EntityType, Gazetteer } from './gazetteer.ts';
import { surfaceKey } from './gazetteer.ts';
import type { NodeLabel } from './graph-facts.ts';
import { SortedSpans, type Span } from './spans.ts';

export interface EntityMention {
  id: string;
  label: NodeLabel;
  name: string;
  start: number;
  end: number;
  /**
   * canonical name of the district or park it lies in, if known. `fromGazetteer` when only the
   * gazetteer says so (the text names the park, not where it is): the fact then cites no sentence.
   */
  locatedIn?: { id: string; label: NodeLabel; name: string; fromGazetteer?: boolean };
  aliases: string[];
  /** named through a group (三大运营商 → 中国电信): the printed words are the group's, not an alias */
  viaGroup?: boolean;
}

const LABELS: Record<Exclude<EntityType, 'agency'>, NodeLabel> = {
  district: 'District', park: 'Park', platform: 'Platform', company: 'Company', institution: 'Institution', event: 'Event',
};

const SUFFIXES: [string, Exclude<EntityType, 'agency' | 'district'>][] = [
  ...['产业化基地', '产业基地', '发展基地', '生产基地', '制造基地', '产业园', '软件园', '科技园', '工业园', '创业园', '三创园', '小镇', '科学城', '大学城', '高新区', '开发区']
    .map((s): [string, 'park'] => [s, 'park']),
  // 基地 alone (国家人工智能人力资源应用(中试)基地, 滨海新城直播生态基地): generic ones (数据标注基地,
  // 实训基地, 数字服务出口基地) are rejected by the generic-word test like every other suffix.
  ...['基地'].map((s): [string, 'park'] => [s, 'park']),
  ...['研究院', '实验室', '研究中心', '研究所', '大学', '学院', '创新中心', '分院', '分中心', '设计中心', '计算中心', '保障中心',
    '应用中心', '协会', '交易所'].map((s): [string, 'institution'] => [s, 'institution']),
  // Platforms by suffix are kept only when their name says whose or which they are (see platformName).
  ...['平台', '系统'].map((s): [string, 'platform'] => [s, 'platform']),
  ...['公司', '集团', '银行'].map((s): [string, 'company'] => [s, 'company']),
  ...['峰会', '大赛', '博览会', '交易会', '旅游节', '文化节', '大会', '论坛'].map((s): [string, 'event'] => [s, 'event']),
];
const SUFFIX_TYPE = new Map(SUFFIXES);
const SUFFIX_RE = new RegExp(SUFFIXES.map(([s]) => s).sort((a, b) => b.length - a.length).join('|'), 'g');
// Single function characters end a name when walking left; 为 is not one of them (华为).
const BOUNDARY = new Set([...',、;:。!?“”"《》<>\n \t和及与的在等对把将从向于或并是了'].map((c) => c));
// Verbs that may sit inside the walked-left span: the name starts after the rightmost one.
const INNER_VERBS = /(?:建设|推进|打造|依托|发挥|推动|加快|着力|借助|围绕|支持|鼓励|参与|培育|引进|携手|办好|举办|落户|入驻|创建|筹建|构建|共建|升级|完善|拓展|建成)/g;
const LEADING_WORDS = [
  '进一步', '积极', '推进', '加快', '推动', '建设', '打造', '依托', '发展', '建成', '创建', '参与', '围绕', '支持', '鼓励',
  '提升', '完善', '培育', '引进', '加强', '深化', '实施', '开展', '全力', '大力', '着力', '持续', '全面', '争取', '力争', '筹建',
  '新建', '升级', '做强', '做大', '做优', '启动', '运营', '落地', '入驻', '落户', '聚焦', '携手', '成为', '申报', '形成', '构建',
  '布局', '谋划', '推广', '拓展', '优化', '整合', '加速', '继续', '提速', '用好', '办好', '举办', '成立', '设立', '获批', '建立',
  '健全', '重点', '通过', '了', '上线', '搭建', '开通', '落实', '贯彻', '大幅', '压减', '精简', '清理', '规范', '减少', '控制', '还有', '以及', '已有', '拥有', '具有', '充分', '发挥', '借助', '携手', '依靠', '利用', '深入', '做好', '办好', '以', '由', '让', '在', '到', '向', '如', '即', '共同', '发起', '共建', '组建', '配合', '推出', '服务', '联合', '协同', '对接', '引入', '招引',
];
const GENERIC_START = /^(?:首届|第.{1,3}届|前.{1,2}届|本届|历届|各届|[一二三四五六七八九十\d]+大|[一二两三四五六七八九十百\d]+(?:[—\-~至][一二两三四五六七八九十百\d]+)?(?:个|家|所|项|座|批|类)|上云|省级|市级|国家级|省市级|县级|区级|一批|一个|若干|各类|各|该|本|多个|首个|首家|全国|全省|全市|新型|上下游|龙头|重点|特色|相关|其他|有关|我市|本市)/;
const GENERIC_TOKENS = [
  '数字经济', '高新技术', '人工智能', '大数据', '物联网', '互联网', '电子商务', '跨境电商', '数字化', '国家级', '省级', '市级',
  '数字', '经济', '产业', '工业', '特色', '重点', '智慧', '现代', '农业', '示范', '创新', '服务', '应用', '技术', '科技', '信息',
  '数据', '软件', '国家', '发展', '综合', '新兴', '文化', '电商', '平台', '生态', '开放', '公共', '企业', '高端', '国际', '中国',
  '区域', '行业', '专业', '孵化', '众创', '双创', '研发', '智能', '网络', '融合', '基础', '实验', '研究', '高校', '联合', '试点',
  '新', '相关', '优秀', '领先', '级', '化', '型', '工程', '领域', '最高级别', '重大', '旅游',
  // 大院大所大实验室 (a slogan for research institutes in general); 峰会创新大赛 (the summit's contest,
  // named only by the kind of event it belongs to).
  '大院', '大所', '峰会', '大会', '论坛', '展会', '博览会', '配套', '专题', '平行', '主题', '分',
  // kinds of bases, centres and platforms, not names (数据标注基地, 实训基地, 企业服务平台, 两地政务服务平台)
  '标注', '实训', '出口', '政务', '便民', '管理', '创业', '小微', '运营', '一体化', '协同', '办公', '安全', '监测', '两地', '各类',
  '行业', '统一', '全市', '全省', '合作', '交流', '展示', '成果', '政策', '发布', '体系',
];
const GENERIC_RE = new RegExp(GENERIC_TOKENS.sort((a, b) => b.length - a.length).join('|'), 'g');
const PLATFORM_QUOTED = /“([^“”\n、+×]{1,14})”\s*(APP|app|App|小程序|平台)?/g;
const PLATFORM_NAMED = /福州市[\u4e00-\u9fa5A-Za-z0-9]{2,14}?(?:云平台|平台)/g;
const PLATFORM_END = /(平台|APP)$/;
// A platform named by suffix says whose it is (福州市…平台, 省公共数据资源登记平台) or which public
// service it runs (信用信息公共服务平台, 公共信息资源开放平台); other …平台/…系统 phrases describe a kind.
const PLATFORM_OWNER = /^(?:省|市|福建省?|[\u4e00-\u9fff]{2,3}(?<!城)市)(?!场|民|级|县|区|直|域)/;
const PLATFORM_SERVICE = /(?:公共服务|公共信息服务|开放|汇聚共享|共享交换)平台$|调度系统$/;
// 摩尔云、海创云等8个省级工业互联网示范平台 / “中东头条”“华人头条”等…平台: named instances listed
// before 等 and the kind they are. Only names that end like a platform (…云, …通, …APP) or are quoted.
// Found from each 等: a regex that tries every position for the items before it is too slow on archives.
const LISTED_KIND = /^[^,;。\n“”]{0,20}?(?:平台|APP|系统)/;
const LISTED_QUOTED = /(?:“[^“”\n]{2,10}”){1,6}$/;
const LISTED_PLAIN = /[\u4e00-\u9fffA-Za-z0-9、]{2,40}$/;
const LISTED_ITEM = /“([^“”\n]{2,10})”/g;
const PLATFORM_NAME_END = /(?:云|通|APP|app)$/;
// 晋安湖、旗山湖和东湖“三创园”: a quoted park or base name after a place, shared by a list of places.
const QUOTED_PARK = /“([^“”\n]{1,8})”/g;
// 园 of a park, not of a home, garden or school (数字“第一家园”, 公园, 校园).
const QUOTED_PARK_END = /(?:(?<![家花公校乐田菜果庄陵儿物])园|基地|小镇|谷)$/;
// “国家数字经济创新发展试验区(福建)建设”新闻发布会: a quoted name and the kind of event it is.
const QUOTED_EVENT = /“([^“”\n]{4,30})”((?:新闻)?发布会|推介会|座谈会|对接会|洽谈会|研讨会|博览会|交易会|论坛|峰会|大会|大赛)/g;
// A list of at least two short forms: 电信、移动、联通 / (苏宁、万象、宝龙).
const LIST_SEPARATOR = '、';

export function entityNodeId(label: NodeLabel, name: string): string {
  return `${label.toLowerCase()}:${name}`;
}

// An item marker glued to the name when items run on one line (3.进一步加强…产业园).
const ITEM_MARKER = /^\d{1,3}[.、．]/;
// Descriptions, not names: 东南沿海重要现代产业基地, 世界级先进制造业集群.
const DESCRIPTIVE = /重要|主要|一流|世界级|全球性|全国性|区域性|国际化|现代化/;

function stripLeading(name: string): string {
  name = name.replace(ITEM_MARKER, '');
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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A …平台/…系统 phrase is a platform's name when it says whose it is or which public service it runs. */
export function isPlatformName(name: string): boolean {
  return PLATFORM_OWNER.test(name) || PLATFORM_SERVICE.test(name);
}

export function isGenericName(name: string, suffix: string): boolean {
  if (GENERIC_START.test(name) || DESCRIPTIVE.test(name)) return true;
  if (name.endsWith('代表大会')) return true; // a congress is a body; its sessions are the events
  const core = name.slice(0, name.length - suffix.length).replace(/[()\d]/g, '');
  // A bare 基地 after one industry word is a kind (造船基地, 石化基地); a named one says more.
  return core.replace(GENERIC_RE, '').length < (suffix === '基地' ? 3 : 2);
}

export class EntityRecogniser {
  /** gazetteer names by their first code unit (a number: looking up text[i] made a string per character) */
  private readonly byFirst = new Map<number, { surface: string; entry: EntityEntry }[]>();
  /** 1 where some gazetteer name starts with that code unit: most characters start none, and skip the Map */
  private readonly firstCodes = new Uint8Array(0x10000);
  private readonly districts: { surface: string; entry: EntityEntry }[];
  private readonly shortForms = new Map<string, EntityEntry>();
  private readonly shortFormList: RegExp | undefined;

  constructor(private readonly gaz: Gazetteer) {
    for (const e of gaz.entities) {
      if (e.type === 'agency') continue;
      for (const f of e.shortForms ?? []) this.shortForms.set(surfaceKey(f), e);
    }
    const forms = [...this.shortForms.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRe);
    this.shortFormList = forms.length ? new RegExp(`(?:${forms.join('|')})(?:${LIST_SEPARATOR}(?:${forms.join('|')}))+`, 'g') : undefined;
    const cityName = `${gaz.city}市`;
    for (const s of gaz.scanNames) {
      if (s.entry.type === 'district' && s.entry.name === cityName) continue;
      const first = s.surface.charCodeAt(0);
      this.firstCodes[first] = 1;
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
      m.locatedIn = { id: entityNodeId(l, loc.name), label: l, name: loc.name, fromGazetteer: true };
    }
    return m;
  }

  /** A gazetteer hit; a group (三大运营商) stands for its members, each cited by the group's words. */
  private mentions(entry: EntityEntry, start: number, end: number, printed: string): EntityMention[] {
    if (!entry.group || entry.members.length === 0) return [this.mention(entry, start, end, printed)];
    return entry.members.map((name) => this.gaz.byName.get(name)).filter((m): m is EntityEntry => m !== undefined && m.type !== 'agency')
      .map((m) => ({ ...this.mention(m, start, end, m.name), viaGroup: true }));
  }

  private locate(name: string): EntityMention['locatedIn'] {
    for (const d of this.districts) {
      if (name.includes(d.surface)) return { id: entityNodeId('District', d.entry.name), label: 'District', name: d.entry.name };
    }
    return undefined;
  }

  private generic(name: string, label: NodeLabel, start: number, end: number): EntityMention {
    const known = this.gaz.byKey.get(surfaceKey(name));
    if (known && known.type !== 'agency' && !known.group) return this.mention(known, start, end, name);
    return { id: entityNodeId(label, name), label, name, start, end, aliases: [name], locatedIn: this.locate(name) };
  }

  /**
   * Names that no suffix walk can delimit: short forms listed together (电信、移动、联通), a known
   * company's cloud (华为软件开发云), platforms listed before 等 and their kind (摩尔云、海创云等…平台),
   * quoted park names shared by a list of places (晋安湖、旗山湖和东湖“三创园”) and quoted event names
   * (“…”新闻发布会).
   */
  private findListed(text: string, from: number, to: number, skipped: (s: number, e: number) => boolean,
    inKnown: (s: number, e: number) => boolean, known: EntityMention[], found: EntityMention[]): void {
    let m: RegExpExecArray | null;
    const slice = text.slice(from, to);
    const push = (x: EntityMention): void => { if (!skipped(x.start, x.end)) found.push(x); };
    if (this.shortFormList) {
      this.shortFormList.lastIndex = 0;
      while ((m = this.shortFormList.exec(slice)) !== null) {
        let pos = from + m.index;
        for (const part of m[0].split(LIST_SEPARATOR)) {
          const entry = this.shortForms.get(surfaceKey(part))!;
          push(this.mention(entry, pos, pos + part.length, part));
          pos += part.length + 1;
        }
      }
    }
    for (const k of known) {
      if (k.label !== 'Company') continue;
      const cloud = /^[\u4e00-\u9fffA-Za-z]{0,6}?云(?![(计服平])/.exec(text.slice(k.end, Math.min(to, k.end + 8)));
      if (cloud && cloud[0].length >= 3) push(this.generic(text.slice(k.start, k.end + cloud[0].length), 'Platform', k.start, k.end + cloud[0].length));
    }
    for (let etc = slice.indexOf('等'); etc >= 0; etc = slice.indexOf('等', etc + 1)) {
      if (!LISTED_KIND.test(slice.slice(etc + 1, etc + 28))) continue;
      const before = slice.slice(Math.max(0, etc - 80), etc);
      const listed = (LISTED_QUOTED.exec(before) ?? LISTED_PLAIN.exec(before))?.[0];
      if (!listed) continue;
      const base = from + etc - listed.length;
      const items: { text: string; index: number; quoted: boolean }[] = [];
      if (listed.startsWith('“')) {
        LISTED_ITEM.lastIndex = 0;
        let it: RegExpExecArray | null;
        while ((it = LISTED_ITEM.exec(listed)) !== null) if (it[1] !== undefined) items.push({ text: it[1], index: it.index + 1, quoted: true });
      } else {
        let index = 0;
        for (const part of listed.split('、')) { items.push({ text: part, index, quoted: false }); index += part.length + 1; }
      }
      for (const item of items) {
        const quoted = item.quoted;
        const name = quoted ? item.text : stripLeading(item.text);
        const start = base + item.index + (quoted ? 0 : item.text.length - name.length);
        if (!quoted && !PLATFORM_NAME_END.test(name)) continue;
        if (name.length < 2 || isGenericName(name, '') || inKnown(start, start + name.length)) continue;
        push(this.generic(name, 'Platform', start, start + name.length));
      }
    }
    QUOTED_PARK.lastIndex = 0;
    while ((m = QUOTED_PARK.exec(slice)) !== null) {
      const inner = m[1]!;
      if (!QUOTED_PARK_END.test(inner)) continue;
      // The places before it: 2-4 characters each, joined by 、/和/及, the first one after a verb.
      let pos = from + m.index;
      const places: { name: string; start: number }[] = [];
      for (;;) {
        let s = pos;
        while (s > from && /[\u4e00-\u9fff]/.test(text[s - 1]!) && !BOUNDARY.has(text[s - 1]!) && pos - s < 8) s--;
        const place = stripLeading(text.slice(s, pos));
        if (place.length < 2 || place.length > 4 || GENERIC_START.test(place)) break;
        places.push({ name: place, start: pos - place.length });
        const sep = text[s - 1];
        if (sep !== '、' && sep !== '和' && sep !== '及') break;
        pos = s - 1;
      }
      for (const p of places) {
        const name = `${p.name}${inner}`;
        push(this.generic(name, 'Park', p.start, from + m.index + m[0].length));
      }
    }
    QUOTED_EVENT.lastIndex = 0;
    while ((m = QUOTED_EVENT.exec(slice)) !== null) {
      const start = from + m.index;
      const name = `${m[1]!}${m[2]!}`;
      if (GENERIC_START.test(m[1]!)) continue;
      push(this.generic(name, 'Event', start, start + m[0].length));
    }
  }

  /**
   * Finds entity mentions in text[from, to), skipping the spans of `skip`. A document's tasks all share
   * one SortedSpans, so each call only looks at the spans around its own range.
   */
  find(fullText: string, from: number, to: number, skip: SortedSpans | readonly Span[]): EntityMention[] {
    // Work on the slice so that global regexes never scan past `to`; shift spans back at the end.
    const text = fullText.slice(from, to);
    const offset = from;
    to -= from;
    from = 0;
    const all = skip instanceof SortedSpans ? skip : new SortedSpans([...skip].sort((x, y) => x.start - y.start));
    const local = new SortedSpans(all.overlapping(offset, offset + to).map((r) => ({ start: r.start - offset, end: r.end - offset })));
    return this.findIn(text, from, to, local).map((x) => ({ ...x, start: x.start + offset, end: x.end + offset }));
  }

  private findIn(text: string, from: number, to: number, skip: SortedSpans): EntityMention[] {
    const skipped = (s: number, e: number): boolean => skip.overlaps(s, e);
    const known: EntityMention[] = [];
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (this.firstCodes[code] === 0) continue;
      const cands = this.byFirst.get(code);
      if (!cands) continue;
      for (const c of cands) {
        if (i + c.surface.length <= to && text.startsWith(c.surface, i)) {
          if (!skipped(i, i + c.surface.length)) known.push(...this.mentions(c.entry, i, i + c.surface.length, c.surface));
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
      let joined = false;
      while (s > from && m.index - s < 22) {
        const c = text[s - 1]!;
        if (c === ')') depth++;
        else if (c === '(') { if (depth === 0) break; depth--; }
        else if (BOUNDARY.has(c)) {
          // 国家网络安全人才与创新(福州)基地: a two-character noun joined by 与/和 right before a
          // bracketed qualifier belongs to the name (文化与科技融合示范基地 has no bracket: a kind).
          if (joined || (c !== '与' && c !== '和') || text[s + 2] !== '(' || !/^[\u4e00-\u9fff]{2}$/.test(text.slice(s, s + 2))) break;
          joined = true;
        }
        s--;
      }
      if (depth !== 0 || m.index - s >= 22) continue; // no boundary in reach: not a name we can delimit
      let start = s;
      INNER_VERBS.lastIndex = s;
      let v: RegExpExecArray | null;
      let kindAfterVerb = false;
      while ((v = INNER_VERBS.exec(text)) !== null && v.index < m.index) {
        const after = v.index + v[0].length;
        const rest = text.slice(after, end);
        kindAfterVerb = rest.length <= suffix.length + 1 || isGenericName(rest, suffix);
        if (!kindAfterVerb) start = after;
      }
      // 校企共建实训基地: what follows the last verb is a kind of thing, so the whole is a clause.
      if (kindAfterVerb) continue;
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
      const label = LABELS[SUFFIX_TYPE.get(suffix)!];
      if (label !== 'Platform' && this.gaz.byKey.get(surfaceKey(name))?.type === 'agency') continue; // 人民银行 is a national agency
      if (label === 'Platform' && !isPlatformName(name)) continue;
      const mention = this.generic(name, label, start, end);
      if (locatedIn && !mention.locatedIn) mention.locatedIn = locatedIn;
      found.push(mention);
    }
    this.findListed(text, from, to, skipped, inKnown, known, found);
    for (const re of [PLATFORM_QUOTED, PLATFORM_NAMED]) {
      re.lastIndex = from;
      while ((m = re.exec(text)) !== null && m.index < to) {
        let name: string;
        let start: number;
        if (re === PLATFORM_QUOTED) {
          const inner = m[1]!;
          if (!m[2] && !PLATFORM_END.test(inner)) continue;
          if ((!m[2] || m[2] === '平台') && isGenericName(inner, PLATFORM_END.test(inner) ? inner.slice(-2) : '')) continue;
          // 做好“党员e家”平台 names one; “国字号”平台云集 at the head of a clause describes many.
          if (m[2] === '平台' && !/[\u4e00-\u9fff]/.test(text[m.index - 1] ?? '')) continue;
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
    const seen = new Set<string>();
    const all = [...known, ...found].filter((x) => {
      const k = `${x.start}:${x.end}:${x.id}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    // A district named inside another entity (长乐 in 长乐海丝卫星产业发展基地) locates it; it is not a mention.
    return all.filter((x) => x.label !== 'District' || !all.some((y) => y !== x && y.label !== 'District' && x.start >= y.start && x.end <= y.end))
      .sort((a, b) => a.start - b.start || a.end - b.end);
  }
}
