/*
 * Synthetic plan documents for benchmarks and load tests. Pure and seeded: the same (seed, index)
 * always gives the same document, so a corpus can be regenerated instead of stored. Documents mix
 * every layout extraction must handle (numbering styles, list brackets and separators, 牵头/配合
 * roles, restarting numbering, targets with 万/亿) and record the responsibility pairs they print,
 * so tests can check extraction against them.
 */
import iconv from 'iconv-lite';

export interface GeneratedDocument {
  /** file name without folder, e.g. "gen-000042.txt" */
  name: string;
  text: string;
  encoding: 'utf-8' | 'gbk';
  /** (task path, unit as printed, role) for every printed responsibility */
  responsibilities: { task: string; unit: string; role: 'lead' | 'support' | 'responsible' }[];
}

export interface CorpusOptions { seed: number; docs?: number; minBytes?: number }

/** The file's bytes: a document marked GBK is written in GBK (as such archives are), every other in UTF-8. */
export function documentBytes(d: GeneratedDocument): Buffer {
  return d.encoding === 'gbk' ? iconv.encode(d.text, 'gbk') : Buffer.from(d.text, 'utf8');
}

/** mulberry32: a small seeded generator, so what is generated is the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITY_UNITS = ['市大数据委', '市工信局', '市科技局', '市发改委', '市商务局', '市财政局', '市公安局', '市交通局', '市卫健委',
  '市农业农村局', '市文旅局', '市人社局', '市民政局', '市自然资源与规划局', '市大数据服务中心', '市智慧福州管理服务中心',
  '市投促局', '市效能办', '市金融办', '市海渔局', '市行政(市民)服务中心管委会', '市城管委', '市教育局', '市生态环境局'];
const DISTRICT_GOVS = ['鼓楼区政府', '台江区政府', '仓山区政府', '晋安区政府', '马尾区政府', '长乐区政府', '福清市政府',
  '闽侯县政府', '连江县政府', '罗源县政府', '闽清县政府', '永泰县政府', '长乐区人民政府', '马尾区人民政府'];
const GROUPS = ['各县(市)区政府', '市直各有关单位', '各电信运营商', '高新区管委会'];
const PARKS = ['福州软件园', '东南大数据产业园', '数字福建(长乐)产业园', '马尾物联网产业基地', '永泰人工智能小镇', '仓山互联网小镇',
  '航天技术应用产业园', '海峡星云智能制造基地', '闽侯生物医药产业园', '连江海洋经济产业园'];
const VERBS = ['推进', '加快', '推动', '深化', '完善', '提升', '强化', '培育', '打造', '实施'];
const TOPICS = ['数字基础设施', '政务数据共享', '城市大脑', '工业互联网', '数字乡村', '智慧医疗', '数字教育', '区块链应用',
  '人工智能场景', '数据要素市场', '智慧交通', '5G网络', '信创产业', '数字文旅', '智慧海洋', '电子政务'];
const FILLER = ['统筹推进相关项目建设,形成上下联动、部门协同的工作格局。', '完善工作机制,强化资金保障,加强督促检查。',
  '鼓励企业参与应用场景建设,提升服务能力和治理水平。', '建立健全标准规范,推进数据共享和业务协同。',
  '加强宣传推广,营造良好发展氛围,提高群众获得感。'];
const INDICATORS: [string, string, (r: () => number) => string][] = [
  ['建成5G基站', '个', (r) => `${1 + Math.floor(r() * 9)}万`],
  ['数字经济增加值达', '亿元', (r) => String(3000 + Math.floor(r() * 5000))],
  ['数字经济增加值占GDP比重达', '%', (r) => String(40 + Math.floor(r() * 20))],
  ['软件信息服务业产值突破', '亿元', (r) => String(1000 + Math.floor(r() * 900))],
  ['培育省级工业互联网示范平台', '个', (r) => String(5 + Math.floor(r() * 20))],
  ['工业互联网标识注册量突破', '个', (r) => `${(1 + Math.floor(r() * 40) / 10).toFixed(1)}亿`],
];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function pickSome<T>(r: () => number, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!);
  return out;
}

/** One synthetic plan; roughly 20–80 KB of text. */
export function generateDocument(seed: number, index: number): GeneratedDocument {
  const r = mulberry32((seed * 1000003 + index * 7919) >>> 0);
  const year = 2018 + Math.floor(r() * 9);
  const itemStyle = pick(r, ['、', '.', '．'] as const);
  const restart = r() < 0.5;
  const useH2 = r() < 0.5;
  const listStyle = Math.floor(r() * 5);
  const sep = pick(r, ['、', ',', ',', ';', '、'] as const);
  const title = `${year}年${pick(r, ['数字福州', '智慧城市', '数字经济', '数字政府'])}${pick(r, ['工作要点', '实施方案', '行动计划'])}`;
  const lines: string[] = [];
  const responsibilities: GeneratedDocument['responsibilities'] = [];
  lines.push(title, '', `为深入贯彻落实《数字福州建设三年行动计划(2018-2020年)》,结合我市实际,制定本方案。`, '');
  const sections = 3 + Math.floor(r() * 4);
  let running = 0;
  for (let s = 0; s < sections; s++) {
    lines.push(`${CN[s]}、${pick(r, VERBS)}${pick(r, TOPICS)}`);
    const subs = useH2 ? 1 + Math.floor(r() * 3) : 1;
    for (let h = 0; h < subs; h++) {
      if (useH2) lines.push(`(${CN[h]})${pick(r, VERBS)}${pick(r, TOPICS)}建设`);
      const items = 3 + Math.floor(r() * 6);
      for (let i = 0; i < items; i++) {
        running++;
        const num = restart ? i + 1 : running;
        const path = restart ? [s + 1, ...(useH2 ? [h + 1] : []), num].join('.') : String(num);
        const [ind, unit, val] = pick(r, INDICATORS);
        let body = `${num}${itemStyle}${pick(r, VERBS)}${pick(r, TOPICS)}。`;
        for (let k = 0; k < 2 + Math.floor(r() * 4); k++) body += pick(r, FILLER);
        body += `重点${pick(r, ['推进', '支持', '积极推进'])}${pick(r, PARKS)}建设,到${year + 2}年,全市${ind}${val(r)}${unit}${pick(r, ['以上', '左右', ''])}。`;
        const units = pickSome(r, [...CITY_UNITS, ...DISTRICT_GOVS, ...GROUPS], 1 + Math.floor(r() * 5));
        if (listStyle <= 2) {
          const [open, close] = listStyle === 0 ? ['(', ')'] : listStyle === 1 ? ['（', '）'] : ['〔', '〕'];
          body += `${open}责任单位:${units.join(sep)}${close}`;
          for (const u of units) responsibilities.push({ task: path, unit: u, role: 'responsible' });
        } else {
          const lead = units.slice(0, 1);
          const support = units.slice(1);
          const joiner = listStyle === 3 ? ';' : ',';
          const label = listStyle === 3 ? '配合单位' : '参与单位';
          body += `(牵头单位:${lead.join('、')}${support.length ? `${joiner}${label}:${support.join('、')}` : ''})`;
          for (const u of lead) responsibilities.push({ task: path, unit: u, role: 'lead' });
          for (const u of support) responsibilities.push({ task: path, unit: u, role: 'support' });
        }
        lines.push(body);
      }
    }
  }
  const encoding = r() < 0.3 ? 'gbk' : 'utf-8';
  return { name: `gen-${String(index).padStart(6, '0')}.txt`, text: lines.join('\n'), encoding, responsibilities };
}

/** Generates documents until `docs` are made or `minBytes` of UTF-8 text is reached. */
export function* generateCorpus(opts: CorpusOptions): Generator<GeneratedDocument> {
  let bytes = 0;
  for (let i = 0; ; i++) {
    if (opts.docs !== undefined && i >= opts.docs) return;
    if (opts.docs === undefined && bytes >= (opts.minBytes ?? 0)) return;
    const d = generateDocument(opts.seed, i);
    bytes += Buffer.byteLength(d.text, 'utf8');
    yield d;
  }
}
