// The reply guard (D1–D11): every outgoing message, bot or person, is checked before it is sent.
// Pure: the caller passes the merged rule profile; compiled matchers are cached per profile object.
import { DxeError } from '../errors.js';
import { compileGuard, isNegated, type CompiledGuard, type Hit } from './compile.js';
import { conceptLexicon, detectConcepts, innocentInSentence, matchConcepts } from './concepts.js';
import { confirmDefinite, learnedFindings } from './learned.js';
import { compactIndexAt, compactSpan, looksEnglish, type TextView } from './normalize.js';
import { politeFor } from './phrases.js';
import { splitPhone } from './split-digits.js';
import { extractPromises } from './promises.js';
import type { GuardProfile, RuleId } from './profile-schema.js';
import { buildRewrite } from './rewrite.js';
import { DETECTORS } from './detectors.js';
import type { GuardContext, GuardResult, Violation } from './types.js';

/** Points per rule: a number, or `{ points }`, as the profile's penalties section states them. */
export type PenaltyTable = Readonly<Record<string, unknown>>;

/** The merged platform profile (core/rules `profileFor`), or any object with these two parts. */
export interface GuardInputProfile {
  /** The platform the profile is for (taobao, tmall, jd, pdd, aliexpress). */
  platform?: string | undefined;
  guard?: GuardProfile | undefined;
  penalties?: { by_rule?: PenaltyTable } | undefined;
}

/** Points the platform charges for a rule (0 when the profile names none). */
export function pointsFor(penalties: PenaltyTable | undefined, rule: RuleId): number {
  const entry = penalties?.[rule];
  if (typeof entry === 'number') return entry;
  if (entry && typeof entry === 'object') {
    const p: unknown = Reflect.get(entry, 'points');
    if (typeof p === 'number') return p;
  }
  return 0;
}

function detectAll(profile: GuardProfile, text: string, ctx: GuardContext, locale: 'zh' | 'en'): { hits: Hit[]; own: TextView } {
  const c = compileGuard(profile);
  const own = c.norm.view(text);
  const prev = (ctx.previousOutgoing ?? []).slice(-profile.split_window);
  const prefix = prev.join('');
  const all = prefix.length > 0 ? c.norm.view(prefix + text) : own;
  const hits: Hit[] = [];
  const beyond = findingsBeyondPatterns(c, all, ctx, locale);
  pushClipped(hits, beyond, all === own ? 0 : prefix.length);
  // The learned layer reads this reply only: earlier messages were checked when they were sent.
  hits.push(...learnedHits(c, own, ctx, locale, all === own ? hits : undefined));
  for (const d of DETECTORS) {
    const view = d.scope === 'all' ? all : own;
    const found = d.detect({ c, view, ctx, locale });
    // Split evasions: keep hits that reach into this reply, clipped to it.
    pushClipped(hits, found, view === own ? 0 : prefix.length);
  }
  return { hits: dropSubsumed(mergeHits(onePerSpan(dropInnocent(dropDisavowed(dropQuoted(hits, text), own), own), own)), own), own };
}

const QUOTABLE = new Set<string>(['D1', 'D2', 'D3', 'D4', 'D9']);
/** Words right after a closing quotation mark that take the quoted words on (也行, 可以, that works). */
const ACCEPTED_AFTER = /^[\s，,、的]*(也行|也可以|也没问题|可以的?|没问题|就行|行的|都行|是可以|ok|okay|is fine|works|is ok)/i;
const QUOTES: ReadonlyArray<[string, string]> = [['“', '”'], ['「', '」'], ['『', '』'], ['"', '"'], ['《', '》']];

/**
 * Words in quotation marks are someone else's words, not the agent's act: the buyer's request
 * quoted to refuse it (您说“加微信便宜点”，这个真不行), a slogan printed on a product (印的是“别烦我”).
 * A D1, D2, D3, D4 or D9 finding lying wholly inside one quotation is dropped; one reaching outside it
 * (搜“老周修家电”) stays.
 */
function dropQuoted(hits: Hit[], text: string): Hit[] {
  if (!hits.some((h) => QUOTABLE.has(h.rule))) return hits;
  const spans: Array<[number, number]> = [];
  for (const [open, close] of QUOTES) {
    let at = text.indexOf(open);
    while (at >= 0) {
      const end = text.indexOf(close, at + 1);
      if (end < 0) break;
      // Round 12 (D1): a quotation the agent then accepts (您说的“转账”也行) is the agent's word.
      if (!ACCEPTED_AFTER.test(text.slice(end + 1, end + 12))) spans.push([at + 1, end]);
      at = text.indexOf(open, end + 1);
    }
  }
  if (spans.length === 0) return hits;
  return hits.filter((h) => !(QUOTABLE.has(h.rule) && spans.some(([s, e]) => s <= h.start && h.end <= e)));
}

const DISAVOWABLE = new Set<string>(['D1', 'D2', 'D6', 'D9']);

const ASKING = /多大|多少|什么|哪|几|怎么|啥|\b(how|what|which|where)\b/i;
const TELLING = /\d|对吧|是吧|是不是|对不对|没错吧|\b(right|correct|isn.?t it)\b/i;

/**
 * Whether the sentence holding `pos` only asks the other account something (她平时穿多大码？): a
 * question with a question word, no figure and no confirming tag (…地址在丰台，对吧？ tells it).
 */
function onlyAsks(own: TextView, pos: number): boolean {
  const k = firstEndingAfter(own.sentenceO, pos);
  const range = k >= 0 ? own.sentenceO[k] : undefined;
  const [s, e] = range ?? [0, own.text.trimEnd().length - 1];
  const ch = own.text[e];
  if (ch !== '？' && ch !== '?') return false;
  const sentence = own.text.slice(s, e);
  return ASKING.test(sentence) && !TELLING.test(sentence);
}

/**
 * A finding of D1, D2 or D9 in a sentence where the shop disowns that very thing (如果有人让您加微信
 * 转账，那都不是我们的人; 好评返现我们不做) is a warning to the buyer, not the violation — unless a
 * contrast (但是, 不过) after the disowning takes it back before the finding.
 */
function dropDisavowed(hits: Hit[], own: TextView): Hit[] {
  if (!hits.some((h) => DISAVOWABLE.has(h.rule))) return hits;
  // D6: a sentence only asking the other account something (她平时穿多大码？) tells it nothing.
  hits = hits.filter((h) => h.rule !== 'D6' || !onlyAsks(own, h.start));
  const lex = conceptLexicon();
  const m = matchConcepts(lex, own);
  const list = (name: string) => m[lex.byName.get(name)?.index ?? -1];
  const disavow = [...(list('disavow') ?? []), ...(list('scam_warning') ?? [])];
  // D6: a sentence that refuses the details or sends the asker to the ordering account.
  const privacy = list('ask_own_account') ?? [];
  if (disavow.length === 0 && privacy.length === 0) return hits;
  const contrast = list('contrast');
  return hits.filter((h) => {
    if (!DISAVOWABLE.has(h.rule)) return true;
    const cs = compactIndexAt(own, h.start);
    const sentence = own.sentence[Math.min(cs, Math.max(0, own.compact.length - 1))] ?? 0;
    return !innocentInSentence(h.rule === 'D6' ? privacy : disavow, contrast, own, sentence, cs);
  });
}

/**
 * Innocent readings the profile's phrase lists do not know, from the concept lexicon: a product or
 * its feature carrying the words (收款码支架, 扫码枪支持微信付款码) in the sentence of a D1 or D2
 * finding, a fashion label (抖音同款) in a D2 one, a wallet named at the platform's checkout in an
 * English D1 one (pay at checkout with PayPal), the shop bearing a cost right beside a D4
 * finding (税点我们承担), and the buyer's own request in the sentence of a D7 one (按您刚才的要求). A contrast after the innocent words (但是…) takes them back.
 */
function dropInnocent(hits: Hit[], own: TextView): Hit[] {
  if (!hits.some((h) => h.rule === 'D1' || h.rule === 'D2' || h.rule === 'D4' || h.rule === 'D7')) return hits;
  const lex = conceptLexicon();
  const m = matchConcepts(lex, own);
  const list = (name: string) => m[lex.byName.get(name)?.index ?? -1] ?? [];
  const contrast = list('contrast');
  const product = list('product_feature');
  const trend = list('trend_phrase');
  // …unless the reply also steers away from that checkout (instead of through AliExpress) or
  // names a rail no checkout offers (by Western Union).
  // Round 12: so does a reply blaming the platform for being slow (the refund through AliExpress takes weeks).
  const steersAway = list('skip_checkout').length > 0 || list('avoid_platform').length > 0 || list('pay_rail').length > 0 || list('platform_foil').length > 0;
  const checkout = own.latin && !steersAway ? list('platform_pay') : [];
  const noCost = list('no_cost');
  const asked = list('buyer_asked');
  return hits.filter((h) => {
    if (h.rule !== 'D1' && h.rule !== 'D2' && h.rule !== 'D4' && h.rule !== 'D7') return true;
    const cs = compactIndexAt(own, h.start);
    const ce = compactIndexAt(own, h.end);
    const sentence = own.sentence[Math.min(cs, Math.max(0, own.compact.length - 1))] ?? 0;
    if (h.rule === 'D4') {
      // Right beside the finding, in its clause (税点我们承担; not 加税点，运费我们承担).
      const clause = own.clause[Math.min(cs, Math.max(0, own.compact.length - 1))];
      return !noCost.some((k) => k.e >= cs - 3 && k.s <= ce + 3 && own.clause[k.s] === clause);
    }
    if (h.rule === 'D7') return !innocentInSentence(asked, contrast, own, sentence, cs);
    const innocents = h.rule === 'D1' ? [...product, ...checkout] : [...product, ...trend];
    return !innocentInSentence(innocents.sort((a, b) => a.s - b.s), contrast, own, sentence, cs);
  });
}

/** Hits found on a view that may start with earlier messages, clipped to this reply. */
function pushClipped(out: Hit[], found: Hit[], prefixLength: number): void {
  for (const h of found) {
    if (h.end <= prefixLength) continue;
    const hit: Hit = { ...h, start: Math.max(0, h.start - prefixLength), end: h.end - prefixLength };
    if (h.start < prefixLength) hit.split = true;
    out.push(hit);
  }
}

/**
 * Issue 11: the concept combinations of rules/guard-concepts.yaml, phone numbers in pieces, and
 * the learned layer — everything the profile's phrase lists do not already say.
 */
function findingsBeyondPatterns(c: CompiledGuard, view: TextView, ctx: GuardContext, locale: 'zh' | 'en'): Hit[] {
  const out: Hit[] = [];
  const matches = matchConcepts(conceptLexicon(), view);
  for (const h of detectConcepts(c, view, ctx, matches)) {
    // A finding inside one already decorated to its clause or sentence (D10, D11) of the same rule
    // and certainty adds nothing: a phrase repeated twenty times is one finding, decorated once.
    const suspected = h.level === 'warn';
    if (out.some((o) => o.rule === h.rule && !!o.suspected === suspected && o.replaceWith !== undefined && o.start <= h.start && h.end <= o.end)) continue;
    const hit: Hit = { rule: h.rule, start: h.start, end: h.end };
    if (suspected) {
      hit.suspected = true;
      hit.reason = h.reason;
    }
    decorate(c, view, hit, locale);
    out.push(hit);
  }
  const phone = splitPhone(view);
  if (phone && !isNegated(c, view, phone[0], phone[1])) {
    const [start, end] = compactSpan(view, phone[0], phone[1]);
    out.push({ rule: 'D2', start, end });
  }
  return out;
}

/**
 * The learned layer's findings. Alone it only raises a 疑似; it blocks where a concept combination
 * of the same family agrees (a confident score on a phrasing no lexicon explains stays a warning).
 */
function learnedHits(c: CompiledGuard, own: TextView, ctx: GuardContext, locale: 'zh' | 'en', ownHits?: Hit[]): Hit[] {
  const matches = matchConcepts(conceptLexicon(), own);
  const conceptHits: Hit[] = ownHits ?? detectConcepts(c, own, ctx, matches);
  const conceptRules = new Set(conceptHits.map((h) => h.rule));
  const out: Hit[] = [];
  for (const h of learnedFindings(c, own, ctx, matches)) {
    if (conceptRules.has(h.rule)) {
      // The concept finding has the better span; a confident score makes a 疑似 of it definite.
      // D8 stays 疑似: whether a promise was really broken needs its state (issue 11, promise states).
      if (!h.suspected && ownHits && h.rule !== 'D8') for (const k of ownHits) if (k.rule === h.rule && k.suspected) k.suspected = false;
      continue;
    }
    if (!h.suspected) {
      h.suspected = true;
      h.reason = conceptLexicon().families.find((f) => f.rule === h.rule)?.reason ?? '疑似违规';
    }
    decorate(c, own, h, locale);
    out.push(h);
  }
  return out;
}

/**
 * Index of the first range ending after `pos`, or -1: `ranges.findIndex(([, e]) => pos < e)` by
 * binary search. A view's clauses and sentences are in order, so their ends never decrease; the
 * merging below asks this for every pair of findings (issue 11, latency).
 */
function firstEndingAfter(ranges: ReadonlyArray<readonly [number, number]>, pos: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid]?.[1] ?? Infinity) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length ? lo : -1;
}

const DAYS_RE = /(\d+)(?:个)?(?:天|日|days?)/;

/** The replacement a finding's rule words itself (D10: a C14 model phrase; D11: the vague form). */
function decorate(c: CompiledGuard, view: TextView, h: Hit, locale: 'zh' | 'en'): void {
  if (h.rule === 'D10') {
    // The blaming clause only: what follows (我们可以帮您换) stays.
    const ci = firstEndingAfter(view.clauseO, h.start);
    let cj = ci;
    while (cj + 1 < view.clauseO.length && (view.clauseO[cj + 1]?.[0] ?? Infinity) < h.end) cj++;
    const s = Math.min(h.start, view.clauseO[Math.max(0, ci)]?.[0] ?? h.start);
    const e = Math.max(h.end, view.clauseO[Math.max(0, cj)]?.[1] ?? h.end);
    h.start = s;
    h.end = e;
    h.replaceWith = politeFor(locale);
  } else if (h.rule === 'D11') {
    const [s, e] = sentenceRange(view, h.start, h.end);
    const { day_words: dayWords, template } = c.profile.rules.D11.delivery;
    // The sentence's compact and digit views are slices of this view's (no second normalisation).
    const cs = compactIndexAt(view, s);
    const ce = compactIndexAt(view, e);
    const digits = DAYS_RE.exec(view.digits.slice(cs, ce))?.[1];
    const compact = view.compact.slice(cs, ce);
    const word = Object.keys(dayWords).find((w) => w !== 'default' && compact.includes(w));
    const days = digits ?? (word ? dayWords[word] : undefined) ?? dayWords.default ?? '3';
    h.start = s;
    h.end = e;
    h.replaceWith = template[locale].replace('{days}', days);
  }
}

/** Original [start, end) of the sentences a span touches. */
function sentenceRange(view: TextView, start: number, end: number): [number, number] {
  const first = firstEndingAfter(view.sentenceO, start);
  let last = first;
  while (last + 1 < view.sentenceO.length && (view.sentenceO[last + 1]?.[0] ?? Infinity) < end) last++;
  const a = view.sentenceO[Math.max(0, first)]?.[0] ?? start;
  const b = view.sentenceO[Math.max(0, last)]?.[1] ?? end;
  return [Math.min(a, start), Math.max(b, end)];
}

/**
 * One violation per span (issue 11): a suspected finding is dropped where a definite one of any
 * rule covers it or where its rule is already definite in the reply; of the same rule, findings in
 * one sentence become one.
 */
function onePerSpan(hits: Hit[], own: TextView): Hit[] {
  // A bare negative's added reason (D10 `append`) is no finding of a span: it hides nothing.
  const definite = hits.filter((h) => !h.suspected && h.append === undefined);
  const definiteRules = new Set(definite.map((h) => h.rule));
  // Contempt outranks tone: a definite D10 (说了三遍了) does not hide a suspected D3 in it (…脑子);
  // a promise taken back (D8) is its own fault, whatever else the sentence breaks (开不了了: D4).
  const kept = hits.filter((h) => !h.suspected || (!definiteRules.has(h.rule) && !definite.some((d) => overlaps(d, h) && h.rule !== 'D8' && !(h.rule === 'D3' && d.rule === 'D10'))));
  const sentenceAt = (pos: number): number => firstEndingAfter(own.sentenceO, pos);
  return mergeWhere(
    kept,
    (o, h) =>
      o.rule === h.rule &&
      !!o.suspected === !!h.suspected &&
      o.append === undefined &&
      h.append === undefined &&
      o.replaceWith === undefined &&
      h.replaceWith === undefined &&
      (overlaps(o, h) || sentenceAt(o.start) === sentenceAt(h.start)),
  );
}

/**
 * Hits in order, each merged into the first earlier kept hit it is `same` as (that hit's span
 * grows to cover both) or kept as a copy. The inputs are not changed.
 */
function mergeWhere(hits: readonly Hit[], same: (kept: Hit, next: Hit) => boolean): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    const into = out.find((o) => same(o, h));
    if (into) {
      into.start = Math.min(into.start, h.start);
      into.end = Math.max(into.end, h.end);
      continue;
    }
    out.push({ ...h });
  }
  return out;
}

const overlaps = (a: Hit, b: Hit): boolean => a.start < b.end && b.start < a.end;

/**
 * One fault, one rule: 加我微信转账 is an off-platform payment (D1), not also a contact leak (EVAL §2
 * example); a buyer's phone told to another account is a privacy leak (D6), not the shop's
 * contact (D2); a bare negative in a reply with another violation (特价商品无法开票) is that violation; and
 * a rude reply (D3) is not also reported for its tone (D10).
 */
function dropSubsumed(hits: Hit[], own: TextView): Hit[] {
  const hasRude = hits.some((h) => h.rule === 'D3');
  const clauseAt = (pos: number): number => firstEndingAfter(own.clauseO, pos);
  return hits.filter((h) => {
    if (h.rule === 'D2') {
      // 加我微信转账 is the payment (D1) only; a handle or number actually given (加我vx：mumu_88，转账
      // 发货; 打到建行卡6217…) is also the contact detail itself (D2), whatever else it is for.
      const c = clauseAt(h.start);
      if (hits.some((o) => o.rule === 'D6' && overlaps(o, h))) return false;
      return namesIdentifier(own.text, h) || !hits.some((o) => o.rule === 'D1' && (overlaps(o, h) || clauseAt(o.start) === c));
    }
    if (h.rule === 'D10' && hasRude) return false;
    // A bare negative in a short reply that already breaks a rule is that rule's wording.
    // …and so is one in a reply already found blaming (您装反了，当然用不了): one D10 finding is enough.
    if (h.rule === 'D10' && h.append !== undefined) return !hits.some((o) => o.rule !== 'D10' || o.append === undefined);
    return true;
  });
}

/** A concrete handle: an id with a digit, five or more digits (spaced or in Chinese numerals), an e-mail. */
const IDENTIFIER = /[a-z][a-z0-9_.]{2,}\d|\d{5,}|[零〇一二三四五六七八九两幺]{5,}|@|\(at\)|\[at\]|paypal\.me/i;

/** Whether a D2 finding, or the few characters after it, spells out a handle or a number. */
function namesIdentifier(text: string, h: Hit): boolean {
  return IDENTIFIER.test(text.slice(h.start, Math.min(text.length, h.end + 24)).replace(/[\s\-－]/g, ''));
}

/** One hit per rule and overlapping stretch of text. */
function mergeHits(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return mergeWhere(hits, (o, h) => o.rule === h.rule && !!o.suspected === !!h.suspected && overlaps(o, h));
}

function costSentence(profile: GuardProfile, title: string, points: number): string {
  const t = points > 0 ? profile.cost_text.with_points : profile.cost_text.without_points;
  return t.replace('{points}', String(points)).replace('{title}', title);
}

/** Check one reply. `profile` is the merged platform profile (its `guard` and `penalties`). */
/**
 * D2 is about sending the buyer elsewhere: the shop naming itself (欢迎光临小二服饰旗舰店) is not
 * another shop. A D2 finding that lies wholly inside the shop's own name is dropped.
 */
function withoutOwnName<H extends { rule: string; start: number; end: number }>(hits: H[], text: string, shopName: string | undefined): H[] {
  const name = shopName?.trim();
  if (!name || name.length < 2 || !text.includes(name)) return hits;
  const spans: [number, number][] = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) spans.push([i, i + name.length]);
  return hits.filter((h) => !(h.rule === 'D2' && spans.some(([s, e]) => s <= h.start && h.end <= e)));
}

export function checkReply(text: string, profile: GuardInputProfile, ctxIn: GuardContext = {}): GuardResult {
  const g = profile.guard;
  const ctx: GuardContext = ctxIn.platform === undefined && profile.platform !== undefined ? { ...ctxIn, platform: profile.platform } : ctxIn;
  if (!g) throw new DxeError('PROFILE_INVALID', '规则配置缺少 guard（回复检查）部分');
  const locale = ctx.locale ?? (looksEnglish(text) ? 'en' : /[\u3400-\u9fff]/.test(text) ? 'zh' : g.locale);
  const found = detectAll(g, text, ctx, locale);
  const own = found.own;
  const hits = withoutOwnName(found.hits, text, ctx.shopName);
  const c = compileGuard(g);
  // Round 12: a block needs confident evidence; a literal hit the model does not back is 疑似.
  confirmDefinite(c, own, hits);
  const promises = extractPromises(c, own);
  if (hits.length === 0) return { verdict: 'pass', violations: [], promises };
  const rewrite = buildRewrite(c, own, hits, locale, (t) => withoutOwnName(detectAll(g, t, { ...ctx, previousOutgoing: [] }, locale).hits, t, ctx.shopName).length === 0);
  const violations: Violation[] = hits.map((h) => {
    const def = g.rules[h.rule];
    if (!def) throw new DxeError('PROFILE_INVALID', `规则配置缺少 guard.rules.${h.rule}`);
    const points = pointsFor(profile.penalties?.by_rule, h.rule);
    const message = `【${h.rule} ${def.title}】${def.message.replace('{cost}', costSentence(g, def.title, points))}`;
    if (h.suspected) {
      const quote = text.slice(h.start, h.end).trim();
      const reason = `${h.reason ?? `疑似${def.title}`}：「${quote.length > 40 ? `${quote.slice(0, 40)}…` : quote}」`;
      return { rule: h.rule, severity: 'warn', points, span: [h.start, h.end], message: `${reason}。${message}`, rewrite, suspected: true, reason };
    }
    return { rule: h.rule, severity: def.severity, points, span: [h.start, h.end], message, rewrite };
  });
  const verdict = violations.some((v) => v.severity === 'block') ? 'block' : 'warn';
  // A blocked clause is never sent, so what it offers (加我微信转账可以便宜10元) is no commitment.
  const kept = promises.filter(
    (p) => !violations.some((v) => v.severity === 'block' && v.span[0] < p.span[1] && p.span[0] < v.span[1]),
  );
  return { verdict, violations, promises: kept };
}
