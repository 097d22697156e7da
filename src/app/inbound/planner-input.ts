// Store rows → the planner's plain shapes (core/bot/types.ts). Read-only: one buyer's orders (D6:
// only theirs, masked) and a conversation's recent turns. The shop itself comes from
// app/shops/shop-context.ts; plannerInputFor puts them together for the bot (inbound pipeline)
// and for the agent's suggestions (conversations/suggestions.ts) alike.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { isIntentId } from '../../core/intents.js';
import { maskAddress, maskName, maskPhone } from '../../core/privacy.js';
import { isStage, type Stage } from '../../core/conversation/stages.js';
import { isOrderPhase, orderPhase } from '../../core/orders/order-phase.js';
import { PRICE_CHANGE_AWAIT_CLEARED_EVENT, PRICE_CHANGE_AWAITED_EVENT, PRICE_CHANGED_EVENT } from '../../core/orders/price-change.js';
import { readConversationState } from '../../core/conversation/state.js';
import { orderProvince } from '../../core/money/province.js';
import { logisticsCalendar } from '../../core/logistics/calendar.js';
import type {
  BuyerLanguage,
  ConversationState,
  NluResult,
  Order,
  OrderState,
  PlanInput,
  Question,
  Turn,
} from '../../core/bot/types.js';
import type { Profile } from '../../core/rules/schema.js';
import { queriesOf, type Database, type Tx } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import type { ShopContext } from '../shops/shop-context.js';
import { shopTiers, tierInfo, tierOf, type BuyerStanding } from '../../core/buyers/tiers.js';
import { ORDER_SPEND_FEN, PAID_ORDER, spendOtherOfText } from '../buyers/standing-sql.js';
import { rowFromJson } from '../../store/sql-functions.js';

const bare = (s: string) => s.replace(/[,，\s]/g, '');

/**
 * A platform's order state name → the planner's neutral state: the phase from the profile's
 * machine (O1, core/orders/order-phase.ts); a name outside the machine that is itself a neutral
 * state is taken as is, anything else reads as on the way.
 */
export function neutralOrderState(state: string, profile: Profile): OrderState {
  return orderPhase(profile, state) ?? (isOrderPhase(state) ? state : 'shipped');
}

/** This buyer's orders (D6), newest first, with personal data masked before it reaches a reply. */
export async function loadBuyerOrders(
  database: Database | Tx,
  shopId: string,
  buyerId: string,
  profile: Profile,
): Promise<Order[]> {
  return (await loadBuyerOrdersAndStanding(database, shopId, buyerId, profile)).orders;
}

/** No orders: no standing (M2). */
export const NO_STANDING: BuyerStanding = { paidOrders: 0, spendFen: 0 };

/**
 * The buyer's orders (as loadBuyerOrders) and their standing in the shop (M2: paid orders and
 * spend over ALL their orders, counted by window functions in the same statement, before the
 * limit of 20).
 */
export async function loadBuyerOrdersAndStanding(
  database: Database | Tx,
  shopId: string,
  buyerId: string,
  profile: Profile,
): Promise<{ orders: Order[]; standing: BuyerStanding }> {
  // One round trip (issue 9, throughput): the buyer's last 20 orders, each with its lines, its
  // logistics events and its after-sales cases, instead of four queries.
  const res = (await queriesOf(database).execute(sql`
    select to_jsonb(o) as o,
      count(*) filter (where ${PAID_ORDER}) over () as paid_orders,
      coalesce(sum(${ORDER_SPEND_FEN}) filter (where ${PAID_ORDER}) over (), 0) as spend_fen,
      ${sql.raw(spendOtherOfText('o.shop_id', 'o.buyer_id'))} as spend_other,
      (select coalesce(jsonb_agg(to_jsonb(l) order by l.line_no, l.id), '[]'::jsonb) from ${t.orderLines} l where l.order_id = o.id) as lines,
      (select coalesce(jsonb_agg(to_jsonb(e) order by e.id), '[]'::jsonb) from ${t.logisticsEvents} e where e.order_id = o.id) as events,
      (select coalesce(jsonb_agg(to_jsonb(c) order by c.opened_at), '[]'::jsonb) from ${t.aftersalesCases} c where c.order_id = o.id) as cases,
      (select coalesce(jsonb_agg(to_jsonb(pp) order by pp.claimed_at), '[]'::jsonb) from ${t.priceProtectionClaims} pp where pp.order_id = o.id) as pp_claims,
      (select max(h.at) from ${t.orderEvents} h where h.order_id = o.id and h.event = ${PRICE_CHANGED_EVENT}) as price_changed_at,
      (select max(h.at) from ${t.orderEvents} h where h.order_id = o.id and h.event = ${PRICE_CHANGE_AWAITED_EVENT}) as price_change_marked_at,
      (select max(h.at) from ${t.orderEvents} h where h.order_id = o.id and h.event = ${PRICE_CHANGE_AWAIT_CLEARED_EVENT}) as price_change_cleared_at
    from ${t.orders} o
    where o.shop_id = ${shopId} and o.buyer_id = ${buyerId}
    order by o.ordered_at desc
    limit 20`)) as unknown;
  const raw = (Array.isArray(res) ? res : ((res as { rows?: unknown[] }).rows ?? [])) as {
    o: unknown; lines: unknown; events: unknown; cases: unknown; pp_claims: unknown; paid_orders: unknown; spend_fen: unknown; spend_other: unknown; price_changed_at: unknown;
    price_change_marked_at: unknown; price_change_cleared_at: unknown;
  }[];
  if (raw.length === 0) return { orders: [], standing: NO_STANDING };
  const other = (typeof raw[0]!.spend_other === 'string' ? JSON.parse(raw[0]!.spend_other) : raw[0]!.spend_other ?? {}) as Record<string, unknown>;
  const standing = {
    paidOrders: Number(raw[0]!.paid_orders ?? 0),
    spendFen: Number(raw[0]!.spend_fen ?? 0),
    spendByCurrency: Object.fromEntries(Object.entries(other).map(([c, n]) => [c, Number(n)])),
  };
  const json = (v: unknown): unknown[] => (typeof v === 'string' ? (JSON.parse(v) as unknown[]) : ((v as unknown[]) ?? []));
  const rows = raw.map((r) => rowFromJson(t.orders, typeof r.o === 'string' ? JSON.parse(r.o) : r.o));
  // C8: the latest 改价 of each order (order history), for the bot's payment answers.
  const iso = (v: unknown) => (v ? new Date(v as string | Date).toISOString() : null);
  const priceChangedAt = new Map(raw.flatMap((r, i) => (r.price_changed_at ? [[rows[i]!.id, iso(r.price_changed_at)!] as const] : [])));
  // C8: an agent's 等待改价 mark and its end, honoured like the buyer's own request.
  const marks = new Map(raw.map((r, i) => [rows[i]!.id, { marked: iso(r.price_change_marked_at), cleared: iso(r.price_change_cleared_at) }] as const));
  const lines = raw.flatMap((r) => json(r.lines).map((l) => rowFromJson(t.orderLines, l)));
  const events = raw.flatMap((r) => json(r.events).map((e) => rowFromJson(t.logisticsEvents, e)));
  const cases = raw.flatMap((r) => json(r.cases).map((c) => rowFromJson(t.aftersalesCases, c)));
  // S2: the 价保 claims agents recorded, so the bot says where a claim stands instead of computing again.
  const claims = raw.flatMap((r) => json(r.pp_claims).map((c) => rowFromJson(t.priceProtectionClaims, c)));
  const finals = new Set(profile.refunds.machine.final.map(bare));
  const orders = rows.map((o): Order => {
    const openCase = cases
      .filter((c) => c.orderId === o.id && !c.closedAt && !finals.has(bare(c.state)))
      .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime())[0];
    const state = neutralOrderState(o.state, profile);
    const province = orderProvince(o.region, o.receiverAddress);
    const address = o.receiverAddress
      ? {
          receiver: maskName(o.receiverName) ?? '',
          phone: maskPhone(o.receiverPhone) ?? '',
          text: maskAddress(o.receiverAddress) ?? '',
        }
      : undefined;
    return {
      id: o.id,
      platformOrderNo: o.platformOrderNo,
      buyerId,
      state,
      createdAt: (o.orderedAt ?? o.createdAt).toISOString(),
      ...(o.paidAt ? { paidAt: o.paidAt.toISOString() } : {}),
      ...(o.verifiedAt ? { verifiedAt: o.verifiedAt.toISOString() } : {}),
      ...(o.shippedAt ? { shippedAt: o.shippedAt.toISOString() } : {}),
      ...(state === 'succeeded' && o.completedAt ? { signedAt: o.completedAt.toISOString() } : {}),
      ...(o.trackingNo ? { trackingNo: o.trackingNo } : {}),
      ...(o.courier ? { courier: o.courier } : {}),
      logistics: events
        .filter((e) => e.orderId === o.id)
        .map((e) => ({ at: e.at.toISOString(), text: e.text })),
      ...(address ? { address } : {}),
      // O7: the province only (to match a disruption); the address itself stays masked above.
      ...(province ? { province } : {}),
      ...(o.buyerNote ? { buyerNote: o.buyerNote } : {}),
      lines: lines
        .filter((l) => l.orderId === o.id)
        .map((l) => {
          const claim = claims.filter((c) => c.orderId === o.id && c.lineNo === l.lineNo).at(-1);
          return {
            itemId: l.itemId ?? '',
            title: l.title,
            quantity: l.qty,
            price: l.priceFen / 100,
            ...(l.colour ? { colour: l.colour } : {}),
            ...(l.size ? { size: l.size } : {}),
            ...(l.redPacketFen !== null ? { redPacket: l.redPacketFen / 100 } : {}),
            ...(l.shopCouponFen !== null ? { shopCoupon: l.shopCouponFen / 100 } : {}),
            ...(claim
              ? { priceProtection: { status: claim.status, refund: claim.refundFen / 100, claimedAt: claim.claimedAt.toISOString(), ...(claim.settledAt ? { settledAt: claim.settledAt.toISOString() } : {}) } }
              : {}),
          };
        }),
      ...(openCase ? { refundState: openCase.state } : {}),
      ...(priceChangedAt.has(o.id) ? { priceChangedAt: priceChangedAt.get(o.id)! } : {}),
      ...(marks.get(o.id)?.marked ? { priceChangeMarkedAt: marks.get(o.id)!.marked! } : {}),
      ...(marks.get(o.id)?.cleared ? { priceChangeClearedAt: marks.get(o.id)!.cleared! } : {}),
    };
  });
  return { orders, standing };
}

/**
 * The conversation as the planner sees it: stage, the last turns before `beforeSeq`, and how
 * many bot messages went out since a person last spoke (C17).
 */
export async function loadConversationState(
  database: Database | Tx,
  conversation: typeof t.conversations.$inferSelect,
  beforeSeq: number,
): Promise<ConversationState> {
  const rows = await queriesOf(database)
    .select({
      seq: t.messages.seq,
      authorKind: t.messages.authorKind,
      text: t.messages.text,
      createdAt: t.messages.createdAt,
      intent: t.messages.intent,
      confidence: t.messages.confidence,
    })
    .from(t.messages)
    .where(and(eq(t.messages.conversationId, conversation.id), lt(t.messages.seq, beforeSeq)))
    .orderBy(desc(t.messages.seq))
    .limit(HISTORY);
  return conversationStateFrom(conversation, rows.reverse());
}

/** How many earlier messages the planner sees. */
export const HISTORY = 40;

export interface TurnRow {
  seq: number;
  authorKind: string;
  text: string;
  createdAt: Date;
  intent: string | null;
  confidence: number | null;
}

/**
 * The conversation as the planner sees it: stage, the earlier turns (oldest first), and how many
 * bot answers went out since a person last spoke (C17).
 */
export function conversationStateFrom(
  conversation: Pick<typeof t.conversations.$inferSelect, 'stage' | 'state'>,
  earlier: TurnRow[],
): ConversationState {
  const turns: Turn[] = earlier
    .filter((m) => m.authorKind !== 'system')
    .map((m) => ({
      author: m.authorKind === 'buyer' ? 'buyer' : m.authorKind === 'agent' ? 'agent' : 'bot',
      text: m.text,
      at: m.createdAt.toISOString(),
      ...(isIntentId(m.intent) ? { intent: m.intent } : {}),
      ...(m.confidence !== null ? { confidence: m.confidence } : {}),
    }));
  const lastAgent = turns.map((x) => x.author).lastIndexOf('agent');
  // Bot turns = bot answers (runs of consecutive bot messages count once).
  let botTurns = 0;
  for (let i = lastAgent + 1; i < turns.length; i++) {
    if (turns[i]?.author === 'bot' && turns[i - 1]?.author !== 'bot') botTurns++;
  }
  const st = readConversationState(conversation.state);
  const stage: Stage = isStage(conversation.stage) ? conversation.stage : 'greet';
  return {
    stage,
    turns,
    botTurnsSinceHuman: botTurns,
    misunderstandings: st.misunderstandings,
    ...(st.focusItemId ? { focusItemId: st.focusItemId } : {}),
    verifiedOrderIds: st.verifiedOrderIds,
    ...(st.memory ? { memory: stripUndefined(st.memory) } : {}),
  };
}

/** The stored memory without absent keys (the planner's optional fields are exact). */
function stripUndefined<T extends object>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

/** What the planner is asked about: one buyer message as understood, in its conversation. */
export interface PlannerAsk {
  /** The buyer's message and the item card it was written from (B2), if any. */
  message: { text: string; itemRef: string | null };
  /** The message's understanding; its item references are completed here. */
  nlu: NluResult;
  /** Every question of the message (issue 12); absent = the one question of `nlu`. */
  questions?: Question[];
  language: BuyerLanguage;
  conversation: ConversationState;
  /** This buyer's orders only (D6). */
  orders: Order[];
  now: Date;
  isFirstMessage: boolean;
  /** A suggestion for an agent (C12), not a bot reply. */
  forAgent?: { variant: number };
  /** The buyer's paid orders and spend in the shop (M2): their VIP tier. Absent: none. */
  standing?: BuyerStanding;
}

/** The buyer's tier in this shop (M2) from their standing and the shop's tiers. */
export function buyerTierFor(shop: ShopContext, standing: BuyerStanding | undefined) {
  if (!standing) return null;
  return tierInfo(tierOf(shopTiers((shop.settings as { vip?: unknown }).vip).tiers, standing));
}

/**
 * The planner's input for a buyer message, from the shop's data (items, answers, promotions,
 * profile). The shared model does not know the shop's catalogue: item titles written in the
 * message count as item references, and so does the item card the buyer wrote from (B2) — for
 * the whole message and for each of its questions.
 */
export function plannerInputFor(shop: ShopContext, ask: PlannerAsk): PlanInput {
  const { message } = ask;
  const card = message.itemRef
    ? shop.items.find((i) => i.id === message.itemRef || i.title === message.itemRef)
    : undefined;
  const named = [
    ...shop.items.filter((i) => message.text.includes(i.title)).map((i) => i.id),
    ...(card ? [card.id] : []),
  ];
  const withNamed = <E extends { itemRefs: string[] }>(e: E): E => ({
    ...e,
    itemRefs: [...new Set([...e.itemRefs, ...named])],
  });
  return {
    nlu: { ...ask.nlu, entities: withNamed(ask.nlu.entities) },
    language: ask.language,
    ...(ask.questions ? { questions: ask.questions.map((q) => ({ ...q, entities: withNamed(q.entities) })) } : {}),
    staleScanHours: shop.profile.logistics.stale_scan_hours,
    // O7: the shop's 物流异常 entries and the holiday calendar, for the tracking answer.
    disruptions: shop.disruptions,
    disruptionBacklogDays: logisticsCalendar().recovery_backlog_days,
    // O6/S2: the bot answers freight and price-protection questions with the figure instead of a
    // hand-over: the shop's own 运费模板 (设置 › 运费模板) when set, else the rules' example table.
    moneyRules: { shippingFeeTable: shop.shippingFeeTable ?? shop.profile.shipping.fee_table_example, priceProtection: shop.profile.price_protection },
    text: message.text,
    conversation: ask.conversation,
    shop: shop.shop,
    items: shop.items,
    orders: ask.orders,
    standardAnswers: shop.standardAnswers,
    promotions: shop.promotions,
    now: ask.now,
    isFirstMessage: ask.isFirstMessage,
    ...(ask.forAgent ? { forAgent: ask.forAgent } : {}),
    // M2 (issue 14): the buyer's VIP tier and the perks the shop lets the bot offer to it.
    buyerTier: buyerTierFor(shop, ask.standing),
  };
}
