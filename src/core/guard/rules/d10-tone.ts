// D10 — service tone (C3, C13, C14; seed 004): no single-word replies (在, 没, 没有, 卖完了), no
// negative word without a reason or an alternative, and blaming phrases (您搞错了, 您听明白了吗)
// replaced by the seed's polite forms (用"我"代替"您").
import { alternation, extraRegex, scan, type CompiledGuard, type Hit } from '../compile.js';
import type { TextView } from '../normalize.js';
import { LiteralGate } from '../prefilter.js';
import type { Detector } from '../types.js';

interface ToneTables {
  oneWord: Map<string, { zh: string; en: string }>;
  blaming: Array<[RegExp, string, boolean]>;
  /** Literal prefilter over the blaming expressions (prefilter.ts; issue 11 latency). */
  blamingGate: LiteralGate;
  blamingOpen: Uint8Array;
}

const tables = new WeakMap<CompiledGuard, ToneTables>();

function toneTables(c: CompiledGuard): ToneTables {
  let t = tables.get(c);
  if (t) return t;
  const tone = c.profile.rules.D10.tone;
  const oneWord = new Map<string, { zh: string; en: string }>();
  for (const w of tone.one_word) oneWord.set(c.norm.canonical(w.word), w.polite);
  const blaming: Array<[RegExp, string, boolean]> = [];
  for (const b of tone.blaming) {
    const re = alternation([b.pattern]);
    if (re) blaming.push([re, b.polite, b.clause]);
  }
  t = { oneWord, blaming, blamingGate: new LiteralGate(blaming.map(([re]) => re)), blamingOpen: new Uint8Array(blaming.length) };
  tables.set(c, t);
  return t;
}

/** Leading greetings and trailing particles do not turn a one-word reply into a sentence. */
const FILLER_HEAD = /^(?:亲爱的|亲|您好|你好)+/;
const FILLER_TAIL = /(?:哦|噢|喔|呢|啊|呀|吧|的|了|哈|嗯|哟|啦|~)+$/;

function oneWordHit(c: CompiledGuard, v: TextView, locale: 'zh' | 'en'): Hit | undefined {
  const t = toneTables(c);
  const core = v.compact.replace(FILLER_HEAD, '');
  const key = t.oneWord.has(core) ? core : core.replace(FILLER_TAIL, '');
  // A reply of question or exclamation marks only (???, ？！) is a one-word reply with no word: it
  // reads as the agent's puzzlement (啊？), and gets that word's polite form.
  const bare = core.length === 0 && /^[?？!！.。…~]+$/u.test(v.text.replace(/\s+/g, ''));
  // Nothing but interjections (噢, 哦哦, 呃) is as curt as 嗯 (C3, round 11).
  const interjection = /^[哦噢喔嗯呃额唔]+$/.test(core.replace(/^(?:亲亲|亲)+/, '').replace(/(?:亲亲|亲)+$/, ''));
  const polite = bare ? t.oneWord.get(c.norm.canonical('啊')) : (t.oneWord.get(key) ?? (interjection ? t.oneWord.get(c.norm.canonical('嗯')) : undefined) ?? curtPolite(t, c, v, key));
  if (!polite || v.text.trim().length === 0) return undefined;
  return { rule: 'D10', start: 0, end: v.text.length, replaceWith: polite[locale] };
}

/** Words that are a whole courteous reply on their own (谢谢, 您好, 稍等). */
const COURTEOUS = /^(?:谢谢|感谢|多谢|您好|你好|稍等|抱歉|欢迎|早安|晚安|再见|拜拜|恭喜)$/;
const NEGATIVE_CHAR = /[不没沒无無冇否莫别甭罄光断缺]/;
const EN_CURT_WORD = /^(?:yes|yep|yeah|yea|ok|okay|k|kk|fine|sure|here|whatever|dunno|idk|no|nope|nah|never|none|nothing|gone|impossible|unavailable|negative|maybe)$/;
const EN_NEGATIVE = /\b(?:no|not|can.?t|cannot|won.?t|never|none|nothing|gone|impossible|unavailable|nah|nope|negative|unable)\b/;
const EN_COURTEOUS = /\b(?:sorry|please|thank|thanks|hello|hi|welcome|apolog)/;

/**
 * C3 by shape, not by list: a reply whose words (greeting and particles stripped) are at most two
 * Chinese characters (售罄, 好的, 知道) or at most three English words carrying a negative (No
 * stock., Not today.) or a single curt word (Whatever., Yep.) is a one-word reply. Courteous
 * words alone (谢谢, 稍等) are not. The polite form is that of 不行 for a negative, else of 嗯.
 */
function curtPolite(t: ToneTables, c: CompiledGuard, v: TextView, key: string): { zh: string; en: string } | undefined {
  const pick = (negative: boolean) => t.oneWord.get(c.norm.canonical(negative ? '不行' : '嗯'));
  if (v.latin) {
    const words = v.text.toLowerCase().match(/[a-z']+/g) ?? [];
    if (words.length === 0 || words.length > 3) return undefined;
    const joined = words.join(' ');
    if (EN_COURTEOUS.test(joined)) return undefined;
    if (words.length === 1 && EN_CURT_WORD.test(words[0] ?? '')) return pick(EN_NEGATIVE.test(joined));
    return EN_NEGATIVE.test(joined) ? pick(true) : undefined;
  }
  const core = key.replace(/^(?:亲亲|亲)+/, '').replace(/(?:亲亲|亲)+$/, '').replace(FILLER_TAIL, '');
  if (core.length === 0 || core.length > 2 || !/^[\u4e00-\u9fff]+$/.test(core) || COURTEOUS.test(core)) return undefined;
  return pick(NEGATIVE_CHAR.test(core));
}

export const d10Tone: Detector = {
  rule: 'D10',
  scope: 'own',
  detect: ({ c, view, locale }) => {
    const one = oneWordHit(c, view, locale);
    if (one) return [one];
    const hits: Hit[] = [];
    const t = toneTables(c);
    t.blamingGate.open(view.compact, t.blamingOpen);
    for (let k = 0; k < t.blaming.length; k++) {
      const [re, polite, wholeClause] = t.blaming[k] as [RegExp, string, boolean];
      // An expression none of whose required literals is in the reply cannot match.
      if (!t.blamingOpen[k]) continue;
      for (const h of scan(view, re, 'compact')) {
        const [start, end] = wholeClause ? (view.clauseO[view.clause[h.s] ?? 0] ?? h.o) : h.o;
        hits.push({ rule: 'D10', start, end, replaceWith: polite });
      }
    }
    const tone = c.profile.rules.D10.tone;
    if (view.compact.length > tone.max_bare_negative_length) return hits;
    const reasons = extraRegex(c, 'D10.reasons', tone.reasons);
    if (reasons?.test(view.compact)) return hits;
    const benign = extraRegex(c, 'D10.benign', tone.benign, 'g');
    const cleaned = benign ? view.compact.replace(benign, (m) => '_'.repeat(m.length)) : view.compact;
    const neg = extraRegex(c, 'D10.negatives', tone.negatives, 'g');
    if (!neg) return hits;
    neg.lastIndex = 0;
    const m = neg.exec(cleaned);
    if (m) {
      const s = m.index;
      const e = s + m[0].length;
      hits.push({
        rule: 'D10',
        start: view.cStart[s] ?? 0,
        end: view.cEnd[e - 1] ?? view.text.length,
        append: tone.negative_suffix[locale],
      });
    }
    return hits;
  },
};
