// D4 — invoices: never refuse, never charge tax points or postage, never 特价商品无法开票 /
// 只能开收据 / 只能开公司抬头 / 只能开办公用品类目; the excuses 纳税主体变更, 打印机维修, 额度用完,
// 财务不在 are allowed only with a promised later invoice on a stated date and shop-paid
// postage (seed 001; Tmall 6 points, from the profile's penalties).
import { detectByPatterns, extraRegex, scan, type Hit } from '../compile.js';
import type { Detector } from '../types.js';

export const d4Invoice: Detector = {
  rule: 'D4',
  scope: 'own',
  detect: ({ c, view }) => {
    const hits: Hit[] = detectByPatterns(c, view, 'D4');
    const inv = c.profile.rules.D4.invoice;
    const excuses = extraRegex(c, 'D4.excuses', inv.excuses, 'g');
    const found = scan(view, excuses, 'compact');
    if (found.length === 0) return hits;
    const date = extraRegex(c, 'D4.date', inv.remedy_date);
    const postage = extraRegex(c, 'D4.postage', inv.remedy_postage);
    const remedied = (date?.test(view.digits) ?? false) && (postage?.test(view.compact) ?? false);
    if (remedied) return hits;
    for (const f of found) hits.push({ rule: 'D4', start: f.o[0], end: f.o[1] });
    return hits;
  },
};
