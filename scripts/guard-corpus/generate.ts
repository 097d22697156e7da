// The guard's development corpus (issue 11): templates × fillers × evasion operators, seeded and
// deterministic (src/core/prng.ts). Violating replies are disguised the ways sellers disguise them
// (homophones, pinyin, spacing, symbols, traditional script, full-width, number words, English);
// compliant replies get the same operators now and then, so a disguise alone is no evidence.
// The split is by template: a fifth of the templates (and a tenth of the other samples) form the
// development split, which the trainer only uses to calibrate thresholds and report figures.
import { Converter } from 'opencc-js/cn2t';
import { pinyin } from 'pinyin-pro';
import { listPhrases } from '../../src/core/guard/phrases.js';
import { prng } from '../../src/core/prng.js';
import { profileFor } from '../../src/core/rules/load-profiles.js';
import { COMPLIANT, CONTEXT_EN, CONTEXT_ZH, SLOTS, VIOLATING, type RuleLabel, type Template } from './templates.js';

export interface Sample {
  text: string;
  rules: RuleLabel[];
  ctx: { freeShipping?: boolean; askerIsBuyer?: boolean; platform?: string };
  orderStatus: boolean;
  template: string;
  split: 'train' | 'development';
  /** Hand-written by a person (a development set of bench/sets/guard), not from a template. */
  human?: boolean;
  /** A hand-written reply's disguised copy (human.ts), not the reply as written: calibration reads only the latter. */
  copy?: boolean;
}

type Rand = () => number;

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CIRCLED = ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];
const DAY_EN = ['tomorrow', 'today', 'within 2 days', 'by Friday', 'in 3 days'];

function digits(r: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(r() * 10));
  return s;
}

function fill(r: Rand, text: string): string {
  // Fillers may hold slots themselves ({refundOff} → 我用{ali}退您): fill until none is left.
  let out = fillOnce(r, text);
  for (let k = 0; k < 3 && out.includes('{'); k++) out = fillOnce(r, out);
  return out;
}

function fillOnce(r: Rand, text: string): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'p3') return `1${pick(r, ['3', '5', '8', '7'])}${digits(r, 1)}`;
    if (name === 'p4' || name === 'p4b') return digits(r, 4);
    if (name === 'phoneCn') return [...`1${pick(r, ['3', '5', '8'])}${digits(r, 9)}`].map((d) => CN_DIGITS[Number(d)]).join('');
    if (name === 'dayEn') return pick(r, DAY_EN);
    const list = SLOTS[name];
    if (!list) throw new Error(`unknown slot {${name}}`);
    return pick(r, list);
  });
}

let toTraditional: ((s: string) => string) | undefined;

const HOMOPHONE: Array<[RegExp, string[]]> = [
  [/微信/g, ['威信', '薇信', 'vx', 'V信', 'weixin', 'wx', '危信', '徽信', 'ｖｘ', 'w x', '微 信', '微❤', 'V❤', '嶶信', '🛰️信']],
  [/加/g, ['➕', '+', '伽', 'jia']],
  [/支付宝/g, ['zfb', '吱付宝', 'zhifubao', '支 付 宝']],
  [/转账/g, ['zz', '转帐', 'zhuanzhang', '转 账', '砖账']],
  [/好评/g, ['hp', '好苹', 'haoping', '好 评']],
  [/返现/g, ['fx', '反现', 'fanxian', '返 现']],
  [/发票/g, ['发漂', 'fp', '发 票', 'fapiao', '发飘', 'fa piao']],
  [/电话/g, ['电 话', 'dianhua', '店话']],
  [/红包/g, ['hb', '鸿包', '红 包', '🧧']],
  // Round 6: the words of the kinds that slipped, spelt the ways sellers spell them.
  [/私聊/g, ['私 聊', 'siliao', '私撩', 'sl']],
  [/付款/g, ['fu款', '付 款', 'fukuan', '付kuan']],
  [/收款码/g, ['收kuan码', '收 款 码', 'skm']],
  [/差评/g, ['cp', '差 评', 'chaping', '茶评']],
  [/包邮/g, ['包 邮', 'baoyou']],
  // Round 7: emoji standing for the word (🐧 for 企鹅; 微❤, 🧧 above).
  [/企鹅/g, ['🐧']],
];

/** One evasion operator applied to a text (or none). */
export function evade(r: Rand, text: string, en: boolean): string {
  const op = Math.floor(r() * 9);
  switch (op) {
    case 0: {
      // Homophones and pinyin for the key words.
      let out = text;
      for (const [re, alts] of HOMOPHONE) if (re.test(out)) out = out.replace(re, () => pick(r, alts));
      return out;
    }
    case 1: {
      // Spaces or symbols between characters of a stretch.
      const chars = [...text];
      const at = Math.floor(r() * Math.max(1, chars.length - 4));
      const sep = pick(r, [' ', ' ', '*', '❤', '·', '_', '丶', '/', '~']);
      for (let k = at; k < Math.min(chars.length - 1, at + 5); k++) chars[k] = `${chars[k] ?? ''}${sep}`;
      return chars.join('');
    }
    case 2:
      return en ? text : (toTraditional ??= Converter({ from: 'cn', to: 'tw' }))(text);
    case 3:
      // Full-width Latin letters and digits.
      return text.replace(/[A-Za-z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    case 4:
      // Number words and circled digits for digit runs.
      return text.replace(/\d{3,}/g, (run) => [...run].map((d) => (r() < 0.5 ? CN_DIGITS : CIRCLED)[Number(d)]).join(''));
    case 5: {
      // One short stretch of Chinese written in pinyin.
      if (en) return text;
      const m = /[\u4e00-\u9fff]{2,3}/g;
      const found = [...text.matchAll(m)];
      const f = found.length > 0 ? pick(r, found) : undefined;
      if (!f || f.index === undefined) return text;
      const py = pinyin(f[0], { toneType: 'none', type: 'array' }).join(r() < 0.5 ? '' : ' ');
      return text.slice(0, f.index) + py + text.slice(f.index + f[0].length);
    }
    case 6:
      return `${pick(r, ['😊', '🌹', '[微笑]', '～', '👍'])}${text}`;
    default:
      return text;
  }
}

function withContext(r: Rand, text: string, en: boolean): string {
  const x = r();
  const ctx = en ? CONTEXT_EN : CONTEXT_ZH;
  const sep = en ? ' ' : pick(r, ['，', '。', '！', ' ']);
  if (x < 0.25) return `${pick(r, ctx)}${sep}${text}`;
  if (x < 0.45) return `${text}${en ? ' ' : '。'}${pick(r, ctx)}`;
  return text;
}

function expand(r: Rand, t: Template, id: string, count: number, evadeRate: number, dev: boolean, out: Sample[]): void {
  const seen = new Set<string>();
  for (let k = 0; k < count * 3 && seen.size < count; k++) {
    let text = fill(r, t.text);
    if (r() < evadeRate) text = evade(r, text, t.en === true);
    if (r() < evadeRate * 0.4) text = evade(r, text, t.en === true);
    text = withContext(r, text, t.en === true);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({
      text,
      rules: [...t.rules],
      ctx: { ...(t.ctx ?? {}) },
      orderStatus: t.orderStatus === true,
      template: id,
      split: dev || r() < 0.1 ? 'development' : 'train',
    });
  }
}

/** The guard's own compliant wording (each rule's rewrite, the vague delivery form, C14 phrases). */
function ownWording(): Template[] {
  const g = profileFor('taobao').guard;
  const out: Template[] = [];
  if (g) {
    for (const def of Object.values(g.rules)) {
      out.push({ rules: [], text: def.rewrite.zh }, { rules: [], text: def.rewrite.en, en: true });
    }
    out.push({ rules: [], text: g.rules.D11.delivery.template.zh.replace('{days}', '3') });
    out.push({ rules: [], text: g.rules.D11.delivery.template.en.replace('{days}', '3'), en: true });
  }
  for (const group of listPhrases()) for (const p of group.phrases) out.push({ rules: [], text: p });
  return out;
}

/** The whole corpus for a seed. */
export function generateCorpus(seed = 20261206): Sample[] {
  const r = prng(seed);
  const out: Sample[] = [];
  VIOLATING.forEach((t, i) => expand(r, t, `v${i}`, 34, 0.65, i % 5 === 2, out));
  COMPLIANT.forEach((t, i) => expand(r, t, `c${i}`, 70, 0.3, i % 5 === 2, out));
  ownWording().forEach((t, i) => expand(r, t, `w${i}`, 6, 0.2, false, out));
  return out;
}
