// Features of the review analyser (R6, R8): hashed character n-grams (Chinese) and word n-grams
// (English), the lexicon's matches read with their negation and the clause they stand in (the
// clause after 但是 weighs more; sarcasm cues beside a complaint), cause cue words by the feeling
// of their clause, and detectors for phone numbers, links, addresses and threats. Shared by the
// runtime (analyze.ts) and the trainer (scripts/review-corpus/train.ts), so both see exactly the
// same numbers.
import {
  ABUSE,
  AD_CUES,
  CAUSES,
  CAUSE_CUES,
  CONCESSION,
  CONTRAST,
  EXTORTION_CONDITION,
  EXTORTION_MONEY,
  EXTORTION_THREAT,
  INTENSIFIERS,
  NEGATIVE,
  NEGATORS,
  POSITIVE,
  PRIVATE_CUES,
  SARCASM,
  SURNAMES,
} from './analysis-lexicon.js';

export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;

// Dense features live after the hashed space.
const D = {
  bias: 0,
  posCount: 1,
  negCount: 2,
  negatedPos: 3,
  negatedNeg: 4,
  netSign: 5,
  lastClause: 6,
  firstClause: 7,
  afterContrast: 8,
  beforeContrastConceded: 9,
  sarcasm: 10,
  sarcasmWithComplaint: 11,
  quotedPraise: 12,
  rhetorical: 13,
  ratingNone: 14,
  rating1: 15, // 15..19 = rating 1..5
  lengthShort: 20,
  lengthLong: 21,
  exclaim: 22,
  intensifiedNeg: 23,
  intensifiedPos: 24,
  // causes: 25 + cause * 4 + (0 negative clause, 1 positive clause, 2 neutral clause, 3 any)
  cause: 25,
  // flags from 60
  abuse: 60,
  abuseCount: 61,
  adCue: 62,
  url: 63,
  email: 64,
  phone: 65,
  longDigits: 66,
  contactId: 67,
  threat: 68,
  condition: 69,
  money: 70,
  threatCondition: 71,
  threatMoney: 72,
  allThree: 73,
  privateCue: 74,
  nameAfterCue: 75,
  addressCn: 76,
  addressEn: 77,
  phoneAfterCue: 78,
  adCueWithContact: 79,
  changeForMoney: 80,
  noComplaint: 81,
  trailingNot: 82,
} as const;
export const DENSE = 96;
export const DIMENSIONS = (1 << HASH_BITS) + DENSE;

// Lexicon classes, one bit each.
const C = {
  pos: 1 << 0,
  neg: 1 << 1,
  negator: 1 << 2,
  contrast: 1 << 3,
  concession: 1 << 4,
  sarcasm: 1 << 5,
  intens: 1 << 6,
  abuse: 1 << 7,
  ad: 1 << 8,
  threat: 1 << 9,
  condition: 1 << 10,
  money: 1 << 11,
  privateCue: 1 << 12,
} as const;
const CAUSE_BIT0 = 13; // causes use bits 13..20

/** A character trie of the Chinese entries: `classes` is non-zero where a word ends. */
interface TrieNode {
  next: Map<number, TrieNode>;
  classes: number;
  word: string;
}

function buildLexicon(): { trie: TrieNode; latin: Map<string, number> } {
  const all = new Map<string, number>();
  const add = (list: readonly string[], bit: number): void => {
    for (const w of list) all.set(w, (all.get(w) ?? 0) | bit);
  };
  add(POSITIVE, C.pos);
  add(NEGATIVE, C.neg);
  add(NEGATORS, C.negator);
  add(CONTRAST, C.contrast);
  add(CONCESSION, C.concession);
  add(SARCASM, C.sarcasm);
  add(INTENSIFIERS, C.intens);
  add(ABUSE, C.abuse);
  add(AD_CUES, C.ad);
  add(EXTORTION_THREAT, C.threat);
  add(EXTORTION_CONDITION, C.condition);
  add(EXTORTION_MONEY, C.money);
  add(PRIVATE_CUES, C.privateCue);
  CAUSES.forEach((c, i) => add(CAUSE_CUES[c], 1 << (CAUSE_BIT0 + i)));
  const trie: TrieNode = { next: new Map(), classes: 0, word: '' };
  const latin = new Map<string, number>();
  for (const [word, classes] of all) {
    if (/^[a-z0-9'$.]+$/.test(word)) {
      latin.set(word, classes);
      continue;
    }
    let node = trie;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), classes: 0, word: '' };
        node.next.set(c, child);
      }
      node = child;
    }
    node.classes = classes;
    node.word = word;
  }
  return { trie, latin };
}

const LEX = buildLexicon();

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}
function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & MASK;
}
function hashString(ns: number, s: string): number {
  let h = mix(0x811c9dc5, ns);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return fin(h);
}

/** White space other than a plain space, or two spaces in a row. */
const RE_SPACE_TO_FOLD = /[^\S ]| {2}/;
/** Half-width, lower case, one space for any run of white space. */
export function normalizeReview(text: string): string {
  const t = text.normalize('NFKC').toLowerCase();
  // The pass over white space changes nothing when every run of it is already one plain space.
  return (RE_SPACE_TO_FOLD.test(t) ? t.replace(/\s+/g, ' ') : t).trim();
}

const isCjk = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;
const isLatin = (c: number): boolean => (c >= 97 && c <= 122) || c === 39;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const SEPARATORS = new Set('，。！？!?,;；~～、…\n:：()（）【】[]'.split(''));
/** SEPARATORS by char code (a lookup per character is the analyser's hottest path). */
const SEPARATOR_CODE = new Uint8Array(0x10000);
for (const ch of SEPARATORS) SEPARATOR_CODE[ch.charCodeAt(0)] = 1;
const isSeparator = (c: number): boolean => SEPARATOR_CODE[c] === 1;

interface Token {
  start: number;
  end: number;
  word: string;
  classes: number;
  clause: number;
}

/** Lexicon matches, longest first, left to right, each with its clause (punctuation splits). */
function scan(t: string): { tokens: Token[]; clauses: number } {
  const tokens: Token[] = [];
  let clause = 0;
  let open = false; // the current clause has text
  let i = 0;
  while (i < t.length) {
    const ch = t[i] ?? '';
    const code = t.charCodeAt(i);
    if (isSeparator(code) || (ch === '.' && !isDigit(t.charCodeAt(i + 1))) || (ch === ' ' && (isCjk(t.charCodeAt(i - 1)) || isCjk(t.charCodeAt(i + 1))))) {
      if (open) clause++;
      open = false;
      i++;
      continue;
    }
    open = true;
    if (isLatin(code) || code === 36) {
      let j = i;
      while (j < t.length && (isLatin(t.charCodeAt(j)) || t.charCodeAt(j) === 36)) j++;
      const word = t.slice(i, j);
      const classes = LEX.latin.get(word);
      if (classes !== undefined) tokens.push({ start: i, end: j, word, classes, clause });
      i = j;
      continue;
    }
    // Longest entry starting here.
    let node: TrieNode | undefined = LEX.trie;
    let best: TrieNode | undefined;
    for (let j = i; j < t.length && node; j++) {
      node = node.next.get(t.charCodeAt(j));
      if (node && node.classes) best = node;
    }
    if (best) {
      tokens.push({ start: i, end: i + best.word.length, word: best.word, classes: best.classes, clause });
      i += best.word.length;
    } else i++;
  }
  return { tokens, clauses: clause + 1 };
}

const RE_URL = /(https?:\/\/|www\.|[a-z0-9-]+\.(com|cn|net|org|shop|top|xyz|cc|io|vip|club|site|online|me|ly|co|store)\b|[a-z0-9-]{3,}\s*(点|dot)\s*(com|cn|net))/;
const RE_EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/;
const RE_PHONE_CN = /(?<![0-9])1[3-9][0-9][ .·-]?[0-9]{4}[ .·-]?[0-9]{4}(?![0-9])/;
/** A phone number written in Chinese digits (一三八…), a way round the platform's filter. */
const RE_PHONE_ZH = /[一幺][三四五七八九][零〇一二三四五六七八九幺]{9}/;
/** A mainland ID card number. */
const RE_ID_CARD = /(?<![0-9])[1-9][0-9]{16}[0-9x](?![0-9])/;
const RE_PHONE_INTL = /(\+\d{1,3}[ -]?)?\(?\d{2,4}\)?[ -]\d{3,4}[ -]\d{3,4}/;
const RE_LONG_DIGITS = /[0-9]{5,}/;
// A contact id after its label: Chinese labels take any id; a Latin label (v, q, ins…) stands as a
// word and its id carries a digit, so English words (quality, insects) are not read as contacts.
const RE_CONTACT_ID = new RegExp(
  '(微信|威信|薇信|徽信|维信|v信|q号|扣扣|企鹅|抖音号|快手号|小红书号)[号是:：=\\s+]*[a-z0-9_-]{5,}' +
    '|(?<![a-z])(vx|wx|v|q|qq|ins|instagram|line|whatsapp|telegram|wechat)(?![a-z])[号是:：=\\s+]*(?=[a-z_-]*[0-9])[a-z0-9_-]{5,}',
);
const RE_STRONG_AD = /(抖音号|快手号|公众号|淘口令|进群|加群|群号|私聊我|私信我|加我|私我|招代理|兼职日赚|刷单|复制这条|复制链接|打开手机淘宝|add me|message me|contact me|dm me|whatsapp me|check out my (store|shop)|use my code)/;
const RE_ADDRESS_CN = /(省|市|区|县|镇|乡|村|路|街|道|巷|弄|号|栋|幢|单元|室|小区|大厦|楼|花园|公寓|苑)/g;
/** Insults written with masks or spaces (傻*、s b、f*ck): the compacted text is read again. */
const RE_MASKED_ABUSE = /(傻|煞|沙)[*＊×x#@%.]*(逼|b|比|笔|叉)|(?<![a-z])s[*＊#.]*b(?![a-z])|草泥马|cnm|nmsl|你[*＊]+的|他[*＊]+的|f[*＊#@]+c?k|fu[*＊#@]+k|sh[*＊#]+t|b[*＊#]+tch|a[*＊#]+hole|脑[*＊]+残|智[*＊]+障|傻[*＊]+/;
const RE_ADDRESS_EN = /\d+\s+[a-z]+\s+(street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd)\b/;
const SURNAME_SET = new Set(SURNAMES.split(''));
const RE_EN_NAME = /\b(named|name is|courier|driver|seller|i am|my name)\s+[a-z]+\s+[a-z]+/;
const RE_NAME_CUE = /(收件人|收货人|快递员|配送员|客服|师傅|叫|姓名|名字)[是:：\s]*([\u4e00-\u9fff]{2,3})/g;
const RE_QUOTED = /["“”'‘’「」『』]([^"“”'‘’「」『』]{1,6})["“”'‘’「」『』]/g;

/** The dense features of the review being read (one at a time: reviewFeatures is synchronous and copies them out). */
const DENSE_SCRATCH = new Float64Array(DENSE);

/** Whether token `p` stands in `tok`'s clause at most `gap` characters before it. */
function isNear(p: Token | undefined, tok: Token, gap: number): boolean {
  return p !== undefined && p.clause === tok.clause && tok.start - p.end <= gap;
}
function hasClass(p: Token | undefined, bit: number): boolean {
  return ((p?.classes ?? 0) & bit) !== 0;
}

export interface ReviewInput {
  text: string;
  rating?: number | undefined;
}

/** What the detectors saw, kept for the explanation and for rules after the model. */
export interface Detections {
  cues: Record<string, number>;
}

/**
 * The features of one review: indices (hashed < 2^HASH_BITS, dense after) and their values,
 * appended to `idx`/`val`.
 */
export function reviewFeatures(input: ReviewInput, idx: number[], val: number[]): Detections {
  const t = normalizeReview(input.text);
  const { tokens, clauses } = scan(t);
  // A bucket may come twice: the linear model adds both, as it would their sum.
  const hashed = (b: number, v: number): void => {
    idx.push(b);
    val.push(v);
  };
  // Character n-grams of the Chinese text, digits folded, separators as '|'.
  let c1 = 0;
  let c2 = 0;
  let ngrams = 0;
  const ngramBuckets: number[] = [];
  for (let i = 0; i < t.length; i++) {
    let c = t.charCodeAt(i);
    if (isDigit(c)) c = 48;
    else if (isLatin(c)) continue;
    else if (c === 32) c = 124;
    else if (isSeparator(c)) c = 124;
    if (c === 124 && c1 === 124) continue;
    if (c !== 124) ngramBuckets.push(fin(mix(1, c)));
    if (c1) ngramBuckets.push(fin(mix(mix(2, c1), c)));
    if (c1 && c2) ngramBuckets.push(fin(mix(mix(mix(3, c2), c1), c)));
    c2 = c1;
    c1 = c;
  }
  // English words and word pairs.
  const latinWords = t.match(/[a-z']+/g) ?? [];
  for (let i = 0; i < latinWords.length; i++) {
    const w = latinWords[i] ?? '';
    ngramBuckets.push(hashString(4, w));
    if (i > 0) ngramBuckets.push(hashString(5, `${latinWords[i - 1] ?? ''} ${w}`));
  }
  ngrams = ngramBuckets.length;
  const scale = ngrams > 24 ? Math.sqrt(24 / ngrams) : 1;
  for (const b of ngramBuckets) hashed(b, scale);

  // Lexicon reading: negation, clauses, contrast.
  const clausePol = new Float64Array(clauses + 1);
  const clauseAfterContrast = new Uint8Array(clauses + 1);
  const clauseConceded = new Uint8Array(clauses + 1);
  let pos = 0;
  let neg = 0;
  let negatedPos = 0;
  let negatedNeg = 0;
  let sarcasm = 0;
  let intensPos = 0;
  let intensNeg = 0;
  const cues: Record<string, number> = {};
  const bump = (k: string, n = 1): void => {
    cues[k] = (cues[k] ?? 0) + n;
  };
  const causeHits: Array<{ cause: number; clause: number }> = [];
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (!tok) continue;
    const prev = tokens[k - 1];
    const prev2 = tokens[k - 2];
    const negated =
      (isNear(prev, tok, 2) && hasClass(prev, C.negator)) ||
      (isNear(prev2, tok, 3) && hasClass(prev2, C.negator) && hasClass(prev, C.intens) && isNear(prev, tok, 1));
    const intens = isNear(prev, tok, 1) && hasClass(prev, C.intens);
    if (tok.classes & C.contrast) clauseAfterContrast[tok.clause] = 1;
    if (tok.classes & C.concession) clauseConceded[tok.clause] = 1;
    if (tok.classes & C.sarcasm) sarcasm++;
    let polarity = 0;
    if (tok.classes & C.pos && !(tok.classes & C.neg)) polarity = 1;
    else if (tok.classes & C.neg && !(tok.classes & C.pos)) polarity = -1;
    if (polarity !== 0) {
      if (negated) {
        if (polarity > 0) negatedPos++;
        else negatedNeg++;
        polarity = -polarity;
      } else if (polarity > 0) pos++;
      else neg++;
      const weight = intens ? 1.5 : 1;
      if (intens && polarity > 0) intensPos++;
      if (intens && polarity < 0) intensNeg++;
      clausePol[tok.clause] = (clausePol[tok.clause] ?? 0) + polarity * weight;
      hashed(hashString(6, `${tok.word}${negated ? '!' : ''}`), 1);
    }
    for (let c = 0; c < CAUSES.length; c++) {
      if (tok.classes & (1 << (CAUSE_BIT0 + c))) causeHits.push({ cause: c, clause: tok.clause });
    }
    if (tok.classes & C.abuse) bump('abuse');
    if (tok.classes & C.ad) bump('ad');
    if (tok.classes & C.threat) bump('threat');
    if (tok.classes & C.condition) bump('condition');
    if (tok.classes & C.money) bump('money');
    if (tok.classes & C.privateCue) bump('private');
  }
  // A contrast word carries its clause's weight into the next clause when it ends one.
  const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);
  let net = 0;
  let after = 0;
  let conceded = 0;
  let last = 0;
  let first = 0;
  for (let c = 0; c < clauses; c++) {
    const p = clausePol[c] ?? 0;
    net += p;
    if (p !== 0) {
      if (first === 0) first = sign(p);
      last = sign(p);
    }
    if (clauseAfterContrast[c]) after += p;
    if (clauseConceded[c]) conceded += p;
  }

  const dense = DENSE_SCRATCH.fill(0);
  dense[D.bias] = 1;
  dense[D.posCount] = Math.log1p(pos);
  dense[D.negCount] = Math.log1p(neg);
  dense[D.negatedPos] = Math.log1p(negatedPos);
  dense[D.negatedNeg] = Math.log1p(negatedNeg);
  dense[D.netSign] = sign(net);
  dense[D.lastClause] = last;
  dense[D.firstClause] = first;
  dense[D.afterContrast] = sign(after);
  dense[D.beforeContrastConceded] = sign(conceded);
  dense[D.sarcasm] = sarcasm > 0 ? 1 : 0;
  const complaints = neg + negatedPos;
  dense[D.sarcasmWithComplaint] = sarcasm > 0 && complaints > 0 ? 1 : 0;
  dense[D.noComplaint] = complaints === 0 && sarcasm === 0 ? 1 : 0;
  if (complaints > 0) bump('complaint', complaints);
  dense[D.trailingNot] = /(^|[.!,] *)not[.!]*$/.test(t) ? 1 : 0;
  let quotedPraise = 0;
  RE_QUOTED.lastIndex = 0;
  for (let m = RE_QUOTED.exec(t); m !== null; m = RE_QUOTED.exec(t)) {
    const inner = m[1] ?? '';
    if (POSITIVE.some((w) => inner.includes(w) && w.length <= inner.length)) quotedPraise++;
  }
  dense[D.quotedPraise] = quotedPraise > 0 ? 1 : 0;
  dense[D.rhetorical] = /(这也能叫|这也叫|也配|还能更|还能再|还好意思)/.test(t) ? 1 : 0;
  const rating = input.rating;
  if (rating === undefined || !Number.isInteger(rating) || rating < 1 || rating > 5) dense[D.ratingNone] = 1;
  else dense[D.rating1 + rating - 1] = 1;
  dense[D.lengthShort] = t.length <= 6 ? 1 : 0;
  dense[D.lengthLong] = t.length > 80 ? 1 : 0;
  dense[D.exclaim] = /[!！]/.test(t) ? 1 : 0;
  dense[D.intensifiedNeg] = Math.log1p(intensNeg);
  dense[D.intensifiedPos] = Math.log1p(intensPos);
  for (const h of causeHits) {
    const p = clausePol[h.clause] ?? 0;
    const slot = p < 0 ? 0 : p > 0 ? 1 : 2;
    dense[D.cause + h.cause * 4 + slot] = 1;
    dense[D.cause + h.cause * 4 + 3] = 1;
    // The cue word together with its clause's feeling, as a hashed feature too.
    hashed(hashString(7, `${h.cause}:${slot}`), 1);
  }
  // R6 detectors.
  // Masked or spaced insults count as insults; the plain ones were matched by the lexicon already.
  if (RE_MASKED_ABUSE.test(t.replace(/[\s·_~-]+/g, '')) && !(cues.abuse ?? 0)) bump('abuse');
  const abuse = cues.abuse ?? 0;
  dense[D.abuse] = abuse > 0 ? 1 : 0;
  dense[D.abuseCount] = Math.log1p(abuse);
  const url = RE_URL.test(t);
  const email = RE_EMAIL.test(t);
  const phone = RE_PHONE_CN.test(t) || RE_PHONE_INTL.test(t) || RE_PHONE_ZH.test(t);
  const idCard = RE_ID_CARD.test(t);
  if (idCard) bump('id_card');
  const contactId = RE_CONTACT_ID.test(t);
  dense[D.adCue] = (cues.ad ?? 0) > 0 ? 1 : 0;
  dense[D.url] = url ? 1 : 0;
  dense[D.email] = email ? 1 : 0;
  dense[D.phone] = phone ? 1 : 0;
  dense[D.longDigits] = RE_LONG_DIGITS.test(t) ? 1 : 0;
  dense[D.contactId] = contactId ? 1 : 0;
  dense[D.adCueWithContact] = (cues.ad ?? 0) > 0 && (url || email || phone || contactId || RE_LONG_DIGITS.test(t)) ? 1 : 0;
  const threat = (cues.threat ?? 0) > 0;
  const condition = (cues.condition ?? 0) > 0;
  const money = (cues.money ?? 0) > 0;
  dense[D.threat] = threat ? 1 : 0;
  dense[D.condition] = condition ? 1 : 0;
  dense[D.money] = money ? 1 : 0;
  dense[D.threatCondition] = threat && condition ? 1 : 0;
  dense[D.threatMoney] = threat && money ? 1 : 0;
  dense[D.allThree] = threat && condition && money ? 1 : 0;
  dense[D.changeForMoney] = money && /(改成?好评|改评|删评|删差评|change (my )?(rating|review)|remove (the|my) review)/.test(t) ? 1 : 0;
  dense[D.privateCue] = (cues.private ?? 0) > 0 ? 1 : 0;
  let nameAfterCue = false;
  RE_NAME_CUE.lastIndex = 0;
  for (let m = RE_NAME_CUE.exec(t); m !== null; m = RE_NAME_CUE.exec(t)) {
    if (SURNAME_SET.has((m[2] ?? '')[0] ?? '')) nameAfterCue = true;
  }
  if (RE_EN_NAME.test(t)) nameAfterCue = true;
  dense[D.nameAfterCue] = nameAfterCue ? 1 : 0;
  const addressParts = t.match(RE_ADDRESS_CN)?.length ?? 0;
  dense[D.addressCn] = addressParts >= 3 && /[0-9]+(号|栋|幢|单元|室|楼)/.test(t) ? 1 : 0;
  dense[D.addressEn] = RE_ADDRESS_EN.test(t) ? 1 : 0;
  dense[D.phoneAfterCue] = (phone && (cues.private ?? 0) > 0) || idCard ? 1 : 0;
  if (url) bump('url');
  if (email) bump('email');
  if (phone) bump('phone');
  if (contactId) bump('contact_id');
  if (RE_LONG_DIGITS.test(t)) bump('digits');
  if (RE_STRONG_AD.test(t)) bump('strong_ad');
  if (nameAfterCue) bump('name');
  if (dense[D.addressCn] || dense[D.addressEn]) bump('address');
  if (dense[D.allThree] || dense[D.changeForMoney]) bump('extortion');
  bump('sarcasm', sarcasm);

  const base = 1 << HASH_BITS;
  for (let k = 0; k < DENSE; k++) {
    const v = dense[k] ?? 0;
    if (v !== 0) {
      idx.push(base + k);
      val.push(v);
    }
  }
  return { cues };
}
