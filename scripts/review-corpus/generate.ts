// Generates the labelled review corpus (issue 13) from templates.ts plus handwritten.ts:
// deterministic (seeded), so training is the same run to run.
//   npx tsx scripts/review-corpus/generate.ts [--out FILE] [--n 24000]
import { writeFileSync } from 'node:fs';
import { prng } from '../../src/core/prng.js';
import { HANDWRITTEN } from './handwritten.js';
import { HANDWRITTEN_R4 } from './handwritten-r4.js';
import { HANDWRITTEN_R5 } from './handwritten-r5.js';
import { HANDWRITTEN_R6 } from './handwritten-r6.js';
import { HANDWRITTEN_R7 } from './handwritten-r7.js';
import { HANDWRITTEN_R8 } from './handwritten-r8.js';
import type { CauseId, FlagId } from '../../src/core/reviews/analysis-lexicon.js';
import type { Sample } from './sample.js';
import * as T from './templates.js';

export type { Sample };

type Rand = () => number;

const pick = <X>(r: Rand, xs: readonly X[]): X => {
  const x = xs[Math.floor(r() * xs.length)];
  if (x === undefined) throw new Error('empty list');
  return x;
};
const chance = (r: Rand, p: number): boolean => r() < p;
const causesOf = (d: T.Domain): T.Domain['complaints'] => d.complaints;

const ZH_SEP = ['，', '，', '，', ',', ' ', '。', '！', '~'];
const END = ['', '', '。', '！', '!!', '~', '。。。'];

function join(r: Rand, parts: string[]): string {
  let out = '';
  parts.forEach((p, i) => {
    out += p;
    if (i < parts.length - 1) out += pick(r, ZH_SEP);
  });
  return out + pick(r, END);
}

function ratingFor(r: Rand, sentiment: 'positive' | 'negative'): number | undefined {
  if (chance(r, 0.5)) return undefined;
  const x = r();
  if (sentiment === 'positive') return x < 0.7 ? 5 : x < 0.93 ? 4 : 3;
  return x < 0.6 ? 1 : x < 0.88 ? 2 : 3;
}

function withName(r: Rand, d: T.Domain, s: string): string {
  return chance(r, 0.3) ? `${pick(r, d.names).trim()}${s}` : s;
}

function domainComplaint(r: Rand, d: T.Domain): { text: string; cause: CauseId } {
  const entries = Object.entries(causesOf(d)) as Array<[CauseId, string[]]>;
  if (chance(r, 0.3)) {
    const cause = pick(r, T.CAUSE_IDS);
    return { text: pick(r, T.GENERIC_CAUSE_COMPLAINT[cause]), cause };
  }
  const [cause, list] = pick(r, entries);
  return { text: pick(r, list), cause };
}

function praise(r: Rand, d: T.Domain): string {
  const x = r();
  if (x < 0.45) return pick(r, d.praise);
  if (x < 0.85) return pick(r, T.GENERIC_PRAISE);
  return pick(r, T.NEGATION_PRAISE);
}

const uniq = <X>(xs: X[]): X[] => [...new Set(xs)];

function zhSample(r: Rand): Sample {
  const d = pick(r, T.DOMAINS);
  const x = r();
  // Pure praise.
  if (x < 0.24) {
    const parts: string[] = [];
    if (chance(r, 0.25)) parts.push(pick(r, chance(r, 0.5) ? T.POS_OPENERS : d.narration));
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) parts.push(i === 0 ? withName(r, d, praise(r, d)) : praise(r, d));
    if (chance(r, 0.15)) parts.push(pick(r, T.MILD_PRAISE));
    if (chance(r, 0.4)) parts.push(pick(r, T.POS_CLOSINGS));
    return { text: join(r, uniq(parts)), sentiment: 'positive', causes: [], flags: [], kind: 'pos' };
  }
  // Mild praise alone.
  if (x < 0.28) {
    const parts = [pick(r, T.MILD_PRAISE)];
    if (chance(r, 0.5)) parts.push(pick(r, [...T.NEGATION_PRAISE, ...d.praise]));
    return { text: join(r, parts), sentiment: 'positive', causes: [], flags: [], kind: 'mild' };
  }
  // Complaint with causes.
  if (x < 0.52) {
    const parts: string[] = [];
    if (chance(r, 0.2)) parts.push(pick(r, d.narration));
    const a = domainComplaint(r, d);
    parts.push(withName(r, d, a.text));
    const causes = [a.cause];
    if (chance(r, 0.35)) {
      const b = domainComplaint(r, d);
      parts.push(b.text);
      causes.push(b.cause);
    }
    if (chance(r, 0.3)) parts.push(pick(r, [...T.GENERIC_COMPLAINT, ...T.NEGATION_COMPLAINT]));
    if (chance(r, 0.4)) parts.push(pick(r, T.NEG_CLOSINGS));
    return { text: join(r, uniq(parts)), sentiment: 'negative', causes: uniq(causes), flags: [], kind: 'neg' };
  }
  // Complaint with no one cause.
  if (x < 0.58) {
    const parts = [pick(r, [...T.GENERIC_COMPLAINT, ...T.NEGATION_COMPLAINT])];
    if (chance(r, 0.5)) parts.push(pick(r, [...T.NEG_CLOSINGS, ...T.NEGATION_COMPLAINT]));
    return { text: join(r, uniq(parts)), sentiment: 'negative', causes: [], flags: [], kind: 'neg-generic' };
  }
  // Happy, with a small complaint.
  if (x < 0.68) {
    const cause = pick(r, T.CAUSE_IDS);
    const minor = pick(r, T.MINOR[cause]);
    const p1 = withName(r, d, praise(r, d));
    const y = r();
    let text: string;
    if (y < 0.5) {
      const tail = chance(r, 0.6) ? pick(r, ['总体很满意', '其他都很好', '瑕不掩瑜', '整体还是不错的', '还是推荐', '好评', '总的来说值得购买']) : '';
      text = join(r, [p1, ...(chance(r, 0.5) ? [praise(r, d)] : []), `${pick(r, ['就是', '只是', '唯一不足是', '美中不足的是', '不过', '但是'])}${minor}`, ...(tail ? [tail] : [])]);
    } else if (y < 0.62) {
      // One praise, then 就是 and a complaint told at length: still a happy buyer.
      const full = pick(r, T.GENERIC_CAUSE_COMPLAINT[cause]);
      const detail = pick(r, ['等了一个星期', '等了好几天', '不过能接受', '可以理解', '下次注意就好', '希望改进', '问题不大']);
      text = join(r, [p1, `${pick(r, ['就是', '只是', '就是有点'])}${full}`, ...(chance(r, 0.6) ? [detail] : [])]);
    } else if (y < 0.75) {
      text = join(r, [`${pick(r, ['虽然', '虽说', '尽管'])}${minor}`, `${pick(r, ['但是', '但', '不过'])}${praise(r, d)}`, ...(chance(r, 0.5) ? [pick(r, T.POS_CLOSINGS)] : [])]);
    } else {
      text = join(r, [minor, `${pick(r, ['其他都挺好', '别的没毛病', '总体满意', '东西还是很好的'])}`, ...(chance(r, 0.5) ? [praise(r, d)] : [])]);
    }
    return { text, sentiment: 'positive', causes: [cause], flags: [], kind: 'mixed-pos' };
  }
  // Unhappy, with a little praise.
  if (x < 0.78) {
    const a = domainComplaint(r, d);
    const y = r();
    let text: string;
    if (y < 0.4) {
      text = join(r, [pick(r, [...T.MILD_PRAISE, ...d.praise.slice(0, 4)]), `${pick(r, ['但是', '可是', '但', '结果', '没想到'])}${a.text}`, ...(chance(r, 0.6) ? [pick(r, [...T.NEG_CLOSINGS, ...T.GENERIC_COMPLAINT])] : [])]);
    } else if (y < 0.7) {
      text = join(r, [`${pick(r, ['虽然', '虽说', '本来'])}${praise(r, d)}`, `${pick(r, ['但是', '可是', '但'])}${a.text}`, pick(r, T.NEG_CLOSINGS)]);
    } else {
      text = join(r, [a.text, pick(r, [...T.GENERIC_COMPLAINT, ...T.NEGATION_COMPLAINT]), `${pick(r, ['唯一的优点是', '也就', '只有'])}${pick(r, ['物流快', '包装还行', '价格便宜', '客服态度还可以'])}`]);
    }
    return { text, sentiment: 'negative', causes: [a.cause], flags: [], kind: 'mixed-neg' };
  }
  // Sarcasm.
  if (x < 0.85) {
    if (chance(r, 0.15)) return { text: pick(r, T.SARCASM_ALONE), sentiment: 'negative', causes: [], flags: [], kind: 'sarcasm-alone' };
    const a = domainComplaint(r, d);
    const text = pick(r, T.SARCASM_FRAMES).replace('{x}', a.text);
    return { text, sentiment: 'negative', causes: [a.cause], flags: [], kind: 'sarcasm' };
  }
  // The rating says the opposite of the text: the text decides.
  if (x < 0.9) {
    if (chance(r, 0.5)) {
      const text = join(r, [praise(r, d), pick(r, ['不小心点了差评', '点错了给了一星', '手滑给了差评不好意思', '评错了其实很好', '差评是误操作'])]);
      return { text, rating: pick(r, [1, 2]), sentiment: 'positive', causes: [], flags: [], kind: 'rating-pos' };
    }
    const a = domainComplaint(r, d);
    const text = join(r, [pick(r, ['为了返现才给的好评', '好评是为了返现', '看在客服求我的份上给五星', '五星是点错了', '默认好评']), a.text, pick(r, T.NEG_CLOSINGS)]);
    return { text, rating: pick(r, [4, 5]), sentiment: 'negative', causes: [a.cause], flags: [], kind: 'rating-neg' };
  }
  // Short.
  if (chance(r, 0.5)) {
    const text = pick(r, ['好', '很好', '不错', '满意', '好评', '喜欢', '赞', '很棒', '好用', '可以', '挺好', '超值', '很好很好', '非常好', '推荐', '还行', '完美', '五星']) + pick(r, END);
    return { text, sentiment: 'positive', causes: [], flags: [], kind: 'short-pos' };
  }
  const text = pick(r, ['差', '很差', '垃圾', '失望', '差评', '一般', '不好', '难用', '后悔', '坑', '太差了', '不推荐', '别买', '无语', '上当了', '假货']) + pick(r, END);
  return { text, sentiment: 'negative', causes: text.startsWith('假货') ? ['description'] : [], flags: [], kind: 'short-neg' };
}

function enSample(r: Rand): Sample {
  const x = r();
  const sep = (): string => pick(r, ['. ', '. ', ', ', '! ']);
  const end = (): string => pick(r, ['', '.', '!']);
  if (x < 0.3) {
    const n = 1 + Math.floor(r() * 3);
    const parts = uniq(Array.from({ length: n }, () => pick(r, [...T.EN.praise, ...T.EN.negationPraise])));
    if (chance(r, 0.4)) parts.push(pick(r, T.EN.closingsPos));
    return { text: parts.join(sep()) + end(), sentiment: 'positive', causes: [], flags: [], kind: 'en-pos' };
  }
  if (x < 0.6) {
    const cause = pick(r, T.CAUSE_IDS);
    const parts = [pick(r, T.EN.complaints[cause])];
    const causes = [cause];
    if (chance(r, 0.3)) {
      const c2 = pick(r, T.CAUSE_IDS);
      parts.push(pick(r, T.EN.complaints[c2]));
      causes.push(c2);
    }
    if (chance(r, 0.5)) parts.push(pick(r, [...T.EN.generic, ...T.EN.closingsNeg]));
    return { text: parts.join(sep()) + end(), sentiment: 'negative', causes: uniq(causes), flags: [], kind: 'en-neg' };
  }
  if (x < 0.67) {
    return { text: pick(r, T.EN.generic) + sep() + pick(r, T.EN.closingsNeg), sentiment: 'negative', causes: [], flags: [], kind: 'en-neg-generic' };
  }
  if (x < 0.8) {
    const cause = pick(r, T.CAUSE_IDS);
    const text = `${pick(r, T.EN.praise)}, ${pick(r, ['but', 'only', 'though'])} ${pick(r, T.EN.minor[cause])}${pick(r, ['. Overall happy.', '. Still recommend.', '.', ''])}`;
    return { text, sentiment: 'positive', causes: [cause], flags: [], kind: 'en-mixed-pos' };
  }
  if (x < 0.88) {
    const cause = pick(r, T.CAUSE_IDS);
    const text = `${pick(r, ['Looks nice', 'Good price', 'Fast shipping', 'Nice design'])} but ${pick(r, T.EN.complaints[cause]).toLowerCase()}. ${pick(r, T.EN.closingsNeg)}`;
    return { text, sentiment: 'negative', causes: [cause], flags: [], kind: 'en-mixed-neg' };
  }
  if (x < 0.94) {
    const cause = pick(r, T.CAUSE_IDS);
    const text = pick(r, T.EN_SARCASM_FRAMES).replace('{x}', pick(r, T.EN.complaints[cause]).toLowerCase());
    return { text, sentiment: 'negative', causes: [cause], flags: [], kind: 'en-sarcasm' };
  }
  if (chance(r, 0.5)) {
    return { text: `${pick(r, ['Sorry, clicked 1 star by mistake', 'Wrong rating, sorry', 'Meant to give 5 stars'])}. ${pick(r, T.EN.praise)}.`, rating: 1, sentiment: 'positive', causes: [], flags: [], kind: 'en-rating-pos' };
  }
  const cause = pick(r, T.CAUSE_IDS);
  return { text: `${pick(r, ['5 stars only because the seller asked', 'Gave 5 stars for the coupon', 'Five stars by mistake'])}, ${pick(r, T.EN.complaints[cause]).toLowerCase()}.`, rating: 5, sentiment: 'negative', causes: [cause], flags: [], kind: 'en-rating-neg' };
}

function fill(r: Rand, s: string): string {
  const id = () => pick(r, ['abc', 'shop', 'vip', 'hao', 'tb', 'mm', 'xiao', 'deal']) + String(1000 + Math.floor(r() * 899000));
  const qq = () => String(10000000 + Math.floor(r() * 89999999));
  const phone = () => `1${pick(r, ['3', '5', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
  const enPhone = () => pick(r, ['+1 555 123 4567', '0412 345 678', '+44 7700 900123', '+34 612 345 678']);
  return s
    .replaceAll('{id}', id())
    .replaceAll('{qq}', qq())
    .replaceAll('{url}', pick(r, ['www.buy-cheap.cn', 'http://t.cn/abc123', 'haohuo.shop', 'www.deals88.com', 'dwz.cn/x9k2']))
    .replaceAll('{email}', pick(r, ['deals4you@gmail.com', 'shop888@qq.com', 'cheap.store@outlook.com']))
    .replaceAll('{phone}', r() < 0.5 && !s.match(/[a-z]/i) ? phone() : s.match(/[\u4e00-\u9fff]/) ? phone() : enPhone())
    .replaceAll('{name}', pick(r, T.NAMES))
    .replaceAll('{enName}', pick(r, T.EN_NAMES))
    .replaceAll('{address}', pick(r, T.CITIES))
    .replaceAll('{enAddress}', pick(r, T.EN_ADDRESSES))
    .replaceAll('{idcard}', `${pick(r, ['110105', '310104', '440305', '330106'])}19${String(60 + Math.floor(r() * 40))}0${1 + Math.floor(r() * 9)}1${Math.floor(r() * 10)}${String(Math.floor(r() * 1000)).padStart(3, '0')}${pick(r, ['1', '5', 'X', '7'])}`)
    .replaceAll('{n}', String(pick(r, [5, 10, 20, 30, 50, 100, 200, 500])));
}

function flagged(r: Rand): Sample {
  const en = chance(r, 0.25);
  const flag = pick(r, ['abuse', 'ad', 'private_data', 'extortion'] as const);
  const base = en ? enSample(r) : zhSample(r);
  const lines = {
    abuse: en ? T.EN_ABUSE_LINES : T.ABUSE_LINES,
    ad: en ? T.EN_AD_LINES : T.AD_LINES,
    private_data: en ? T.EN_PRIVATE_LINES : T.PRIVATE_LINES,
    extortion: en ? T.EN_EXTORTION_LINES : T.EXTORTION_LINES,
  }[flag];
  const [lineCauses, lineText] = pick(r, lines).split('|') as [string, string];
  const line = fill(r, lineText);
  const own: CauseId[] = lineCauses === '-' ? [] : (lineCauses.split(',') as CauseId[]);
  const alone = chance(r, 0.3);
  const sep = en ? '. ' : pick(r, ['，', '。', ' ', '！']);
  const text = alone ? line : chance(r, 0.5) ? `${base.text}${sep}${line}` : `${line}${sep}${base.text}`;
  const sentiment = flag === 'abuse' || flag === 'extortion' ? 'negative' : alone ? 'negative' : base.sentiment;
  const flags: FlagId[] = [flag];
  return { text, ...(base.rating !== undefined && !alone ? { rating: base.rating } : {}), sentiment, causes: uniq([...own, ...(alone ? [] : base.causes)]), flags, kind: `flag-${flag}` };
}

function nearMiss(r: Rand): Sample {
  const line = pick(r, T.FLAG_NEAR_MISSES);
  const [s, c, text] = line.split('|') as [string, string, string];
  return { text: fill(r, text), sentiment: s === 'p' ? 'positive' : 'negative', causes: c === '-' ? [] : (c.split(',') as CauseId[]), flags: [], kind: 'near-miss' };
}

/** Round 5's handwritten reviews (everyday products in buyers' own voice) count this many times. */
const R5_REPEAT = Number(process.env.DXE_R5_REPEAT ?? 3);

/** Round 6's handwritten reviews (ten everyday kinds, sarcasm, cause boundaries) count this many times. */
const R6_REPEAT = Number(process.env.DXE_R6_REPEAT ?? 3);

/** Round 7's handwritten reviews (short verdicts, negated complaint words, sarcasm, ratings explained) count this many times. */
const R7_REPEAT = Number(process.env.DXE_R7_REPEAT ?? 3);

/** Round 8's handwritten reviews (promises kept or broken, implied causes, claims proven false) count this many times. */
const R8_REPEAT = Number(process.env.DXE_R8_REPEAT ?? 1);

export function generateCorpus(n = 24000, seed = 13): Sample[] {
  const r = prng(seed);
  const out: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    let s: Sample;
    if (x < 0.66) s = zhSample(r);
    else if (x < 0.8) s = enSample(r);
    else if (x < 0.92) s = flagged(r);
    else s = nearMiss(r);
    if (s.rating === undefined) {
      const rating = ratingFor(r, s.sentiment);
      if (rating !== undefined) s.rating = rating;
    }
    out.push(s);
  }
  for (const h of HANDWRITTEN) for (let k = 0; k < 3; k++) out.push({ ...h, kind: 'handwritten' });
  for (const h of HANDWRITTEN_R4) for (let k = 0; k < 3; k++) out.push({ ...h, kind: 'handwritten' });
  for (const h of HANDWRITTEN_R5) for (let k = 0; k < R5_REPEAT; k++) out.push({ ...h, kind: 'handwritten' });
  for (const h of HANDWRITTEN_R6) for (let k = 0; k < R6_REPEAT; k++) out.push({ ...h, kind: 'handwritten' });
  for (const h of HANDWRITTEN_R7) for (let k = 0; k < R7_REPEAT; k++) out.push({ ...h, kind: 'handwritten' });
  for (const h of HANDWRITTEN_R8) for (let k = 0; k < R8_REPEAT; k++) out.push({ ...h, kind: 'handwritten' });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const n = Number(args[args.indexOf('--n') + 1] ?? 24000) || 24000;
  const outAt = args.indexOf('--out');
  const samples = generateCorpus(n);
  const body = samples.map((s) => JSON.stringify(s)).join('\n');
  if (outAt >= 0) writeFileSync(args[outAt + 1] ?? 'corpus.jsonl', `${body}\n`);
  else process.stdout.write(`${body}\n`);
}
