// S1: the shop's buyer notice (买家须知) generated from its settings (and a draft of the notice's
// fields, not saved), each line checked by the reply guard and by the return-window check of
// core/followups/buyer-notice.ts; flagged lines carry the rule in Chinese.
// The 设置 editor saves the fields (supervisors and admins): the notice is regenerated from the
// new values first, and a line written from the edited fields that breaks a rule (a blocking,
// non-疑似 finding) refuses the whole save with TEXT_BLOCKED naming the line and the rule; warnings
// save and come back flagged. The shipping cut-off, couriers, return window and return conditions
// are the shop's own settings, which the bot answers from too; the rest is `settings.buyerNotice`.
import { sql } from 'drizzle-orm';
import type { BuyerNoticeFields, BuyerNoticeView } from '../../core/contract/followups.js';
import { DxeError } from '../../core/errors.js';
import {
  buildBuyerNotice,
  buyerNoticeSettingsSchema,
  EDITOR_LINE_FIELDS,
  noticeFlags,
  type NoticeFlag,
} from '../../core/followups/buyer-notice.js';
import type { Database } from '../../store/open-database.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { guardContext, guardReply, ruleTitle } from '../conversations/guard-reply.js';
import { transact } from '../events/outbox.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { settingsAudit, shopEditor } from '../settings/access.js';
import { invalidateShopContext, loadShopContext, type ShopContext } from '../shops/shop-context.js';

export type { BuyerNoticeView };

/** The editor's fields as saved now (settings with their defaults, `buyerNotice` read leniently). */
function savedFields(shop: ShopContext): BuyerNoticeFields {
  const s = shop.settings;
  const stored = buyerNoticeSettingsSchema.safeParse((s as Record<string, unknown>).buyerNotice ?? {});
  const own = stored.success ? stored.data : {};
  return {
    shipCutoff: s.shipCutoff,
    couriers: s.couriers,
    returnDays: s.returnDays,
    returnConditions: s.returnShippingNote,
    ...(own.regions ? { regions: own.regions } : {}),
    ...(own.colourNote ? { colourNote: own.colourNote } : {}),
    ...(own.sizeToleranceCm !== undefined ? { sizeToleranceCm: own.sizeToleranceCm } : {}),
    ...(own.notQualityProblems ? { notQualityProblems: own.notQualityProblems } : {}),
    ...(own.reviewPolicy ? { reviewPolicy: own.reviewPolicy } : {}),
    ...(own.extraLines ? { extraLines: own.extraLines } : {}),
  };
}

/** The notice generated from `fields` and checked line by line. */
function noticeView(shop: ShopContext, shopId: string, fields: BuyerNoticeFields): BuyerNoticeView {
  const s = shop.settings;
  const profile = shop.profile;
  const noticeShop = {
    name: shop.shop.name, platform: profile.platform, shipCutoff: fields.shipCutoff, couriers: fields.couriers, freeShipping: s.freeShipping,
    freeShippingExcludedRegions: s.freeShippingExcludedRegions, returnDays: fields.returnDays, returnShippingNote: fields.returnConditions,
    invoice: s.invoice, shipByHours: profile.shipping.ship_by_hours,
  };
  const { shipCutoff: _c, couriers: _k, returnDays: _d, returnConditions: _r, ...extra } = fields;
  const table = profile.penalties.table as Record<string, { title?: string }>;
  const penaltyTitle = table.trade_promise?.title ?? null;
  const ctx = guardContext({ freeShipping: s.freeShipping, previousOutgoing: [], askerIsBuyer: true, shopName: shop.shop.name });
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
  return { shopId, fields, notices, flagged };
}

export async function buyerNotice(database: Database, p: Principal, shopId: string, draft?: Partial<BuyerNoticeFields>): Promise<BuyerNoticeView> {
  assertShopAccess(p, shopId);
  const shop = await loadShopContext(database, shopId);
  return noticeView(shop, shopId, { ...savedFields(shop), ...(draft ?? {}) });
}

/**
 * S1: the editor's save. The whole set of fields replaces the saved one (an absent optional field
 * falls back to the generated wording). Refused with TEXT_BLOCKED when a line written from these
 * fields breaks a rule; `details.notice` carries the checked notice so the editor can mark the line.
 */
export async function saveBuyerNotice(deps: UseCaseDeps, p: Principal, shopId: string, fields: BuyerNoticeFields): Promise<BuyerNoticeView> {
  shopEditor(p, shopId);
  const shop = await loadShopContext(deps.database, shopId);
  const view = noticeView(shop, shopId, fields);
  const broken = view.notices.flatMap((n) =>
    n.lines
      .filter((l) => EDITOR_LINE_FIELDS.has(l.field))
      .flatMap((l) => l.flags.filter((f) => f.severity === 'block' && !f.suspected).map((f) => ({ lang: n.lang, section: l.section, text: l.text, field: l.field, ...f }))),
  );
  const first = broken[0];
  if (first) {
    throw new DxeError(
      'TEXT_BLOCKED',
      `买家须知「${first.section}」一句违反平台规则「${first.title}」（${first.rule}）：“${first.text}”。${first.message}未保存，请修改后再保存。`,
      { findings: broken, notice: view },
    );
  }
  const { shipCutoff, couriers, returnDays, returnConditions, ...own } = fields;
  const patch = { shipCutoff, couriers, returnDays, returnShippingNote: returnConditions, buyerNotice: own };
  await transact({ database: deps.database, bus: deps.bus }, async (tx, emit) => {
    await tx.execute(sql`update shops set settings = coalesce(settings, '{}'::jsonb) || ${JSON.stringify(patch)}::jsonb where id = ${shopId}`);
    await appendAuditIn(tx, settingsAudit(p, deps.now, 'settings.buyer_notice', { kind: 'shop', id: shopId }, patch));
    emit({ type: 'shop.changed', shopId, data: { what: 'buyer_notice' } });
  });
  invalidateShopContext(deps.database, shopId);
  return view;
}
