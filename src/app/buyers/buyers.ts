// Buyers (CRM, issue 14): the shop's buyers by segment (VIP tier, tag, a word), one buyer's
// profile with purchase history and service history (M1), and editing notes, tags and occupation.
// Every read is scoped to the caller's shops (another shop's buyer is NOT_FOUND); phones,
// addresses and personal data inside notes are masked unless the role may see them; every edit is
// audited in its own transaction.
import { emailView } from '../followups/revisit-mail.js';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { maySeePersonalData, assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { personalDataMask } from '../../core/privacy.js';
import { DxeError } from '../../core/errors.js';
import { shopTiers, sortTiers, tierOf, toMinor, type Tier } from '../../core/buyers/tiers.js';
import type { BuyerListQuery, BuyerListView, BuyerProfileView, BuyerUpdateBody } from '../../core/contract/buyers.js';
import { followupRules } from '../../core/followups/config.js';
import type { Database } from '../../store/open-database.js';
import {
  aftersalesCases, buyers, conversations, followupConsent, orderLines, orders, scheduledMessages, shops,
} from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { ORDER_SPEND_TEXT, PAID_ORDER_TEXT, spendOtherCte, spendOtherOfText, tierCaseSql } from './standing-sql.js';
import { parseShopSettings } from '../../core/bot/shop-settings-schema.js';

/** The shop's tiers (its own or the defaults), read from its settings row. */
export async function tiersOfShop(database: Database, shopId: string): Promise<Tier[]> {
  const [row] = await database.db.select({ settings: shops.settings }).from(shops).where(eq(shops.id, shopId));
  if (!row) throw new DxeError('NOT_FOUND', '找不到该店铺');
  return shopTiers((parseShopSettings(row.settings) as { vip?: unknown }).vip).tiers;
}

/** The buyers of a segment (tier, tag, word), most spend first, and the count per tier. */
export async function listBuyers(database: Database, p: Principal, shopId: string, q: BuyerListQuery): Promise<BuyerListView> {
  assertShopAccess(p, shopId);
  const tiers = await tiersOfShop(database, shopId);
  if (q.tier && q.tier !== 'none' && !tiers.some((t) => t.id === q.tier)) throw new DxeError('VALIDATION_FAILED', `没有这个会员等级：${q.tier}`);
  const tc = tierCaseSql(tiers, 2);
  const filters: string[] = [];
  const params: unknown[] = [shopId, ...tc.params];
  if (q.tag) {
    params.push(JSON.stringify([q.tag]));
    filters.push(`tags @> $${params.length}::jsonb`);
  }
  if (q.q) {
    params.push(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    filters.push(`(coalesce(nickname, '') ilike $${params.length} or platform_account ilike $${params.length})`);
  }
  const segment = [...filters, ...(q.tier ? [`tier = $${params.push(q.tier)}`] : [])];
  params.push(q.limit);
  const limitAt = params.length;
  // One statement: each buyer's standing over their orders, their tier, the segment, the count per
  // tier (over the whole shop) and the segment's total.
  const rows = await database.query<{
    id: string; platform_account: string; nickname: string | null; city: string | null; tags: unknown;
    paid_orders: number; spend_fen: string | number; spend_other: unknown; last_order_at: string | Date | null; tier: string; opted_out: boolean;
    total: number; by_tier: unknown;
  }>(
    `with other as (${spendOtherCte(1)}),
     standing as (
       select b.id, b.platform_account, b.nickname, b.city, b.tags,
              count(o.id) filter (where ${PAID_ORDER_TEXT})::int as paid_orders,
              coalesce(sum(${ORDER_SPEND_TEXT}) filter (where ${PAID_ORDER_TEXT}), 0)::bigint as spend_fen,
              max(coalesce(o.ordered_at, o.created_at)) as last_order_at
         from buyers b left join orders o on o.buyer_id = b.id and o.shop_id = b.shop_id
        where b.shop_id = $1
        group by b.id),
     tiered as (select s.*, coalesce(x.spend_other, '{}'::jsonb) as spend_other, ${tc.text.replace(/spend_other/g, "coalesce(x.spend_other, '{}'::jsonb)")} as tier
                  from standing s left join other x on x.buyer_id = s.id),
     picked as (select * from tiered ${filters.length ? `where ${filters.join(' and ')}` : ''}),
     seg as (select * from picked ${q.tier ? `where ${segment.at(-1)}` : ''})
     select seg.*, exists (select 1 from followup_consent c where c.shop_id = $1 and c.buyer_id = seg.id) as opted_out,
            (select count(*)::int from seg) as total,
            (select coalesce(jsonb_object_agg(tier, n), '{}'::jsonb) from (select tier, count(*)::int as n from tiered group by tier) x) as by_tier
       from seg order by seg.spend_fen desc, seg.paid_orders desc, seg.id limit $${limitAt}`,
    params,
  );
  let total = Number(rows[0]?.total ?? 0);
  let byTier = rows[0] ? parseJson<Record<string, number>>(rows[0].by_tier) : null;
  if (!byTier) {
    // An empty segment: the counts per tier still describe the shop.
    const [c] = await database.query<{ by_tier: unknown }>(
      `with other as (${spendOtherCte(1)}),
       standing as (
         select b.id, count(o.id) filter (where ${PAID_ORDER_TEXT})::int as paid_orders,
                coalesce(sum(${ORDER_SPEND_TEXT}) filter (where ${PAID_ORDER_TEXT}), 0)::bigint as spend_fen
           from buyers b left join orders o on o.buyer_id = b.id and o.shop_id = b.shop_id where b.shop_id = $1 group by b.id),
       full_standing as (select s.*, coalesce(x.spend_other, '{}'::jsonb) as spend_other from standing s left join other x on x.buyer_id = s.id)
       select coalesce(jsonb_object_agg(tier, n), '{}'::jsonb) as by_tier from (select ${tc.text} as tier, count(*)::int as n from full_standing group by 1) x`,
      [shopId, ...tc.params],
    );
    byTier = parseJson<Record<string, number>>(c?.by_tier) ?? {};
    total = 0;
  }
  const tierName = new Map(tiers.map((t) => [t.id, t.name]));
  return {
    shopId,
    total,
    byTier,
    tiers: tiers.map((t) => ({ id: t.id, name: t.name })),
    items: rows.map((r) => ({
      id: r.id,
      shopId,
      platformAccount: r.platform_account,
      nickname: r.nickname,
      city: r.city,
      tags: parseJson<string[]>(r.tags) ?? [],
      paidOrders: Number(r.paid_orders),
      spendFen: Number(r.spend_fen),
      spendByCurrency: numbers(parseJson<Record<string, unknown>>(r.spend_other)),
      lastOrderAt: r.last_order_at ? new Date(r.last_order_at).toISOString() : null,
      tier: r.tier !== 'none' ? { id: r.tier, name: tierName.get(r.tier) ?? r.tier } : null,
      optedOut: !!r.opted_out,
    })),
  };
}

/** {ISO: minor} with numbers (bigint sums arrive as numbers or strings). */
function numbers(v: Record<string, unknown> | null): Record<string, number> {
  return Object.fromEntries(Object.entries(v ?? {}).map(([k, n]) => [k, Number(n)]));
}

function parseJson<T>(v: unknown): T | null {
  if (v === null || v === undefined) return null;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** The buyer row if it is in one of the caller's shops; NOT_FOUND otherwise (no leak of other shops' ids). */
async function scopedBuyer(database: Database, p: Principal, id: string) {
  const [b] = await database.db.select().from(buyers).where(eq(buyers.id, id));
  if (!b || !p.shopIds.includes(b.shopId)) throw new DxeError('NOT_FOUND', '找不到该买家');
  return b;
}

/** One buyer: profile, standing and tier, purchases and service history (M1, M2). */
export async function buyerProfile(database: Database, p: Principal, id: string): Promise<BuyerProfileView> {
  const b = await scopedBuyer(database, p, id);
  const { db } = database;
  const mask = personalDataMask(maySeePersonalData(p));
  const [shop] = await db.select({ name: shops.name, settings: shops.settings }).from(shops).where(eq(shops.id, b.shopId));
  const tiers = shopTiers((parseShopSettings(shop?.settings) as { vip?: unknown }).vip).tiers;
  const [st] = await database.query<{ paid_orders: number; spend_fen: string | number; spend_other: unknown }>(
    `select count(*) filter (where ${PAID_ORDER_TEXT})::int as paid_orders,
            coalesce(sum(${ORDER_SPEND_TEXT}) filter (where ${PAID_ORDER_TEXT}), 0)::bigint as spend_fen,
            ${spendOtherOfText('$1', '$2')} as spend_other
       from orders o where o.shop_id = $1 and o.buyer_id = $2`,
    [b.shopId, b.id],
  );
  const standing = {
    paidOrders: Number(st?.paid_orders ?? 0),
    spendFen: Number(st?.spend_fen ?? 0),
    spendByCurrency: numbers(parseJson<Record<string, unknown>>(st?.spend_other)),
  };
  const tier = tierOf(tiers, standing);
  const sorted = sortTiers(tiers);
  const next = sorted[tier ? sorted.findIndex((t) => t.id === tier.id) + 1 : 0];

  const orderRows = await db
    .select({ id: orders.id, no: orders.platformOrderNo, state: orders.state, totalFen: orders.totalFen, orderedAt: orders.orderedAt, createdAt: orders.createdAt })
    .from(orders)
    .where(and(eq(orders.shopId, b.shopId), eq(orders.buyerId, b.id)))
    .orderBy(desc(orders.orderedAt))
    .limit(50);
  const lines = orderRows.length
    ? await db.select({ orderId: orderLines.orderId, title: orderLines.title, qty: orderLines.qty }).from(orderLines).where(inArray(orderLines.orderId, orderRows.map((o) => o.id)))
    : [];
  const convs = await db
    .select({ id: conversations.id, channel: conversations.channel, status: conversations.status, lastIntent: conversations.lastIntent, createdAt: conversations.createdAt, handoverReason: conversations.handoverReason })
    .from(conversations)
    .where(and(eq(conversations.shopId, b.shopId), eq(conversations.buyerId, b.id)))
    .orderBy(desc(conversations.createdAt))
    .limit(30);
  const cases = orderRows.length
    ? await db
        .select({ id: aftersalesCases.id, type: aftersalesCases.type, state: aftersalesCases.state, reason: aftersalesCases.reason, openedAt: aftersalesCases.openedAt, orderId: aftersalesCases.orderId })
        .from(aftersalesCases)
        .where(and(eq(aftersalesCases.shopId, b.shopId), inArray(aftersalesCases.orderId, orderRows.map((o) => o.id))))
    : [];
  const sent = await db
    .select({ id: scheduledMessages.id, kind: scheduledMessages.kind, sentAt: scheduledMessages.sentAt, outcome: scheduledMessages.outcome, text: scheduledMessages.text })
    .from(scheduledMessages)
    .where(and(eq(scheduledMessages.shopId, b.shopId), eq(scheduledMessages.buyerId, b.id), eq(scheduledMessages.state, 'sent')))
    .orderBy(desc(scheduledMessages.sentAt))
    .limit(30);
  const [consent] = await db.select().from(followupConsent).where(and(eq(followupConsent.shopId, b.shopId), eq(followupConsent.buyerId, b.id)));
  const noOf = new Map(orderRows.map((o) => [o.id, o.no]));
  const flowTitle = (k: string) => (followupRules().flows as Record<string, { title: string } | undefined>)[k]?.title ?? k;
  const service: BuyerProfileView['service'] = [
    ...convs.map((c) => ({
      kind: 'conversation' as const, id: c.id, at: c.createdAt.toISOString(),
      title: `会话（${c.channel}）`, detail: [c.status === 'closed' ? '已结束' : '进行中', c.lastIntent ? `最后意图：${c.lastIntent}` : '', c.handoverReason ? `转人工：${c.handoverReason}` : ''].filter(Boolean).join('，'),
    })),
    ...cases.map((c) => ({
      kind: 'case' as const, id: c.id, at: c.openedAt.toISOString(),
      title: `售后（订单 ${noOf.get(c.orderId) ?? ''}）`, detail: `${c.state}：${mask.text(c.reason)}`,
    })),
    ...sent.map((s) => ({
      kind: 'followup' as const, id: String(s.id), at: (s.sentAt ?? new Date(0)).toISOString(),
      title: `主动消息：${flowTitle(s.kind)}`, detail: mask.text(s.text),
    })),
  ].sort((a, c) => c.at.localeCompare(a.at));

  return {
    id: b.id,
    shopId: b.shopId,
    shopName: shop?.name ?? '',
    platformAccount: b.platformAccount,
    nickname: b.nickname,
    phone: mask.phone(b.phone),
    email: emailView(p, b.email).email,
    address: mask.address(b.address),
    city: b.city,
    occupation: b.occupation,
    tags: b.tags,
    notes: mask.text(b.notes),
    masked: !mask.unmasked,
    createdAt: b.createdAt.toISOString(),
    standing,
    tier: tier ? { id: tier.id, name: tier.name } : null,
    nextTier: next
      ? {
          id: next.id, name: next.name, ordersToGo: Math.max(0, next.minOrders - standing.paidOrders),
          spendFenToGo: Math.max(0, Math.round(next.minSpendYuan * 100) - standing.spendFen),
          // Per currency the buyer spent in that has its own threshold (never converted).
          spendToGoByCurrency: Object.fromEntries(
            Object.entries(standing.spendByCurrency)
              .filter(([c]) => next.minSpendByCurrency?.[c] !== undefined)
              .map(([c, minor]) => [c, Math.max(0, toMinor(next.minSpendByCurrency[c]!, c) - minor)]),
          ),
        }
      : null,
    perks: tier?.perks ?? [],
    optedOut: consent ? { at: consent.optedOutAt.toISOString(), source: consent.source } : null,
    purchases: orderRows.map((o) => ({
      orderId: o.id,
      platformOrderNo: o.no,
      state: o.state,
      totalFen: o.totalFen,
      orderedAt: (o.orderedAt ?? o.createdAt)?.toISOString() ?? null,
      items: lines.filter((l) => l.orderId === o.id).map((l) => (l.qty > 1 ? `${l.title} ×${l.qty}` : l.title)),
    })),
    service,
  };
}

/**
 * Notes, tags and occupation (M1). Any agent of the shop may edit them. An agent sees notes with
 * personal data masked: a line they send back unchanged (still masked) keeps its stored original,
 * so saving from a masked screen never replaces a phone number with its mask.
 */
export async function updateBuyer(deps: UseCaseDeps, p: Principal, id: string, input: BuyerUpdateBody): Promise<BuyerProfileView> {
  const b = await scopedBuyer(deps.database, p, id);
  const mask = personalDataMask(maySeePersonalData(p));
  const patch: Partial<typeof buyers.$inferInsert> = {};
  if (input.notes !== undefined) {
    const text = input.notes?.trim() ? input.notes.trim() : null;
    patch.notes = text && !mask.unmasked && b.notes ? restoreMaskedLines(b.notes, text, (l) => mask.text(l)) : text;
  }
  if (input.tags !== undefined) patch.tags = [...new Set(input.tags.map((t) => t.trim()))];
  if (input.occupation !== undefined) patch.occupation = input.occupation?.trim() ? input.occupation.trim() : null;
  if (Object.keys(patch).length === 0) throw new DxeError('VALIDATION_FAILED', '没有要保存的内容');
  await deps.database.db.transaction(async (tx) => {
    await tx.update(buyers).set(patch).where(eq(buyers.id, b.id));
    await appendAuditIn(tx, {
      orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'buyer.update',
      subjectKind: 'buyer', subjectId: b.id,
      // What changed, not the notes themselves (they may hold personal data).
      data: { shopId: b.shopId, fields: Object.keys(patch), tags: patch.tags },
    });
  });
  return buyerProfile(deps.database, p, id);
}

/** Lines of `sent` equal to the masked form of a stored line get the stored line back. */
export function restoreMaskedLines(stored: string, sent: string, maskLine: (l: string) => string): string {
  const byMasked = new Map<string, string>();
  for (const line of stored.split('\n')) if (maskLine(line) !== line) byMasked.set(maskLine(line), line);
  return sent
    .split('\n')
    .map((l) => byMasked.get(l) ?? l)
    .join('\n');
}
