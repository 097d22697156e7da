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
  /** On the phonetic view, initials allowed (Chinese text). */
  soundZh?: RegExp;
  /** On the phonetic view, no initials (Latin-only text: initials would match inside words). */
  soundLatin?: RegExp;
  text?: RegExp;
  /** `text` with initials, for Chinese text (concepts matched as written). */
  textZh?: RegExp;
  digits?: RegExp;
  en?: RegExp;
}

export interface ConceptLexicon {
  file: ConceptFile;
  concepts: CompiledConcept[];
  byName: Map<string, CompiledConcept>;
  families: Array<{ rule: RuleId; reason: string; negatable: boolean; combos: Combo[] }>;
}

/** A concept occurrence in compact indices [s, e). */
export interface ConceptMatch {
  s: number;
  e: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One word of a `sound` list as a regular expression on the phonetic view. Each syllable slot
 * accepts the syllable's code (any homophone) or its typed pinyin; on Chinese text one slot may be
 * an initial (v信, 微x, wei信 for 微信), and words of three or more syllables may be all initials
 * (hpfx). Two-letter initials alone (pf, fx) are too common to mean anything, and one-syllable words
 * are taken literally: a lone syllable has too many homophones (到/道, 加/家).
 */
function soundSource(word: string, initials: boolean, homophones: boolean): string {
  const chars = [...word];
  const cjk = chars.every((ch) => syllableOf(ch.charCodeAt(0)) >= 0);
  if (!cjk || chars.length < 2) return escape(word.toLowerCase());
  const full: string[] = [];
  const init: string[] = [];
  for (const ch of chars) {
    const id = syllableOf(ch.charCodeAt(0));
    const py = pinyinOf(ch) ?? '';
    full.push(homophones ? `(?:\\u${syllableCode(id).toString(16)}|${py})` : py);
    init.push(py.startsWith('w') ? '[wv]' : (py[0] ?? ''));
  }
  const alts = [full.join('')];
  if (!homophones) {
    // As written, on the compact view (the caller puts it there): the word or its typed pinyin.
    alts[0] = escape(word);
    alts.push(full.join(''));
    if (initials && chars.length >= 3) alts.push(`(?<![a-z])${init.join('')}(?![a-z])`);
    return alts.join('|');
  }
  if (initials) {
    for (let i = 0; i < chars.length; i++) alts.push(full.map((f, k) => (k === i ? init[k] : f)).join(''));
    if (chars.length >= 3) alts.push(`(?<![a-z])${init.join('')}`);
  }
  return alts.join('|');
}

function compileOne(name: string, index: number, def: ConceptFile['concepts'][string]): CompiledConcept {
  const out: CompiledConcept = { name, index };
  const mk = (sources: string[], flags = 'g'): RegExp | undefined => {
    if (sources.length === 0) return undefined;
    try {
      return new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags);
    } catch (err) {
      throw new DxeError('PROFILE_INVALID', `rules/guard-concepts.yaml: 概念 ${name} 的正则表达式无效（${(err as Error).message}）`);
    }
  };
  // Longer words first, so the alternation prefers the whole phrase.
  const words = [...def.sound].sort((a, b) => b.length - a.length);
  if (def.homophones) {
    out.soundZh = mk(words.map((w) => soundSource(w, true, true)));
    out.soundLatin = mk(words.map((w) => soundSource(w, false, true)));
    out.text = mk(def.text);
  } else {
    // Matched as written: one regex on the compact view (initials only on Chinese text).
    out.textZh = mk([...words.map((w) => soundSource(w, true, false)), ...def.text]);
    out.text = mk([...words.map((w) => soundSource(w, false, false)), ...def.text]);
  }
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
  for (const [name, def] of Object.entries(file.concepts)) {
    const cc = compileOne(name, concepts.length, def);
    concepts.push(cc);
    byName.set(name, cc);
  }
  const families: ConceptLexicon['families'] = [];
  for (const [rule, fam] of Object.entries(file.families)) {
    for (const combo of fam.combos) {
      for (const n of [...combo.all, ...combo.none, ...combo.require]) {
        if (!byName.has(n)) throw new DxeError('PROFILE_INVALID', `${label}: families.${rule}: 未定义的概念 ${n}`);
      }
    }
    families.push({ rule: rule as RuleId, reason: fam.reason, negatable: fam.negatable, combos: fam.combos });
  }
  return { file, concepts, byName, families };
}

/** The shipped lexicon, compiled on first use. */
export function conceptLexicon(): ConceptLexicon {
  lexicon ??= compileLexicon(readShippedFile(import.meta.url, '../../../rules/guard-concepts.yaml'));
  return lexicon;
}

const LETTER = /[a-z]/i;

function collect(re: RegExp | undefined, src: string, out: ConceptMatch[], words?: TextView): void {
  if (!re) return;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const s = m.index;
    const e = m.index + m[0].length;
    if (words) {
      // Pinyin typed in an English reply counts only as whole words ("you like" is not 有礼).
      const before = words.text[(words.cStart[s] ?? 0) - 1] ?? ' ';
      const after = words.text[words.cEnd[e - 1] ?? 0] ?? ' ';
      if (LETTER.test(before) || LETTER.test(after)) continue;
    }
    out.push({ s, e });
  }
}

const HAS_DIGIT = /\d/;
const HAS_LATIN = /[a-z]/i;

/** Every occurrence of every concept in a view, indexed by concept. */
export function matchConcepts(lex: ConceptLexicon, v: TextView): ConceptMatch[][] {
  const out: ConceptMatch[][] = [];
  const digits = HAS_DIGIT.test(v.digits);
  const latin = HAS_LATIN.test(v.compact);
  for (const c of lex.concepts) {
    const found: ConceptMatch[] = [];
    if (v.latin) collect(c.soundLatin, v.phon, found, v);
    else collect(c.soundZh, v.phon, found);
    collect(!v.latin && c.textZh ? c.textZh : c.text, v.compact, found);
    if (digits) collect(c.digits, v.digits, found);
    if (latin && c.en) {
      const re = c.en;
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
    if (found.length > 1) found.sort((a, b) => a.s - b.s);
    out.push(found);
  }
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

/** The first chain of the combo's concepts starting at `first`, or undefined. */
function chainFrom(v: TextView, lists: ConceptMatch[][], first: ConceptMatch, combo: Combo): [number, number] | undefined {
  const sentence = sentenceOf(v, first.s);
  let s = first.s;
  let e = first.e;
  for (let k = 1; k < lists.length; k++) {
    const list = lists[k] ?? [];
    let best: ConceptMatch | undefined;
    for (const m of list) {
      if (sentenceOf(v, m.s) !== sentence) continue;
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
  ctx: { freeShipping?: boolean | undefined; askerIsBuyer?: boolean | undefined },
  matches?: ConceptMatch[][],
): ConceptHit[] {
  const lex = conceptLexicon();
  const found = matches ?? matchConcepts(lex, v);
  const hits: ConceptHit[] = [];
  const list = (name: string): ConceptMatch[] => found[lex.byName.get(name)?.index ?? -1] ?? [];
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
        const lastStart = Math.max(...lists.map((l) => l.filter((m) => m.s >= span[0] && m.s < span[1]).reduce((a, m) => Math.max(a, m.s), -1)));
        if (combo.none.some((n) => innocentInSentence(list(n), list('contrast'), v, sentence, lastStart))) continue;
        if (combo.require.some((n) => !presentInSentence(list(n), v, sentence))) continue;
        if (fam.negatable && (isNegated(c, v, span[0], span[1]) || innerNegation(c, v, span, combo))) continue;
        const start = v.cStart[span[0]] ?? 0;
        const end = v.cEnd[Math.max(span[0], span[1] - 1)] ?? v.text.length;
        hits.push({ rule: fam.rule, start, end, level: combo.level, reason: fam.reason });
      }
    }
  }
  return hits;
}
