// The orders screen (O1, O3–O5, N5, issue 15): the caller's orders across their shops, each with
// its phase (translatable), its ship-by countdown, the money at stake, and its risks with the
// reason — fraud signals before shipping (O4), a missing courier pickup scan (虚假发货, O3), an
// ordered colour or size out of stock (O5) — filtered by phase, deadline, exposure and risk. An
// unpaid order is not a price problem (it shows its listed price as unpaid); the at-stake total
// counts open orders only, per currency (O2: a USD order's stake is in USD, never added to yuan).
// Shops outside the caller's: NOT_FOUND.
import { and, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { checkFraud, type FraudSignal } from '../../core/orders/fraud-signals.js';
import { isUnderWay, orderPhase, type OrderPhase } from '../../core/orders/order-phase.js';
import { fakeShipmentRisk, isCourierScan } from '../../core/orders/pickup-scan.js';
import { itemsToDelist } from '../../core/orders/stock-warnings.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, conversations, itemVariants, logisticsEvents, messages, orderLines, orders, shops } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { deadlineView, deadlinesOf } from '../timers/deadlines.js';
import { orderExposure, paidInCurrency, totalsByCurrency } from './exposure.js';
import { orderView } from './order-view.js';
import { shopProfile } from './orders.js';

export interface OrderBoardQuery {
  shopId?: string | undefined;
  phase?: OrderPhase | undefined;
  /** overdue: the ship-by passed unshipped; due24h: due within 24 h. */
  deadline?: 'overdue' | 'due24h' | undefined;
  /** any: only orders with money at stake. */
  exposure?: 'any' | undefined;
  risk?: 'fraud' | 'fake_shipment' | 'stock' | 'any' | undefined;
  q?: string | undefined;
  limit: number;
}

export interface OrderRisk {
  kind: 'fraud' | 'fake_shipment' | 'stock';
  reasonZh: string;
  /** Money this risk puts at stake (yuan; 0 for an order in another currency), when it has a figure. */
  atStakeYuan: number | null;
  /** O2: the same in minor units of the order's currency. */
  atStakeMinor: number | null;
}

/** How many recent orders the board reads before filtering (newest change first). */
const WINDOW = 1000;

const r2 = (v: number) => Math.round(v * 100) / 100;

export async function orderBoard(database: Database, p: Principal, query: OrderBoardQuery, now: Date, maySeePersonalData: boolean) {
  if (query.shopId && !p.shopIds.includes(query.shopId)) throw new DxeError('NOT_FOUND');
  const shopIds = query.shopId ? [query.shopId] : p.shopIds;
  if (shopIds.length === 0) return { items: [], totals: { atStakeYuan: 0, count: 0, atStake: [] as { currency: string; minor: number }[] } };
  const { db } = database;
  const shopRows = await db.select().from(shops).where(inArray(shops.id, shopIds));
  const profiles = new Map(shopRows.map((s) => [s.id, shopProfile(s)]));
  const conds = [inArray(orders.shopId, shopIds)];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(orders.platformOrderNo, like), ilike(orders.buyerAccount, like), ilike(orders.trackingNo, like))!);
  }
  const rows = await db.select().from(orders).where(and(...conds)).orderBy(desc(orders.updatedAt)).limit(WINDOW);
  const phases = new Map(rows.map((o) => [o.id, orderPhase(profiles.get(o.shopId)!, o.state)]));
  const ids = rows.map((o) => o.id);
  const due = ids.length ? await deadlinesOf(db, 'order', ids) : [];

  // O4: fraud is read before shipping — for unpaid and paid orders, from the buyer's own words.
  const beforeShip = rows.filter((o) => phases.get(o.id) === 'unpaid' || phases.get(o.id) === 'paid');
  const buyerIds = [...new Set(beforeShip.map((o) => o.buyerId).filter((x): x is string => !!x))];
  const said = buyerIds.length
    ? await db
        .select({ buyerId: conversations.buyerId, shopId: conversations.shopId, text: messages.text })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(and(inArray(conversations.buyerId, buyerIds), eq(messages.authorKind, 'buyer')))
        .orderBy(desc(messages.id))
        .limit(5000)
    : [];

  // O5: the ordered colour and size of paid orders, against stock.
  const paidIds = rows.filter((o) => phases.get(o.id) === 'paid').map((o) => o.id);
  const lines = paidIds.length ? await db.select().from(orderLines).where(inArray(orderLines.orderId, paidIds)) : [];
  const itemIds = [...new Set(lines.map((l) => l.itemId).filter((x): x is string => !!x))];
  const variants = itemIds.length ? await db.select().from(itemVariants).where(inArray(itemVariants.itemId, itemIds)) : [];
  // O3: a courier scan stored without going through addLogisticsEvent (imports, the demo) counts too.
  const unscanned = rows.filter((o) => phases.get(o.id) === 'shipped' && o.pickedUpAt === null).map((o) => o.id);
  const scans = unscanned.length ? await db.select().from(logisticsEvents).where(inArray(logisticsEvents.orderId, unscanned)) : [];
  const scannedAt = new Map<string, Date>();
  for (const e of scans) {
    const o = rows.find((r) => r.id === e.orderId)!;
    if (!isCourierScan(profiles.get(o.shopId)!, e.status)) continue;
    const prev = scannedAt.get(e.orderId);
    if (!prev || e.at < prev) scannedAt.set(e.orderId, e.at);
  }
  const caseRows = ids.length ? await db.select({ id: aftersalesCases.id, orderId: aftersalesCases.orderId, closedAt: aftersalesCases.closedAt }).from(aftersalesCases).where(inArray(aftersalesCases.orderId, ids)) : [];

  const items = rows.map((o) => {
    const profile = profiles.get(o.shopId)!;
    const phase = phases.get(o.id) ?? null;
    const shipBy = due.find((d) => d.subjectId === o.id && d.kind === 'ship_by');
    const compensateBy = due.find((d) => d.subjectId === o.id && d.kind === 'compensate_before_ruling')?.dueAt ?? null;
    const exposure = orderExposure(o, profile, now, compensateBy);
    const risks: OrderRisk[] = [];
    let fraud: { signals: FraudSignal[]; adviceZh: string } | null = null;
    if (phase === 'unpaid' || phase === 'paid') {
      const texts = said.filter((m) => m.buyerId === o.buyerId && m.shopId === o.shopId).slice(0, 50).map((m) => m.text);
      const f = checkFraud({ orderState: o.state, buyerName: o.buyerAccount ?? o.receiverName ?? '', messages: texts }, profile);
      if (f.signals.length > 0) {
        fraud = { signals: f.signals, adviceZh: f.adviceZh };
        risks.push({ kind: 'fraud', reasonZh: `${f.signals.map((s) => s.detailZh).join('；')}。${f.adviceZh}`, atStakeYuan: null, atStakeMinor: null });
      }
    }
    const paid = paidInCurrency(o);
    const cny = paid.currency === 'CNY';
    const fake = fakeShipmentRisk(profile, {
      phase, paidAt: o.paidAt?.toISOString() ?? null, shippedAt: o.shippedAt?.toISOString() ?? null, pickedUpAt: (o.pickedUpAt ?? scannedAt.get(o.id))?.toISOString() ?? null,
      agreedShipBy: o.agreedShipBy?.toISOString() ?? null, paidAmountYuan: paid.amount, currency: paid.currency, now: now.toISOString(),
    });
    if (fake) {
      const e = fake.exposure;
      const stake = e.late ? e.ifPlatformRules.compensation + e.ifPlatformRules.platformRepay : (e.atDeadline?.cost.compensation ?? 0) + (e.atDeadline?.cost.platformRepay ?? 0);
      risks.push({ kind: 'fake_shipment', reasonZh: fake.reasonZh, atStakeYuan: cny ? r2(stake) : 0, atStakeMinor: Math.round(stake * 100) });
    }
    let delist: string[] = [];
    if (phase === 'paid') {
      const mine = lines.filter((l) => l.orderId === o.id);
      const out = mine.filter((l) => variants.some((v) => v.itemId === l.itemId && v.colour === (l.colour ?? '') && v.size === (l.size ?? '') && v.stock < l.qty));
      if (out.length > 0) {
        const skus = variants.filter((v) => out.some((l) => l.itemId === v.itemId)).map((v) => ({ itemId: v.itemId, sku: `${v.itemId}/${v.colour}/${v.size}`, label: [v.colour, v.size].filter(Boolean).join(' / '), qty: v.stock }));
        delist = itemsToDelist(skus, profile);
        const what = out.map((l) => [l.title, l.colour, l.size].filter(Boolean).join(' ')).join('、');
        risks.push({
          kind: 'stock',
          reasonZh: `${what} 库存不足，无法按单发货：请立即联系买家说明情况，提供相近款式或退款${delist.length ? '；该商品已无任何库存，建议下架' : ''}`,
          atStakeYuan: exposure?.atNextDeadlineYuan ?? null,
          atStakeMinor: exposure?.atNextDeadlineMinor ?? null,
        });
      }
    }
    const open = isUnderWay(phase);
    // O2: in the order's own currency (minor units); the yuan figure is for CNY orders only.
    // Paying now and waiting for the platform's ruling are two alternatives, not two costs: the
    // worse of them is at stake (found walking the product: ¥35.40 now or ¥70.80 later showed ¥106.20).
    const atStakeMinor = open ? Math.max(exposure ? Math.max(exposure.nowMinor, exposure.atNextDeadlineMinor) : 0, ...risks.map((r) => r.atStakeMinor ?? 0)) : 0;
    const atStakeYuan = cny ? atStakeMinor / 100 : 0;
    return {
      order: orderView(o, maySeePersonalData),
      phase,
      unpaid: phase === 'unpaid',
      shipBy: shipBy ? deadlineView(shipBy, now) : null,
      exposure,
      atStakeYuan,
      currency: paid.currency,
      atStakeMinor,
      open,
      risks,
      fraud,
      delistItemIds: delist,
      openCaseIds: caseRows.filter((c) => c.orderId === o.id && c.closedAt === null).map((c) => c.id),
    };
  });

  const h24 = 24 * 3600;
  const filtered = items.filter((i) => {
    if (query.phase && i.phase !== query.phase) return false;
    if (query.deadline === 'overdue' && !(i.shipBy && i.shipBy.state !== 'done' && i.shipBy.secondsLeft < 0 && i.phase === 'paid')) return false;
    if (query.deadline === 'due24h' && !(i.shipBy && i.shipBy.state !== 'done' && i.phase === 'paid' && i.shipBy.secondsLeft >= 0 && i.shipBy.secondsLeft <= h24)) return false;
    if (query.exposure === 'any' && i.atStakeMinor <= 0) return false;
    if (query.risk === 'any' && i.risks.length === 0) return false;
    if (query.risk && query.risk !== 'any' && !i.risks.some((r) => r.kind === query.risk)) return false;
    return true;
  });
  return {
    items: filtered.slice(0, query.limit),
    totals: {
      count: filtered.length,
      /** Open (paid, shipped, signed) CNY orders only: closed, finished and unpaid orders put nothing at stake. */
      atStakeYuan: r2(filtered.reduce((s, i) => s + i.atStakeYuan, 0)),
      /** O2: the at-stake total per currency of the open orders listed (minor units, CNY first; never converted). */
      atStake: totalsByCurrency(filtered.filter((i) => i.open), (i) => i.currency, { minor: (i) => i.atStakeMinor }),
    },
  };
}

export type OrderBoard = Awaited<ReturnType<typeof orderBoard>>;
