// S1: the shop's buyer notice (买家须知) generated from its settings (and a draft of the notice's own
// fields, not saved), each line checked by the reply guard and by the return-window check of
// core/followups/buyer-notice.ts; flagged lines carry the rule in Chinese.
import { buildBuyerNotice, buyerNoticeSettingsSchema, noticeFlags, type BuyerNoticeSettings, type NoticeFlag } from '../../core/followups/buyer-notice.js';
import type { Database } from '../../store/open-database.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { guardContext, guardReply, ruleTitle } from '../conversations/guard-reply.js';
import { loadShopContext } from '../shops/shop-context.js';

export interface BuyerNoticeView {
  shopId: string;
  notices: { lang: 'zh' | 'en'; lines: { section: string; text: string; own: boolean; flags: NoticeFlag[] }[] }[];
  /** Lines with a finding that is not merely 疑似. */
  flagged: number;
}

export async function buyerNotice(database: Database, p: Principal, shopId: string, draft?: BuyerNoticeSettings): Promise<BuyerNoticeView> {
  assertShopAccess(p, shopId);
  const shop = await loadShopContext(database, shopId);
  const s = shop.settings;
  const stored = buyerNoticeSettingsSchema.safeParse((s as Record<string, unknown>).buyerNotice ?? {});
  const extra = { ...(stored.success ? stored.data : {}), ...(draft ?? {}) };
  const profile = shop.profile;
  const noticeShop = {
    name: shop.shop.name, platform: profile.platform, shipCutoff: s.shipCutoff, couriers: s.couriers, freeShipping: s.freeShipping,
    freeShippingExcludedRegions: s.freeShippingExcludedRegions, returnDays: s.returnDays, returnShippingNote: s.returnShippingNote,
    invoice: s.invoice, shipByHours: profile.shipping.ship_by_hours,
  };
  const table = profile.penalties.table as Record<string, { title?: string }>;
  const penaltyTitle = table.trade_promise?.title ?? null;
  const ctx = guardContext({ freeShipping: s.freeShipping, previousOutgoing: [], askerIsBuyer: true });
  // Chinese always; English too for AliExpress, whose buyers read English (seed 003).
  const langs: ('zh' | 'en')[] = profile.guard.locale === 'en' ? ['zh', 'en'] : ['zh'];
  let flagged = 0;
  const notices = langs.map((lang) => ({
    lang,
    lines: buildBuyerNotice(noticeShop, extra, lang).map((line) => {
      const verdict = guardReply(profile, line.text, ctx);
      const flags: NoticeFlag[] = [
        ...verdict.violations.map((v) => ({ rule: v.rule, title: ruleTitle(profile, v.rule), severity: v.severity, message: v.message, ...(v.suspected ? { suspected: true } : {}) })),
        ...noticeFlags(noticeShop, line, penaltyTitle),
      ];
      if (flags.some((f) => !f.suspected)) flagged += 1;
      return { ...line, flags };
    }),
  }));
  return { shopId, notices, flagged };
}
