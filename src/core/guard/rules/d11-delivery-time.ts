// D11 — delivery time stays vague where the shop cannot promise it: "如果不出问题的话，一般大约X天
// 左右到达" instead of 保证明天到 (seed 001). The rewrite turns the guarantee into the profile's
// approximate form, with the day count read from the hit (a day word such as 明天, or digits).
import { isNegated, scan, type Hit } from '../compile.js';
import type { Detector } from '../types.js';

export const d11DeliveryTime: Detector = {
  rule: 'D11',
  scope: 'own',
  detect: ({ c, view, locale }) => {
    const rule = c.rules.get('D11');
    if (!rule) return [];
    const { day_words: dayWords, template } = c.profile.rules.D11.delivery;
    const hits: Hit[] = [];
    for (const [re, name] of [
      [rule.compact, 'compact'],
      [rule.digits, 'digits'],
      [rule.loose, 'loose'],
    ] as const) {
      for (const h of scan(view, re, name, c)) {
        if (rule.def.within_clause && h.e > h.s && view.clause[h.s] !== view.clause[h.e - 1]) continue;
        if (rule.def.negatable && isNegated(c, view, h.s, h.e)) continue;
        // The day count: a number of days in the hit's clause (三天 reads 3天), else a day word.
        const [cs, ce] = view.clauseC[view.clause[h.s] ?? 0] ?? [h.s, h.e];
        const digits = /(\d+)(?:个)?(?:天|日|days?)/.exec(view.digits.slice(cs, ce))?.[1];
        const word = Object.keys(dayWords).find((w) => w !== 'default' && view.compact.slice(cs, ce).includes(w));
        const days = digits ?? (word ? dayWords[word] : undefined) ?? dayWords.default ?? '3';
        // English sentences do not splice: the approximate form replaces the whole clause.
        const [start, end] = locale === 'en' ? (view.clauseO[view.clause[h.s] ?? 0] ?? h.o) : h.o;
        hits.push({ rule: 'D11', start, end, replaceWith: template[locale].replace('{days}', days) });
      }
    }
    return hits;
  },
};
