// D11 — delivery time stays vague where the shop cannot promise it: "如果不出问题的话，一般大约X天
// 左右到达" instead of 保证明天到 (seed 001). The rewrite turns the guarantee into the profile's
// approximate form, with the day count read from the hit (a day word such as 明天, or digits).
import { scan, type Hit } from '../compile.js';
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
      for (const h of scan(view, re, name)) {
        const word = Object.keys(dayWords).find((w) => h.m[0].includes(w));
        const digits = /\d+/.exec(name === 'compact' ? view.digits.slice(h.s, h.e) : h.m[0])?.[0];
        const days = (word ? dayWords[word] : digits) ?? dayWords.default ?? '3';
        hits.push({ rule: 'D11', start: h.o[0], end: h.o[1], replaceWith: template[locale].replace('{days}', days) });
      }
    }
    return hits;
  },
};
