/*
 * The units of a list: where a printed list splits into names, which tails are not names (等, 等有关部门),
 * which pieces belong together (市直各委、办、局; 各区、县(市)政府) and what a unit looks like — the
 * guard that keeps brackets of prose (explanations, examples, rules) from being read as lists.
 * Names may contain brackets (市工信局(大数据局), 各县(市、区)政府, 各縣〔市、區〕政府), so splitting counts bracket depth.
 */
import { isRuleClause } from './list-labels.ts';

export interface UnitMention { name: string; start: number; end: number }

const SEPARATORS = new Set(['、', ',', ';', '，', '；']);
// A name's own bracket may be round or 〔〕 (各縣〔市、區〕政府, as a list in round brackets prints its group).
const OPEN = new Set(['(', '（', '〔']);
const CLOSE = new Set([')', '）', '〕']);
const GENERIC_PIECE = /^(?:单位|部门|机构)$/;

function pushTrimmed(text: string, a: number, b: number, pieces: UnitMention[]): void {
  while (a < b && /[\s:]/.test(text[a]!)) a++;
  while (b > a && /[\s。.]/.test(text[b - 1]!)) b--;
  if (b > a && text[b - 1] === '等') b--;
  if (b > a) pieces.push({ name: text.slice(a, b), start: a, end: b });
}

/** The positions of [start, end) outside a name's own brackets (市工信局(大数据局)), the brackets left out. */
export function* topLevel(text: string, start: number, end: number): Generator<number> {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c) && depth > 0) depth--;
    else if (depth === 0) yield i;
  }
}

/** Splits [start, end) of text into names at depth-0 separators; one-character pieces re-attach (委、办、局). */
export function splitUnits(text: string, start: number, end: number): UnitMention[] {
  const pieces: UnitMention[] = [];
  let s = start;
  for (const i of topLevel(text, start, end)) {
    if (SEPARATORS.has(text[i]!)) { pushTrimmed(text, s, i, pieces); s = i + 1; }
  }
  pushTrimmed(text, s, end, pieces);
  // 市直各委、办、局(公司), 市直有关部门、单位: one-character and bare generic pieces belong to the name before them.
  const merged: UnitMention[] = [];
  for (const p of pieces) {
    const core = p.name.replace(/[(（][^)）]*[)）]/g, '');
    const prev = merged[merged.length - 1];
    if (prev && (core.length <= 1 || GENERIC_PIECE.test(core)) && text[p.start - 1] === '、') {
      prev.end = p.end;
      prev.name = text.slice(prev.start, prev.end);
    } else merged.push({ ...p });
  }
  return merged;
}

// The last word of a body: 局 委 办 厅 部 院 政府 中心 公司 单位 部门 组 会 室 署 行 所 队 馆 社 站 …
const BODY_END = /(?:[局委办厅部院府司团会组室署行所队馆社站处科校台联协关商]|中心|中央|单位|部门|机构|企业|大学|学校|党组|街道)$/;
// Phrases of what to do whose last character ends body names too (出台 台, 推行 行, 部署 署, 督办 办, 招商 商), and
// openings of such phrases (力争年内出台, 全面推行, 加大招商): no unit is named so, though a bracket at an item's end
// (`(统筹部署)`, `(省里统一部署实施)`) may read like a list.
const ACTION_END = /(?:出台|推行|运行|试行|先行|执行|施行|实行|招商|部署|督办|承办|举办|兴办|开办|攻关|互联|落实|实施|办理|督查|检查|审查|推广|推动|推进|完成|开展|建设|发展|管理|服务|保障)$/;
const ACTION_START = /^(?:力争|争取|确保|加大|加快|加强|逐步|持续|积极|切实|深入|大力|进一步|不断|主动|做好|抓好|跟踪|及时|定期|适时|按期|按时|分步|分批|年内|年底|当年|每年|每季度|每月)/;


// Words that end in a body's last character but name a place, a thing, an event, a trade, a direction or a way of
// serving, never a body: 政务大厅 (厅), 省级平台 (台), 政府网站 (站), 新格局 (局), 跨境电商 (商), 推介会 and 座谈会
// (会), 东部 (部), 暂行 (行), 一网通办 and 帮办代办 (办). A bare bracket closing an item holds a phrase of the item
// as often as its unit; with no label and no verb, only its last word tells them apart.
const THING_END = /(?:大厅|平台|网站|格局|布局|大局|开局|电商|客商|外商|暂行|[东西南北中全内外局]部|(?:座谈|推介|发布|听证|推进|现场|交流|洽谈|博览|展览|交易|运动|招聘|研讨|调度|例|年|晚|峰|茶话|见面|说明|培训|动员|办公|务虚|讲评|评审|论证|常务|全体)会|(?:[网省城全]|异地|跨[\u4e00-\u9fff]{0,2})通办|[就代即帮秒近次窗]办|[网掌]上办)$/;

/** Whether a piece of a bracket with no label and no verb names a body by its last word, not only its last character. */
export function looksLikeBareUnit(name: string): boolean {
  return looksLikeUnit(name) && !THING_END.test(name.replace(/\([^()]*\)$/, ''));
}

// A named area acting as a unit in lists: 高新区, 长乐区, 福清市, 各乡镇. 全市, 本区, 我县 are the document's
// own area as a scope of the work (…全覆盖。(全市)), not an area that does it.
const AREA = /^(?![全本我该此][区县市镇乡旗州]$)[\u4e00-\u9fff]{1,7}(?:区|县|市|镇|乡|旗|州)$/;
const GROUP = /^(?:[省市区县]直|市属|区属)?各|^(?:有关|相关)(?:部门|单位|方面)$/;
// Characters of clauses, not of names; and words that open an example or an explanation. 按职责 / 按照 open a
// clause: a reworded copy printed 各地级以上市人民政府按职责分工卖力, whose closing word is no verb of the genre,
// and since 各 opens groups the whole clause passed for one. 应 and 将 are a clause's but for 应急 (市应急管理局), 供应
// (供应链) and 将乐 (将乐县).
const PROSE = /[的把被须或已:“”"《》]|(?<!供)应(?!急)|将(?!乐)|(?<!自)由|自行(?!车)|按(?:职责|照|要求|规定)|^(?:如|例如|比如|包括|含|即|指|详见|参见|见|注)/;

/** Whether text ends in a body word (…办公室, …局): a bracket right after it names the same body. */
export function endsLikeUnit(text: string): boolean {
  return BODY_END.test(text);
}

// 有结对任务的单位, 承担试点任务的部门: a group named by the work its members have — its 的 is not prose.
const DESCRIBED_GROUP = /^(?:有|承担|涉及|负有)[\u4e00-\u9fff]{1,8}(?:任务|职责|工作|项目)的(?:单位|部门)$/;

/** Whether a piece reads as a unit: ends in a body word, is a group (各有关部门, 各地) or a named area. */
export function looksLikeUnit(name: string): boolean {
  if (DESCRIBED_GROUP.test(name)) return true;
  if (name.length < 2 || name.length > 30 || PROSE.test(name) || ACTION_END.test(name) || ACTION_START.test(name)) return false;
  if (COUNTED.test(name) || REFERENCE.test(name) || NAMED_ROLE.test(name) || CLAUSE.test(name) || INNER_ROLE.test(name) || name.endsWith('干部')) return false;
  const core = name.replace(/\([^()]*\)$/, '');
  return BODY_END.test(core) || (GROUP.test(name) && !PEOPLE_OR_WORK.test(core)) || AREA.test(core);
}

// Cells of a flattened task table that name no unit: 同上 (as in the row above), 待定, 无, 暂无, 略.
const PLACEHOLDER = /^(?:同上|同前|见上|待定|另定|无|暂无|略|\/|—+|-+)$/;
// A clause after a label or before a verb, not a name (各县区要高度重视, 各级各部门按照属地管理原则抓好落实,
// 各责任单位主要负责同志负总责): a modal 要, 按照, or the people who answer for a unit. (按职责 stays: a label's run
// may end in its verb 按职责分工负责.)
const CLAUSE = /要(?!素|情|件)[\u4e00-\u9fff]|按(?:照|要求|规定)|负总责|负责同志|主要领导/;

/**
 * Whether a piece printed under a label names no unit: a placeholder cell or a clause. A label vouches for
 * its run being units (全区经济运行各专班 ends in no body word), so only these are left out there.
 */
export function namesNoUnit(name: string): boolean {
  return PLACEHOLDER.test(name) || CLAUSE.test(name);
}

// (省人事厅配合省委有关部门落实): a body, a role verb, then another body — a sentence saying who helps whom, with its
// verb inside, not a unit before the closing verb (落实 after 部门 closes lists, so the whole sentence passed for one
// unit). Read as no list: the reading rules give pairs only for lists whose clauses end in their verb.
const INNER_ROLE = /(?:[局委厅办府部院署室组]|部门|单位|中心)(?:配合|协助|会同|协同|牵头)[\u4e00-\u9fff]/;
// (新增50家企业), (3家单位): a count of bodies is a figure of the task, not who does it.
const COUNTED = /(?:\d+|[一二三四五六七八九十百千两几]+)(?:家|个|所|项|批|名|户)/;
// (以上单位按职责分工负责): the units named before, not one more.
const REFERENCE = /^(?:以上|上述|前述|下列|以下)/;
// (市发改委为第一责任单位): a sentence that gives a unit its role, not a unit's name.
const NAMED_ROLE = /为[\u4e00-\u9fff]{0,4}(?:单位|部门)$/;
// (各分管领导), (各级领导干部), (各项任务): 各 opens groups of people and of work too, which do no task as bodies do
// (干部 ends in 部 as a body does, so it is refused above for any name).
const PEOPLE_OR_WORK = /(?:领导|干部|人员|同志|代表|群众|职工|党员|任务|事项|项目|工作|指标|措施|环节)$/;

// 等, 等有关部门, 等省直有关单位, 等部门: the named units stay, the tail goes.
const TAIL_WORDS = '等(?:\\d+|[一二三四五六七八九十]+)?个?(?:[省市区县](?:直|级)?)?(?:各)?(?:有关|相关)?';
// The tail's kind of body, maybe two kinds: 等部门(单位) glosses it in a bracket, 等有关部门和单位 joins them.
const TAIL_KIND = '(?:部门|单位|机构)(?:[(（](?:部门|单位|机构)[)）]|(?:和|及|与)(?:部门|单位|机构)(?![\\u4e00-\\u9fff(（]))?';
// 等数字经济工作领导小组成员单位: the members of a named group are a tail too.
const TAIL = new RegExp(`${TAIL_WORDS}(?:${TAIL_KIND})?$|等[\\u4e00-\\u9fff]{2,16}成员单位$`);
// 能源局等省有关部门和各地级以上市人民政府, 省市场监管局等部门(单位)和各市(州)人民政府: a tail, then 和/及 and one
// more unit — not the tail's second kind (等有关部门和单位).
const TAIL_AND = new RegExp(`${TAIL_WORDS}${TAIL_KIND}(?:以及|和|及|与)(?!(?:部门|单位|机构)$)`);
// 省文化厅(除标注为“牵头”单位外,列第一位的为牵头单位,下同): a rule glued to the last unit is not part of it.
const RULE_BRACKET = /\(([^()]*)\)$/;
// 各区、县(市)政府, 相关市、县政府: a group of areas printed in parts before its government.
const AREA_ONLY = /^(?:各有关|各相关|各|相关|有关)[省市州盟区县旗乡镇街道()、]+$/;
// 各县、区人民政府(管委会): the government may carry its other body in a bracket, as a unit's name may.
const AREA_GOVERNMENT = /^[省市州盟区县旗乡镇街道()、]+(?:人民政府|政府|管委会)(?:\([^()]*\))?$/;
// 各区、县级市 / 各有关区、县级市: the second part is a level of area with no name, so it names no body of its own.
const AREA_LEVEL = /^(?:县级市|县级区|自治[州县旗]|乡镇|街道)$/;
// 各省、自治区、直辖市人民政府: a group may name several kinds of area, each without a name, before their government.
const AREA_KIND = '(?:自治区|自治州|自治县|自治旗|直辖市|计划单列市|副省级市|县级市|地级市|设区市|[省市州盟区县旗乡镇]|街道)';
const AREA_KINDS = new RegExp(`^${AREA_KIND}+$`);
const AREA_KINDS_GOVERNMENT = new RegExp(`^${AREA_KIND}+(?:人民政府|政府)$`);
// 哈尔滨、黑河、绥芬河市政府: city names printed bare before the last one's 市政府, which they share.
const SHARED_GOVERNMENT = /^[\u4e00-\u9fff]{2,4}?([市县](?:人民)?政府)$/;
const BARE_NAME = /^[\u4e00-\u9fff]{2,4}$/;
const AREA_NAMED = /^[\u4e00-\u9fff]{2,6}[市县]$/;

/**
 * The units of a list run: splitUnits, then 及 / 以及 between two units splits, a tail is dropped, and
 * a group printed in parts (各区、县(市)政府, 各区、县级市) is joined again.
 */
export function splitListUnits(text: string, start: number, end: number): UnitMention[] {
  const pieces: UnitMention[] = [];
  // Most pieces hold no 等, 及 or bracket: the checks below run only where they can apply.
  for (const u of splitUnits(text, start, end)) {
    const bare = u.name.endsWith(')') ? withoutRule(text, u) : u;
    for (const p of bare.name.includes('等') ? splitAfterTail(text, bare) : [bare]) {
      for (const q of (p.name.includes('及') ? splitAtAnd(text, p) : [p]).flatMap((r) => (/\s/.test(r.name) ? splitAtSpace(text, r) : [r]))) {
        const tail = q.name.includes('等') ? TAIL.exec(q.name) : null;
        const cut = tail && tail.index > 0 ? q.start + tail.index : q.end;
        if (cut === q.end) pieces.push(q);
        else if (cut > q.start) pieces.push({ name: text.slice(q.start, cut), start: q.start, end: cut });
      }
    }
  }
  const joined: UnitMention[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const last = AREA_ONLY.test(p.name) ? areaGroupEnd(text, pieces, i) : i;
    joined.push(last === i ? p : { name: text.slice(p.start, pieces[last]!.end), start: p.start, end: pieces[last]!.end });
    i = last;
  }
  return withSharedGovernment(text, joined);
}

/**
 * The index of the last piece of an area group that starts at pieces[i] (各区、县(市)政府, 各区、县级市,
 * 各省、自治区、直辖市人民政府), or i when the pieces after it are not the group's parts. Pieces are joined
 * only across 、; the middle ones are kinds of area without a name (自治区), the last a government of
 * them or one more such kind.
 */
function areaGroupEnd(text: string, pieces: readonly UnitMention[], i: number): number {
  let end = i;
  for (let k = i + 1; pieces[k] && text[pieces[k - 1]!.end] === '、'; k++) {
    const q = pieces[k]!.name;
    // A government closes the group; only a group of three or more parts joins a kind's government:
    // 各区、县级市人民政府 stays two bodies (the districts, and the county-level cities' governments).
    if (AREA_GOVERNMENT.test(q) || (k > i + 1 && AREA_KINDS_GOVERNMENT.test(q))) return k;
    if (!AREA_LEVEL.test(q) && !AREA_KINDS.test(q)) break;
    end = k;
  }
  return end;
}

/**
 * 哈尔滨、黑河、绥芬河市政府 names three city governments: bare names (no body word, not an area of their
 * own shape) printed right before a `<name>市政府` / `<name>县政府` share its government. Each keeps its
 * printed span; its name is the government it stands for (哈尔滨市政府).
 */
function withSharedGovernment(text: string, units: UnitMention[]): UnitMention[] {
  for (let i = units.length - 1; i > 0; i--) {
    const gov = SHARED_GOVERNMENT.exec(units[i]!.name);
    if (!gov) continue;
    for (let k = i - 1; k >= 0; k--) {
      const u = units[k]!;
      if (text[u.end] !== '、') break;
      // 绥芬河市、抚远县人民政府: a named city or county before the government shares it too.
      if (AREA_NAMED.test(u.name)) units[k] = { ...u, name: u.name + gov[1]!.slice(1) };
      else if (BARE_NAME.test(u.name) && !looksLikeUnit(u.name)) units[k] = { ...u, name: u.name + gov[1]! };
      else break;
    }
  }
  return units;
}

// 区发改局(局长王俊), 市财政局(联系人:张三): the person who answers for a unit, printed after it, is not its name.
const PERSON = /^[\u4e00-\u9fff]{0,8}(?:局长|主任|书记|[省市区县]长|部长|处长|科长|所长|站长|厅长|主席|负责人|联系人|责任人)[::]?\s*[\u4e00-\u9fff·]{0,4}$/;

function withoutRule(text: string, u: UnitMention): UnitMention {
  const m = RULE_BRACKET.exec(u.name);
  if (!m || !(isRuleClause(m[1]!) || PERSON.test(m[1]!))) return u;
  const end = u.end - m[0].length;
  return { name: text.slice(u.start, end), start: u.start, end };
}

function splitAfterTail(text: string, u: UnitMention): UnitMention[] {
  const m = TAIL_AND.exec(u.name);
  if (!m || m.index === 0) return [u];
  const right = u.start + m.index + m[0].length;
  return [{ name: text.slice(u.start, u.start + m.index), start: u.start, end: u.start + m.index }, { name: text.slice(right, u.end), start: right, end: u.end }];
}

// A unit that opens with its level (市财政局, 区住建局, 各乡镇): where a layout parts names with spaces, what follows a
// body's name is the next unit only if it opens so; 国家税务总局 福州市税务局 is one body printed in two parts.
const LEVEL_START = /^(?:[省市区县州盟旗乡镇]|各)[\u4e00-\u9fff]/;

/**
 * 市发改委 市财政局 市商务局 → three units: a list printed with spaces between its names (flattened table cells, PDF
 * text) glued them into one unit ending in 局. A space splits only after a body's word and before a unit that
 * opens with its level.
 */
function splitAtSpace(text: string, p: UnitMention): UnitMention[] {
  for (const i of topLevel(text, p.start, p.end)) {
    // A run of spaces is one candidate, at its first space.
    if (!/\s/.test(text[i]!) || (i > p.start && /\s/.test(text[i - 1]!))) continue;
    let j = i;
    while (j < p.end && /\s/.test(text[j]!)) j++;
    const left = text.slice(p.start, i);
    const right = text.slice(j, p.end);
    if (BODY_END.test(left) && looksLikeUnit(left) && LEVEL_START.test(right) && looksLikeUnit(right.replace(/\s.*$/s, ''))) {
      return [{ name: left, start: p.start, end: i }, ...splitAtSpace(text, { name: right, start: j, end: p.end })];
    }
  }
  return [p];
}

/** 市级各有关部门及各县市区政府 → two units; 及 inside a name (or joining non-units) stays. */
function splitAtAnd(text: string, p: UnitMention): UnitMention[] {
  for (const i of topLevel(text, p.start, p.end)) {
    if (text[i] !== '及') continue;
    const leftEnd = text[i - 1] === '以' ? i - 1 : i;
    const left = text.slice(p.start, leftEnd);
    const right = text.slice(i + 1, p.end);
    // 各有关部门及单位: a bare kind after 及 names no body of its own.
    if (looksLikeUnit(left) && looksLikeUnit(right) && !GENERIC_PIECE.test(right)) {
      return [{ name: left, start: p.start, end: leftEnd }, ...splitAtAnd(text, { name: right, start: i + 1, end: p.end })];
    }
  }
  return [p];
}
