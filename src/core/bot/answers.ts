// Choosing and filling standard answers (C12) and cutting them into short messages (C4).
//
// Placeholders: {shop.name} {shop.agent} {shop.ship_cutoff} {shop.couriers}
// {item.title} {item.price} {item.colours} {item.attrs} {item.choices} {attr.name} {attr.value} {variant}
// {stock.count} {restock.date} {size} {size.small} {size.basis} {rec.title} {rec.price}
// {coupon.text} {gift.text} {freight.text} {promo.list} {region} {fee} {courier}
// {order.no} {order.tracking_no} {order.courier} {order.latest_event} {order.latest_at}
// {order.receiver} {order.phone} {order.address} {order.note} {order.refund_state}
// {invoice.types} {invoice.when} {return.days} {return.shipping} {shop.bot} {size.list}
// {size.asked} {stuck.days} {language} {disruption.cause} {disruption.recovery}
import { defaultAnswer, type AnswerLanguage } from './default-answers.js';
import type { StandardAnswer } from './types.js';

export type TemplateVars = Record<string, string | number | undefined>;

const PLACEHOLDER = /\{([a-z_]+(?:\.[a-z_]+)*)\}/g;

/** Fill every placeholder; null when any value is missing or empty (never leave a `{…}`). */
export function fillTemplate(template: string, vars: TemplateVars): string | null {
  let missing = false;
  const out = template.replace(PLACEHOLDER, (_m, name: string) => {
    const v = vars[name];
    if (v === undefined || v === '') {
      missing = true;
      return '';
    }
    return String(v);
  });
  return missing ? null : out;
}

/** Placeholder names a template uses. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** A small stable string hash, so rotation differs between keys but never between runs. */
function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h;
}

const MAX_LINE = 40;

/** One message per line; a long line is cut after sentence punctuation, then commas (C4). */
export function splitMessages(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.length <= MAX_LINE) {
      out.push(line);
      continue;
    }
    // Sentences first; a sentence still too long is cut after its commas.
    const sentences = line.match(/[^。！？；!?;]+[。！？；!?;]*/gu) ?? [line];
    const pieces = sentences.flatMap((x) =>
      x.length <= MAX_LINE ? [x] : (x.match(/[^，,、]+[，,、]*/gu) ?? [x]),
    );
    let cur = '';
    for (const p of pieces) {
      if (cur && (cur + p).length > MAX_LINE) {
        out.push(cur.trim());
        cur = '';
      }
      cur += p;
    }
    if (cur.trim()) out.push(cur.trim());
  }
  return out;
}

export interface PickedAnswer {
  intent: string;
  variantIndex: number;
  messages: string[];
}

/**
 * The answer for `key`: the shop's own library first, the product defaults after. Variants
 * rotate with `turn` (deterministic: same conversation position, same wording); a variant whose
 * data is missing is skipped. Null when no variant can be filled.
 */
const HAN = /[\u4e00-\u9fff]/u;

/**
 * The answer for `key` in `lang`. A shop's own library is written in Chinese: for an English reply
 * only its entries without Chinese text are used, then the English defaults (issue 12).
 */
export function pickAnswer(
  key: string,
  library: StandardAnswer[],
  vars: TemplateVars,
  turn: number,
  lang: AnswerLanguage = 'zh',
): PickedAnswer | null {
  const own = library.find((a) => a.intent === key);
  const usable = own && (lang === 'zh' || !own.variants.some((v) => HAN.test(v))) ? own : undefined;
  const sources = [usable, defaultAnswer(key, lang)];
  for (const source of sources) {
    if (!source || source.variants.length === 0) continue;
    const n = source.variants.length;
    const start = (turn + hash(key)) % n;
    for (let k = 0; k < n; k++) {
      const index = (start + k) % n;
      const filled = fillTemplate(source.variants[index] ?? '', vars);
      if (filled !== null) return { intent: key, variantIndex: index, messages: splitMessages(filled) };
    }
  }
  return null;
}
