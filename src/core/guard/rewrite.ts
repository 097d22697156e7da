// A compliant version of the whole reply (D: "offers a compliant rewrite"). Each hit replaces its
// span, its clause or the whole reply with the profile's wording, as the rule's `rewrite_mode`
// says; the result is checked again and, if something still trips the guard, the reply falls
// back to the compliant sentences of the rules that fired.
import type { CompiledGuard, Hit } from './compile.js';
import { compactIndexAt, type TextView } from './normalize.js';
import type { RuleId } from './profile-schema.js';

interface Edit {
  start: number;
  end: number;
  texts: string[];
}

function ruleText(c: CompiledGuard, rule: RuleId, locale: 'zh' | 'en'): string {
  return c.profile.rules[rule]?.rewrite[locale] ?? '';
}

/**
 * The whole sentences a hit touches (issue 11): replacing only its comma clause left fragments
 * such as "…我们随时为您服务，急的话直接打"; a sentence is replaced as a whole.
 */
function sentenceRange(v: TextView, start: number, end: number): [number, number] {
  const cs = compactIndexAt(v, start);
  const ce = Math.max(cs, compactIndexAt(v, end) - 1);
  const first = v.sentence[Math.min(cs, Math.max(0, v.compact.length - 1))] ?? 0;
  const last = v.sentence[Math.min(ce, Math.max(0, v.compact.length - 1))] ?? first;
  const a = v.sentenceO[first]?.[0] ?? start;
  const b = v.sentenceO[last]?.[1] ?? end;
  return [Math.min(a, start), Math.max(b, end)];
}

function tidy(s: string, locale: 'zh' | 'en'): string {
  let out = s.replace(/([?？!！])\1+/g, '$1').replace(/^[\s，。,.;；!！?？、~]+/, '').replace(/([，。；、])[\s，。,;；、]+/g, '$1');
  if (locale === 'en') out = out.replace(/([,;])[\s,;]*/g, '$1 ').replace(/\s{2,}/g, ' ');
  else out = out.replace(/([,;])[\s,;]+/g, '$1');
  return out.trim();
}

export function buildRewrite(
  c: CompiledGuard,
  v: TextView,
  hits: readonly Hit[],
  locale: 'zh' | 'en',
  isClean: (text: string) => boolean,
): string {
  const fallback = [...new Set(hits.map((h) => h.replaceWith ?? ruleText(c, h.rule, locale)))]
    .filter((t) => t.length > 0)
    .join(locale === 'en' ? ' ' : '，');
  const whole = hits.find((h) => c.profile.rules[h.rule]?.rewrite_mode === 'reply');
  if (whole) return ruleText(c, whole.rule, locale);

  const edits: Edit[] = [];
  let append = '';
  for (const h of hits) {
    if (h.append !== undefined) {
      if (!append.includes(h.append)) append += h.append;
      continue;
    }
    const mode = c.profile.rules[h.rule]?.rewrite_mode ?? 'span';
    const useSpan = h.replaceWith !== undefined || mode === 'span';
    const [start, end] = useSpan ? [h.start, h.end] : sentenceRange(v, h.start, h.end);
    const text = h.replaceWith ?? ruleText(c, h.rule, locale);
    edits.push({ start, end, texts: [text] });
  }
  edits.sort((a, b) => a.start - b.start);
  const merged: Edit[] = [];
  for (const e of edits) {
    const last = merged[merged.length - 1];
    if (last && e.start < last.end) {
      last.end = Math.max(last.end, e.end);
      for (const t of e.texts) if (!last.texts.includes(t)) last.texts.push(t);
    } else merged.push({ ...e, texts: [...e.texts] });
  }
  let out = '';
  let pos = 0;
  for (const e of merged) {
    out += v.text.slice(pos, e.start) + e.texts.join(locale === 'en' ? ' ' : '，');
    pos = e.end;
  }
  out += v.text.slice(pos);
  out = tidy(out, locale);
  if (append) out = out.replace(/[。.!！~]+$/, '') + append;
  // The rules' own sentences need no second check: the answer would be the fallback either way.
  if (out === fallback) return fallback;
  if (out.length > 0 && isClean(out)) return out;
  return fallback;
}
