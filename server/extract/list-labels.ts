/*
 * The words of responsibility lists: the label family (责任单位, 牵头部门, 相关责任单位, 责任主体 …), the
 * verbs that close an unlabelled list (负责, 牵头, 按职责分工负责, 配合 …), the first-position convention
 * (列第一位者为牵头单位, 下同) and the clauses that only state a rule about lists. Labels are recognised
 * by their structure — role words + a body word + ':' — so labels nobody listed still read.
 * All patterns run on the normalised text (half-width ':' ',' ';' '(' ')').
 */
import type { Role } from './responsibility.ts';

const ROLE_WORDS = '(?:牵头|主责|主办|主要|配合|协办|协助|协同|参与|参加|相关|责任|负责|承办|实施|其他|其它)';
const BODY_WORDS = '(?:单位|部门|主体|处室|科室|机构|领导)';
// 部门分工: X牵头,Y配合 — a division-of-work field whose value is a list with its own verbs.
const DIVISION = '(?:部门|单位|责任|任务|职责)分工';
/** A label and its colon: 牵头单位: / 相关责任单位: / 责任主体: — one or more role words, then a body word. */
export const LABEL = new RegExp(`(?:${ROLE_WORDS}{1,3}${BODY_WORDS}|${DIVISION})\\s*:`, 'g');
/** A line that starts with a label: a flattened task-breakdown table row (牵头单位:X). */
export const LINE_LABEL = new RegExp(`^(?:${ROLE_WORDS}{1,3}${BODY_WORDS}|${DIVISION})\\s*:`);
/** A label in brackets of its own, without a colon, before its units: 【牵头单位】X、Y. */
export const BRACKETED_LABEL = new RegExp(`^(?:${ROLE_WORDS}{1,3}${BODY_WORDS}|${DIVISION})$`);

/** Role of a label. 领导 labels name people, not units: `null` (the field is read past, not as units). */
export function roleOfLabel(label: string): Role | null {
  if (/领导\s*:?$/.test(label)) return null; // also a table's 责任领导 column, printed without a colon
  if (/^(?:牵头|主办|主责|主要)/.test(label)) return 'lead';
  if (/^(?:配合|参与|协办|协助|协同|参加|相关|其他|其它)/.test(label)) return 'support';
  return 'responsible';
}

export type VerbRole = 'lead' | 'support' | 'duty';

/**
 * The verb that closes a clause of an unlabelled list, at the clause's end. `duty` (负责, 按职责分工负责)
 * is responsible on its own, support beside a 牵头 clause and lead beside a 配合 clause. 落实 on its own
 * is a duty too: a division plan hands the ministries' work to the provinces to carry out
 * (商务部、国家发展改革委按职责分工负责,各省级人民政府落实; 各地区抓好落实), and so is 实施 (各县(市、区)政府
 * 具体实施) — but only right after a body's name: an adverb or a modal before it (各部门要切实落实,
 * 各县区认真落实, 分步实施) is a sentence, not a list.
 */
const CLOSING_VERB = /(?:分别|共同|各自|具体)?(?:(?:按照?|根据|依据)?(?:各自)?职责(?:分工)?(?:抓好|组织|切实)?(?:负责|落实|牵头)|(?:按照?)?分工(?:负责|落实)|分别负责|共同负责|具体负责|负责落实|牵头(?:负责|落实)?|负责|主办|配合(?:落实)?|参与|协助|协同|协办|(?<=[府局委办厅部署院区县市镇乡会组室心处站所队)]|单位|部门|街道|机构)(?:抓好|组织|切实|具体|负责)?(?:落实|实施))$/;

export function closingVerb(clause: string): { verb: string; role: VerbRole } | null {
  const m = CLOSING_VERB.exec(clause);
  if (!m) return null;
  const verb = m[0];
  // 分别牵头 leads like 牵头: the adverb before the verb does not change its role. 主办 / 协办 (X主办,Y协办)
  // read as the label words 主办单位 / 协办单位 do.
  const bare = verb.replace(/^(?:分别|共同|各自|具体)/, '');
  // 按职责牵头 (X、Y、Z按职责牵头,…按职责分工负责) leads: each leads the part of the work its duties cover.
  const role: VerbRole = bare.includes('牵头') || bare === '主办' ? 'lead' : /^(?:配合|参与|协助|协同|协办)/.test(bare) ? 'support' : 'duty';
  return { verb, role };
}

/**
 * 列第一位者为牵头单位 / 排在第一位的为牵头部门 / 排在首位的为牵头单位 / 第一个为牵头单位 / 牵头单位列第一位 /
 * 第一责任单位为牵头单位 (the list's label word may stand between: the first of the 责任单位 leads).
 */
export const CONVENTION = /(?:列|排|排名|位列|列在|排在|名列)?(?:第一位|首位|第一个|首个|第一)(?:的|者)?(?:责任|主要)?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:或[\u4e00-\u9fff]{1,4})?(?:单位|部门)|(?:牵头|主办|主责)(?:单位|部门)(?:均)?(?:列|排)(?:在)?(?:第一位|首位)/;

/**
 * The comma convention (逗号前为牵头单位, 多个牵头单位的按职责分别牵头, 下同): in each later list without
 * printed roles, the units before the first comma lead and those after it support.
 */
export const COMMA_CONVENTION = /(?:逗号|,)(?:之)?前(?:的)?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)/;

/**
 * A clause after a list that remarks on it rather than naming a unit: (责任单位:市直各部门,各县市区,
 * 以下均需各县市区落实,不再逐一列出) — it refers to other items or states a requirement; the list ends there.
 */
export const REMARK = /^(?:此项|以下|以上|上述|其中|另外|均需|均应|均由|不再|需|须|请)/;

/**
 * A remark that the later items' lists leave a body out (此项及以下任务均需各县(市、区)落实,不再列出;
 * 以下均需各区市政府落实,不再一一列出): it says that from here every item carries its list, so a bare
 * bracket at an item's end (市人社局) is that item's list, as it is after the first-position convention.
 */
export const NOT_LISTED_AGAIN = /不再(?:一一|逐一|逐项|单独|重复|另行)?(?:列出|列明|列举)/;

/**
 * A clause that states a rule about lists rather than naming units: the convention itself, 下同,
 * 排名不分先后, 未注明牵头单位的…, 其他为配合单位, 其余单位按职责分工负责.
 */
const RULE_CLAUSE = /下同|(?:牵头|主办)(?:单位|部门)(?:均)?(?:列|排)|不分先后|未(?:注明|标明|明确|列明)|(?:为|是)[“"]?(?:牵头|配合|责任|参与|协办)[”"]?(?:或[\u4e00-\u9fff]{1,4})?(?:单位|部门)|^其[他它余]|^除/;

/** Whether a clause states a rule; a bracket inside it (a unit's own bracket, or a glued rule) does not count. */
export function isRuleClause(clause: string): boolean {
  const flat = clause.includes('(') ? clause.replace(/\([^()]*\)/g, '') : clause;
  return RULE_CLAUSE.test(flat) || CONVENTION.test(flat);
}

/** A time field where a unit was expected: (责任单位:X;2023年底前完成) ends before the date. */
export const TIME_FIELD = /\d{4}\s*年|\d{1,2}\s*月|年底|年前|月底|长期|持续|前完成|季度|时限|时间/;
