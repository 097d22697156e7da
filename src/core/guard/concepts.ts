// Concept lexicons and their combinations (issue 11, D1–D11): rules/guard-concepts.yaml names
// concepts (payment verbs, off-platform means, rewards, reviews, …) and each rule family as
// combinations of them. A concept is matched by sound (homophones, typed pinyin and initials meet
// one form through the phonetic view), by regular expression on the compact and digit views, and
// by English expressions on the loose view. Loaded and compiled once per process.
import { parse } from 'yaml';
import { z } from 'zod';
import { readShippedFile } from '../data-files.js';
import { DxeError } from '../errors.js';
import { isNegated, type CompiledGuard, type Hit } from './compile.js';
import { compactIndexAt, looseSpan, type TextView } from './normalize.js';
import { pinyinOf, syllableCode, syllableOf } from './phonetic.js';
import { LiteralGate } from './prefilter.js';
import type { RuleId } from './profile-schema.js';

const conceptSchema = z.object({
  req: z.string(),
  seed: z.string(),
  sound: z.array(z.string()).default([]),
  /** false: not enough on its own to let the learned layer speak for the family (a bare id, a day). */
  anchor: z.boolean().default(true),
  /** false: `sound` words are matched as written (and typed in pinyin), not by homophone. */
  homophones: z.boolean().default(true),
  text: z.array(z.string()).default([]),
  digits: z.array(z.string()).default([]),
  en: z.array(z.string()).default([]),
});

const comboSchema = z.object({
  all: z.array(z.string()).min(1),
  any_order: z.boolean().default(false),
  alone: z.boolean().default(false),
  gap: z.number().int().min(0).default(8),
  none: z.array(z.string()).default([]),
  require: z.array(z.string()).default([]),
  level: z.enum(['block', 'warn']).default('block'),
  /** Overrides the family's `negatable` for this combination (一天都不会耽误 is negative by wording). */
  negatable: z.boolean().optional(),
  /**
   * Round 12: how many following sentences the later concepts may lie in (0: one sentence; else
   * they must lie in one of those, not in the first concept's own sentence). A
   * promise recalled in one sentence and taken back in the next (之前说好周三发。仓库排不过来，
   * 下周再看) is one act (D8); with `any_order` earlier sentences count too.
   */
  sentences: z.number().int().min(0).max(3).default(0),
});

const familySchema = z.object({
  reason: z.string(),
  negatable: z.boolean().default(true),
  combos: z.array(comboSchema),
});

const fileSchema = z.object({
  concepts: z.record(z.string(), conceptSchema),
  families: z.record(z.string(), familySchema),
});

export type ConceptFile = z.infer<typeof fileSchema>;
type Combo = z.infer<typeof comboSchema>;

export interface CompiledConcept {
  name: string;
  index: number;
  /** FNV-1a of the name: the learned layer's concept features hash the name, not the index, so a
   * concept added to the lexicon leaves every other concept's features (and weights) in place. */
  nameHash: number;
  text?: RegExp;
  digits?: RegExp;
  en?: RegExp;
  /** Every `text` expression needs a digit: skipped on a reply without one. */
  textNeedsDigit?: boolean;
  /** No `text` expression can match an ASCII character: skipped on an all-ASCII reply. */
  textNonAscii?: boolean;
}

export interface ConceptLexicon {
  file: ConceptFile;
  concepts: CompiledConcept[];
  byName: Map<string, CompiledConcept>;
  tries: Tries;
  families: Array<{ rule: RuleId; reason: string; negatable: boolean; combos: Combo[] }>;
  /** The concepts that have regular expressions (the rest are found by the tries alone). */
  withRegex: CompiledConcept[];
  /** The concepts with English expressions, in small groups behind one joint test (enGroups). */
  enGroups: EnGroup[];
  /**
   * Literal prefilters (prefilter.ts), indexed like `concepts`: one Aho–Corasick pass over a view
   * tells which concepts' `text`, `digits` and `en` expressions could match at all; the others are
   * not run (issue 11 latency; never changes a match).
   */
  gates: { text: LiteralGate; digits: LiteralGate; en: LiteralGate };
}

/**
 * A few concepts' English expressions and one expression joining them all: where the joint one
 * finds nothing, none of them can match (an alternation matches wherever any alternative would),
 * and the group is skipped. Most English replies match few concepts, and one scan of the joint
 * expression costs less than a scan per concept (issue 11, latency).
 */
export interface EnGroup {
  /** Undefined: the group cannot be joined safely (a backreference); always scanned. */
  any?: RegExp;
  members: CompiledConcept[];
}

/** Concepts per English group: measured on the labelled fixtures padded to 200 characters, 4 was
 * the fastest (2, 8 and 16 saved less). */
const EN_GROUP = 4;

function enGroups(concepts: readonly CompiledConcept[]): EnGroup[] {
  const withEn = concepts.filter((c) => c.en);
  const groups: EnGroup[] = [];
  for (let i = 0; i < withEn.length; i += EN_GROUP) {
    const members = withEn.slice(i, i + EN_GROUP);
    const sources = members.map((c) => c.en?.source ?? '');
    // Joining renumbers capturing groups: a backreference or named group would change meaning.
    const joinable = members.length > 1 && sources.every((src) => !/\\[1-9]|\\k<|\(\?<[^=!]/.test(src));
    groups.push(joinable ? { any: new RegExp(sources.map((src) => `(?:${src})`).join('|'), 'i'), members } : { members });
  }
  return groups;
}

/** A concept occurrence in compact indices [s, e). */
export interface ConceptMatch {
  s: number;
  e: number;
}


/** A dictionary trie over UTF-16 code units; a node's `ends` are the concepts a word ends in. */
interface TrieNode {
  next: Map<number, TrieNode>;
  ends?: Array<{ concept: number; boundary: boolean }>;
  /** Root only: bit per code unit that begins a word. */
  starts?: Uint32Array;
}

const newNode = (): TrieNode => ({ next: new Map() });

function addWord(root: TrieNode, word: string, concept: number, boundary: boolean): void {
  let n = root;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let nx = n.next.get(code);
    if (!nx) {
      nx = newNode();
      n.next.set(code, nx);
    }
    n = nx;
  }
  n.ends ??= [];
  if (!n.ends.some((e) => e.concept === concept && e.boundary === boundary)) n.ends.push({ concept, boundary });
}

/** The four tries of a lexicon: by sound or as written, for Chinese text or English-only text. */
interface Tries {
  phonZh: TrieNode;
  phonLatin: TrieNode;
  compZh: TrieNode;
  compLatin: TrieNode;
}

function product(slots: string[][]): string[] {
  let out = [''];
  for (const alts of slots) out = out.flatMap((p) => alts.map((a) => p + a));
  return out;
}

/**
 * A word of a `sound` list into the tries. Homophone words (two or more syllables) go into the
 * phonetic tries: each syllable slot is its code (any homophone) or its typed pinyin; on Chinese
 * text one slot may be an initial (v信, 微x for 微信), and words of three or more syllables may be
 * all initials (hpfx). Two-letter initials alone (pf, fx) are too common to mean anything, and
 * one-syllable words are taken as written: a lone syllable has too many homophones (到/道, 加/家).
 * Other words go into the written tries: the word, its typed pinyin, all initials (≥ 3 syllables).
 */
function addSoundWord(t: Tries, word: string, concept: number, homophones: boolean): void {
  const chars = [...word];
  const cjk = chars.every((ch) => syllableOf(ch.charCodeAt(0)) >= 0);
  if (!cjk) {
    addWord(t.compZh, word.toLowerCase(), concept, false);
    addWord(t.compLatin, word.toLowerCase(), concept, false);
    return;
  }
  const codes = chars.map((ch) => String.fromCharCode(syllableCode(syllableOf(ch.charCodeAt(0)))));
  const spell = chars.map((ch) => pinyinOf(ch) ?? '');
  const init = spell.map((py) => (py.startsWith('w') ? ['w', 'v'] : [py[0] ?? '']));
  if (chars.length >= 3) {
    for (const x of product(init)) addWord(homophones ? t.phonZh : t.compZh, x, concept, true);
  }
  if (homophones && chars.length >= 2) {
    const full = chars.map((_, k) => [codes[k] ?? '', spell[k] ?? '']);
    for (const x of product(full)) {
      addWord(t.phonZh, x, concept, false);
      addWord(t.phonLatin, x, concept, false);
    }
    for (let i = 0; i < chars.length; i++) {
      for (const x of product(full.map((f, k) => (k === i ? (init[k] ?? []) : f)))) addWord(t.phonZh, x, concept, false);
    }
    return;
  }
  addWord(t.compZh, word, concept, false);
  addWord(t.compLatin, word, concept, false);
  if (chars.length >= 2) {
    addWord(t.compZh, spell.join(''), concept, false);
    addWord(t.compLatin, spell.join(''), concept, false);
  }
}

/** Whether a regular expression cannot match without a digit (a plain \\d, not \\d* or \\d?). */
function needsDigit(source: string): boolean {
  // Conservative: any alternation, optional group or negated class and it is not assumed.
  return source.includes('\\d') && !/\\d(\*|\?|\{0)|\)[*?]|\^\\d|\|/.test(source);
}

/**
 * Whether a regular expression can only match non-ASCII characters (Chinese words): once ranges
 * and escapes of non-ASCII code points (\\u4e00-\\u9fff), counted quantifiers and group openers
 * are set aside, only the operators ( ) | ? * + ^ $ [ ] may be left as ASCII, and no class is
 * negated. Conservative: a lookaround or class naming any ASCII character keeps the expression on
 * every reply.
 */
export function nonAsciiOnly(source: string): boolean {
  const cp = (x: string): number => (x.startsWith('\\u') ? parseInt(x.slice(2), 16) : (x.codePointAt(0) ?? 0));
  const rest = source
    .replace(/(\\u[0-9a-fA-F]{4}|[^\x00-\x7f])-(\\u[0-9a-fA-F]{4}|[^\x00-\x7f])/g, (m, a: string, b: string) => (cp(a) >= 0x80 && cp(b) >= 0x80 ? '' : m))
    .replace(/\\u([0-9a-fA-F]{4})/g, (m, hex: string) => (parseInt(hex, 16) >= 0x80 ? '' : m))
    .replace(/\{\d+(,\d*)?\}/g, '')
    .replace(/\(\?(:|<!|<=|=|!)/g, '(');
  return !/[^()|?*+^$[\]\u0080-\uffff]|\[\^/.test(rest);
}

function fnv(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function compileOne(name: string, index: number, def: ConceptFile['concepts'][string], tries: Tries): CompiledConcept {
  const out: CompiledConcept = { name, index, nameHash: fnv(name) };
  for (const w of def.sound) addSoundWord(tries, w, index, def.homophones);
  const mk = (sources: string[], flags = 'g'): RegExp | undefined => {
    if (sources.length === 0) return undefined;
    try {
      return new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags);
    } catch (err) {
      throw new DxeError('PROFILE_INVALID', `rules/guard-concepts.yaml: 概念 ${name} 的正则表达式无效（${(err as Error).message}）`);
    }
  };
  out.text = mk(def.text);
  out.textNeedsDigit = def.text.length > 0 && def.text.every(needsDigit);
  out.textNonAscii = def.text.length > 0 && def.text.every(nonAsciiOnly);
  out.digits = mk(def.digits);
  out.en = mk(def.en, 'gi');
  return out;
}

let lexicon: ConceptLexicon | undefined;

/** Parses and compiles a concept file (exported for tests of broken files). */
export function compileLexicon(yamlText: string, label = 'rules/guard-concepts.yaml'): ConceptLexicon {
  const parsed = fileSchema.safeParse(parse(yamlText));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DxeError('PROFILE_INVALID', `${label}: ${issue?.path.join('.') ?? ''}: 概念词表格式错误（${issue?.message ?? ''}）`);
  }
  const file = parsed.data;
  const concepts: CompiledConcept[] = [];
  const byName = new Map<string, CompiledConcept>();
  const tries: Tries = { phonZh: newNode(), phonLatin: newNode(), compZh: newNode(), compLatin: newNode() };
  for (const [name, def] of Object.entries(file.concepts)) {
    const cc = compileOne(name, concepts.length, def, tries);
    concepts.push(cc);
    byName.set(name, cc);
  }
  const families: ConceptLexicon['families'] = [];
  for (const [rule, fam] of Object.entries(file.families)) {
    for (const combo of fam.combos) {
      for (const n of [...combo.all, ...combo.none, ...combo.require]) {
        if (!byName.has(n) && !(n in PLATFORM_LISTS)) throw new DxeError('PROFILE_INVALID', `${label}: families.${rule}: 未定义的概念 ${n}`);
      }
    }
    families.push({ rule: rule as RuleId, reason: fam.reason, negatable: fam.negatable, combos: fam.combos });
  }
  for (const root of [tries.phonZh, tries.phonLatin, tries.compZh, tries.compLatin]) sealStarts(root);
  const withRegex = concepts.filter((c) => c.text ?? c.digits ?? c.en);
  const gates = {
    text: new LiteralGate(concepts.map((c) => c.text)),
    digits: new LiteralGate(concepts.map((c) => c.digits)),
    en: new LiteralGate(concepts.map((c) => c.en)),
  };
  return { file, concepts, byName, tries, families, withRegex, enGroups: enGroups(concepts), gates };
}

/**
 * Platform-aware lists (issue 11, D2): occurrences of the `platform_name` concept split by whether
 * the platform named is the one the shop is on. Naming the shop's own platform (淘宝 on a Taobao
 * shop) is no violation; sending the buyer to another platform is.
 */
const PLATFORM_LISTS = { foreign_platform: true, own_platform: true } as const;

/** Which shop platforms a platform name (compact form) is the home of. Tmall shops are found in
 * the Taobao app, so 淘宝 is home to both. */
const PLATFORM_OF: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/淘宝|某宝|taobao/, ['taobao', 'tmall']],
  [/天猫|tmall/, ['tmall']],
  [/京东|某东|狗东|jingdong|jd/, ['jd']],
  [/拼多多|pinduoduo|pdd/, ['pdd']],
  [/速卖通|aliexpress/, ['aliexpress']],
];

function platformLists(v: TextView, names: readonly ConceptMatch[], platform: string | undefined): { own: ConceptMatch[]; foreign: ConceptMatch[] } {
  const own: ConceptMatch[] = [];
  const foreign: ConceptMatch[] = [];
  // Without the shop's platform nothing is known to be foreign.
  if (!platform) return { own, foreign };
  for (const m of names) {
    const word = v.compact.slice(m.s, m.e);
    const homes = PLATFORM_OF.find(([re]) => re.test(word))?.[1];
    if (!homes) continue;
    (homes.includes(platform) ? own : foreign).push(m);
  }
  return { own, foreign };
}

/** The shipped lexicon, compiled on first use. */
export function conceptLexicon(): ConceptLexicon {
  lexicon ??= compileLexicon(readShippedFile(import.meta.url, '../../../rules/guard-concepts.yaml'));
  return lexicon;
}

const isLower = (code: number): boolean => code >= 97 && code <= 122;
const isLetterCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/** Every dictionary word of a trie found in `src`, pushed per concept (`words`: whole words only). */
function walk(root: TrieNode, src: string, out: ConceptMatch[][], words?: TextView): void {
  const n = src.length;
  const starts = root.starts;
  for (let i = 0; i < n; i++) {
    const c0 = src.charCodeAt(i);
    // Most characters begin no word: a bit table answers before any map lookup.
    if (starts && ((starts[c0 >> 5] ?? 0) & (1 << (c0 & 31))) === 0) continue;
    // English: a word may only start where the original text has no letter before it.
    if (words && isLetterCode(words.text.charCodeAt((words.cStart[i] ?? 0) - 1))) continue;
    let node = root.next.get(c0);
    let j = i + 1;
    while (node) {
      if (node.ends) {
        for (const end of node.ends) {
          if (end.boundary && ((i > 0 && isLower(src.charCodeAt(i - 1))) || (j < n && isLower(src.charCodeAt(j))))) continue;
          if (words) {
            // Pinyin typed in an English reply counts only as whole words ("you like" is not 有礼).
            // (Code units, not one-character strings: issue 11 latency. Outside the text is no letter.)
            if (isLetterCode(words.text.charCodeAt((words.cStart[i] ?? 0) - 1)) || isLetterCode(words.text.charCodeAt(words.cEnd[j - 1] ?? 0))) continue;
          }
          out[end.concept]?.push({ s: i, e: j });
        }
      }
      if (j >= n) break;
      node = node.next.get(src.charCodeAt(j));
      j++;
    }
  }
}

/** The bit table of code units that begin a word of the trie (filled once, after compiling). */
function sealStarts(root: TrieNode): void {
  const bits = new Uint32Array(0x10000 >> 5);
  for (const code of root.next.keys()) bits[code >> 5] = (bits[code >> 5] ?? 0) | (1 << (code & 31));
  root.starts = bits;
}

function collect(re: RegExp | undefined, src: string, out: ConceptMatch[]): void {
  if (!re) return;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ s: m.index, e: m.index + m[0].length });
  }
}

const HAS_DIGIT = /\d/;
/** Scratch: per concept, whether its text / digit / English expressions passed the gate. */
let openText = new Uint8Array(0);
let openDigits = new Uint8Array(0);
let openEn = new Uint8Array(0);
const HAS_LATIN = /[a-z]/i;
const NON_ASCII = /[^\x00-\x7f]/;

/** Every occurrence of every concept in a view, indexed by concept (computed once per view). */
export function matchConcepts(lex: ConceptLexicon, v: TextView): ConceptMatch[][] {
  const hit = v.memo.concepts as ConceptMatch[][] | undefined;
  if (hit) return hit;
  const out: ConceptMatch[][] = new Array<ConceptMatch[]>(lex.concepts.length);
  for (let k = 0; k < out.length; k++) out[k] = [];
  if (v.latin) {
    walk(lex.tries.phonLatin, v.phon, out, v);
    walk(lex.tries.compLatin, v.compact, out, v);
  } else {
    walk(lex.tries.phonZh, v.phon, out);
    walk(lex.tries.compZh, v.compact, out);
  }
  const digits = HAS_DIGIT.test(v.digits);
  const latin = HAS_LATIN.test(v.compact);
  // An English reply has no character a Chinese-only expression could match.
  const nonAscii = NON_ASCII.test(v.compact);
  const n = lex.concepts.length;
  if (openText.length < n) {
    openText = new Uint8Array(n);
    openDigits = new Uint8Array(n);
    openEn = new Uint8Array(n);
  }
  lex.gates.text.open(v.compact, openText);
  if (digits) lex.gates.digits.open(v.digits, openDigits);
  for (const c of lex.withRegex) {
    const found = out[c.index] ?? [];
    if (openText[c.index] && (digits || !c.textNeedsDigit) && (nonAscii || !c.textNonAscii)) collect(c.text, v.compact, found);
    if (digits && openDigits[c.index]) collect(c.digits, v.digits, found);
  }
  // (Each list is sorted below, so the English matches may come after the others.)
  if (latin) {
    lex.gates.en.open(v.loose, openEn);
    for (const g of lex.enGroups) {
      // A group none of whose members could match is skipped before its joint test.
      if (!g.members.some((c) => openEn[c.index])) continue;
      if (g.any && !g.any.test(v.loose)) continue;
      for (const c of g.members) {
        const re = c.en;
        if (!re || !openEn[c.index]) continue;
        const found = out[c.index] ?? [];
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(v.loose)) !== null) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const o = looseSpan(v, m.index, m.index + m[0].length);
          const s = compactIndexAt(v, o[0]);
          const e = Math.max(s + 1, compactIndexAt(v, o[1]));
          found.push({ s, e });
        }
      }
    }
  }
  for (const found of out) if (found.length > 1) found.sort((a, b) => a.s - b.s || a.e - b.e);
  v.memo.concepts = out;
  return out;
}

const sentenceOf = (v: TextView, i: number): number => v.sentence[Math.min(Math.max(0, i), Math.max(0, v.compact.length - 1))] ?? 0;

function presentInSentence(list: ConceptMatch[] | undefined, v: TextView, sentence: number): boolean {
  if (!list) return false;
  for (const m of list) if (sentenceOf(v, m.s) === sentence) return true;
  return false;
}

/**
 * An innocent reading (a `none` concept) in the sentence, unless a contrast (不过, 但是, but) follows
 * it before `lastStart`: 发票可以开，不过邮费需要您自理 is still a condition.
 */
export function innocentInSentence(list: ConceptMatch[] | undefined, contrast: ConceptMatch[] | undefined, v: TextView, sentence: number, lastStart: number): boolean {
  if (!list) return false;
  for (const m of list) {
    if (sentenceOf(v, m.s) !== sentence) continue;
    const takenBack = contrast?.some((k) => k.s >= m.e && k.s < lastStart && sentenceOf(v, k.s) === sentence) ?? false;
    if (!takenBack) return true;
  }
  return false;
}

/** Longest concept occurrence a chain looks back for (compact characters). */
const MAX_WORD = 128;

/** Index of the first match of a start-sorted list starting at or after `pos` (binary search). */
export function firstAtOrAfter(list: readonly ConceptMatch[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.s ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Largest start of a start-sorted list's matches inside [s, e), or -1. */
function lastStartIn(list: readonly ConceptMatch[], s: number, e: number): number {
  const at = firstAtOrAfter(list, e) - 1;
  const m = list[at];
  return m && m.s >= s ? m.s : -1;
}

/** The first chain of the combo's concepts starting at `first`, or undefined. */
function chainFrom(v: TextView, lists: ConceptMatch[][], first: ConceptMatch, combo: Combo): [number, number] | undefined {
  const sentence = sentenceOf(v, first.s);
  let s = first.s;
  let e = first.e;
  for (let k = 1; k < lists.length; k++) {
    const list = lists[k] ?? [];
    let best: ConceptMatch | undefined;
    // Lists are sorted by start: begin near the window and stop past it.
    for (let at = firstAtOrAfter(list, s - combo.gap - MAX_WORD); at < list.length; at++) {
      const m = list[at] as ConceptMatch;
      if (m.s > e + combo.gap) break;
      const d = sentenceOf(v, m.s) - sentence;
      // With `sentences`, only another sentence: the same one is the plain combinations' (gap) business.
      if (combo.sentences === 0 ? d !== 0 : d === 0 || d > combo.sentences || d < (combo.any_order ? -combo.sentences : 0)) continue;
      const gapAfter = m.s - e;
      const gapBefore = s - m.e;
      // Overlapping occurrences (扫码 holds 码) do not make a pair.
      const ok = m.s >= e ? gapAfter <= combo.gap : combo.any_order && m.e <= s && gapBefore <= combo.gap;
      if (ok) {
        best = m;
        break;
      }
    }
    if (!best) return undefined;
    s = Math.min(s, best.s);
    e = Math.max(e, best.e);
  }
  return [s, e];
}

/** 我们不会随意关闭您的订单: a negation between the combination's parts takes it back. */
function innerNegation(c: CompiledGuard, v: TextView, span: [number, number], combo: Combo): boolean {
  // English runs words together on the compact view (s-cant-he qr), so only Chinese is checked.
  if (combo.alone || combo.all.length < 2 || v.latin) return false;
  return c.negBefore?.test(v.compact.slice(span[0], span[1])) ?? false;
}

export interface ConceptHit extends Hit {
  level: 'block' | 'warn';
  reason: string;
}

/** The families' combinations found in a view (D5 and D6 only where the context makes them apply). */
export function detectConcepts(
  c: CompiledGuard,
  v: TextView,
  ctx: { freeShipping?: boolean | undefined; askerIsBuyer?: boolean | undefined; platform?: string | undefined },
  matches?: ConceptMatch[][],
): ConceptHit[] {
  const lex = conceptLexicon();
  const found = matches ?? matchConcepts(lex, v);
  const hits: ConceptHit[] = [];
  const names = found[lex.byName.get('platform_name')?.index ?? -1] ?? [];
  const platforms = names.length > 0 ? platformLists(v, names, ctx.platform) : undefined;
  const foil = found[lex.byName.get('platform_foil')?.index ?? -1] ?? [];
  const list = (name: string): ConceptMatch[] => {
    if (name === 'foreign_platform') return platforms?.foreign ?? [];
    if (name === 'own_platform') return platforms?.own ?? [];
    const all = found[lex.byName.get(name)?.index ?? -1] ?? [];
    // The platform named as the obstacle (平台上拍不了, 京东支付有限额) is no innocent reading of it.
    if (name === 'platform_pay' && foil.length > 0) return all.filter((m) => !foil.some((f) => f.s <= m.s && m.e <= f.e));
    return all;
  };
  for (const fam of lex.families) {
    if (fam.rule === 'D5' && ctx.freeShipping !== true) continue;
    if (fam.rule === 'D6' && ctx.askerIsBuyer !== false) continue;
    if (!c.rules.has(fam.rule)) continue;
    for (const combo of fam.combos) {
      const lists = combo.all.map(list);
      if (lists.some((l) => l.length === 0)) continue;
      for (const first of lists[0] ?? []) {
        const span = combo.alone || lists.length === 1 ? ([first.s, first.e] as [number, number]) : chainFrom(v, lists, first, combo);
        if (!span) continue;
        const sentence = sentenceOf(v, span[0]);
        let lastStart = -1;
        for (const l of lists) lastStart = Math.max(lastStart, lastStartIn(l, span[0], span[1]));
        if (combo.none.some((n) => innocentInSentence(list(n), list('contrast'), v, sentence, lastStart))) continue;
        if (combo.require.some((n) => !presentInSentence(list(n), v, sentence))) continue;
        if ((combo.negatable ?? fam.negatable) && (isNegated(c, v, span[0], span[1]) || innerNegation(c, v, span, combo))) continue;
        const start = v.cStart[span[0]] ?? 0;
        const end = v.cEnd[Math.max(span[0], span[1] - 1)] ?? v.text.length;
        hits.push({ rule: fam.rule, start, end, level: combo.level, reason: fam.reason });
      }
    }
  }
  return hits;
}
