// D2 — no contact details or outside links: phone numbers, QQ, WeChat ids, e-mail, company
// address, URLs, other shops (seed 001: 严禁透露银行账号、QQ、电话号码和公司地址; 严禁提供外部店铺链接).
// Phone numbers are found on the digit view, so 一三八…, ①③⑧ and 幺 count as digits; a digit run
// shortly after an order/tracking word is an order number, not a phone.
import { detectByPatterns, extraRegex, isNegated, type Hit } from '../compile.js';
import { compactSpan } from '../normalize.js';
import type { Detector } from '../types.js';

export const d2ContactDetails: Detector = {
  rule: 'D2',
  scope: 'all',
  detect: ({ c, view }) => {
    const hits: Hit[] = detectByPatterns(c, view, 'D2');
    const phone = c.profile.rules.D2.phone;
    const numbers = extraRegex(c, 'D2.numbers', phone.numbers.map((p) => `^(?:${p})$`));
    const notAfter = extraRegex(c, 'D2.not_after', phone.not_after);
    if (!numbers) return hits;
    const d = view.digits;
    let i = 0;
    while (i < d.length) {
      const code = d.charCodeAt(i);
      if (code < 48 || code > 57) {
        i++;
        continue;
      }
      let j = i;
      while (j < d.length && d.charCodeAt(j) >= 48 && d.charCodeAt(j) <= 57) j++;
      const run = d.slice(i, j);
      if (numbers.test(run)) {
        const before = d.slice(Math.max(0, i - phone.lookbehind), i);
        if (!(notAfter?.test(before) ?? false) && !isNegated(c, view, i, j)) {
          const [start, end] = compactSpan(view, i, j);
          hits.push({ rule: 'D2', start, end });
        }
      }
      i = j;
    }
    return hits;
  },
};
