// D5 — when the shop or item promises 包邮, never tell the buyer the item is excluded or must pay
// postage (seed 001: 这款是特价宝贝,不参与活动 is a broken promise; Tmall 4 points per complaint).
// 包邮 covers the mainland only (seed 001 第二十一条), so Hong Kong/Macau/Taiwan/abroad are exempt.
import { clauseOf, detectByPatterns, extraRegex } from '../compile.js';
import { compactIndexAt } from '../normalize.js';
import type { Detector } from '../types.js';

export const d5FreeShipping: Detector = {
  rule: 'D5',
  scope: 'own',
  detect: ({ c, view, ctx }) => {
    if (ctx.freeShipping !== true) return [];
    const exempt = extraRegex(c, 'D5.exempt', c.profile.rules.D5.free_shipping.exemptions);
    return detectByPatterns(c, view, 'D5').filter((h) => {
      // The exemption may sit in the clause before (七天无理由退货的话，…邮费需要买家承担).
      const [cs, ce] = clauseOf(view, compactIndexAt(view, h.start));
      const [ps] = cs > 0 ? clauseOf(view, cs - 1) : [cs];
      return !(exempt?.test(view.compact.slice(ps, ce)) ?? false);
    });
  },
};
