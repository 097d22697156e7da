// Store rows → the planner's plain shapes (core/bot/types.ts). Read-only: loads a shop's
// catalogue, offers and standard answers, one buyer's orders (D6: only theirs, masked), and a
// conversation's recent turns, so handle-inbound-message and `dxe chat` plan the same way.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { isIntentId } from '../../core/intents.js';
import { DxeError } from '../../core/errors.js';
import { maskAddress, maskName, maskPhone } from '../../core/privacy.js';
import { isStage, type Stage } from '../../core/conversation/stages.js';
import { isOrderPhase, orderPhase } from '../../core/orders/order-phase.js';
import {
  parseShopSettings,
  sizeChartSchema,
  toPlannerSettings,
  type StoredShopSettings,
} from '../../core/bot/shop-settings-schema.js';
import type {
  ConversationState,
  Item,
  Order,
  OrderState,
  PlatformId,
  Promotion,
  Shop,
  StandardAnswer,
  Turn,
} from '../../core/bot/types.js';
import { isPlatform, type Profile } from '../../core/rules/schema.js';
import type { Database } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import { shopProfile } from '../shops/shop-profile.js';

export interface ShopContext {
  shop: Shop;
  settings: StoredShopSettings;
  profile: Profile;
  ruleOverrides: unknown;
  items: Item[];
  promotions: Promotion[];
  standardAnswers: StandardAnswer[];
}

export async function loadShopContext(database: Database, shopId: string): Promise<ShopContext> {
  const { db } = database;
  const [row] = await db.select().from(t.shops).where(eq(t.shops.id, shopId));
  if (!row) throw new DxeError('NOT_FOUND', '找不到该店铺');
  if (!isPlatform(row.platform)) throw new DxeError('PROFILE_INVALID', `未知平台: ${row.platform}`);
  const settings = parseShopSettings(row.settings);
  const itemRows = await db
    .select()
    .from(t.items)
    .where(and(eq(t.items.shopId, shopId), eq(t.items.listed, true)));
  const variantRows = itemRows.length
    ? await db
        .select()
        .from(t.itemVariants)
        .where(
          inArray(
            t.itemVariants.itemId,
            itemRows.map((i) => i.id),
          ),
        )
    : [];
  const promoRows = await db
    .select()
    .from(t.promotions)
    .where(and(eq(t.promotions.shopId, shopId), eq(t.promotions.active, true)));
  const answerRows = await db.select().from(t.standardAnswers).where(eq(t.standardAnswers.shopId, shopId));
  const platform: PlatformId = row.platform;
  return {
    shop: {
      id: row.id,
      name: row.name,
      platform,
      agentName: settings.agentName,
      settings: toPlannerSettings(settings),
    },
    settings,
    profile: shopProfile(row),
    ruleOverrides: row.ruleOverrides,
    items: itemRows.map((i) => {
      const chart = sizeChartSchema.safeParse(i.sizeChart);
      return {
        id: i.id,
        title: i.title,
        category: i.category,
        price: i.priceFen / 100,
        attributes: i.attributes,
        variants: variantRows
          .filter((v) => v.itemId === i.id)
          .map((v) => ({ colour: v.colour, size: v.size, stock: v.stock })),
        similarItemIds: i.similarItemIds,
        ...(chart.success && chart.data.length ? { sizeChart: chart.data } : {}),
      };
    }),
    promotions: promoRows.map((p) => ({
      id: p.id,
      kind: p.kind,
      text: p.text,
      // C7: the bot offers only what the shop explicitly allowed it to offer.
      botMayOffer: z.object({ botMayOffer: z.boolean() }).safeParse(p.value).data?.botMayOffer ?? false,
      ...(p.startsAt ? { validFrom: p.startsAt.toISOString() } : {}),
      ...(p.endsAt ? { validTo: p.endsAt.toISOString() } : {}),
    })),
    standardAnswers: answerRows.map((a) => ({ intent: a.intent, variants: a.variants })),
  };
}

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
  database: Database,
  shopId: string,
  buyerId: string,
  profile: Profile,
): Promise<Order[]> {
  const { db } = database;
  const rows = await db
    .select()
    .from(t.orders)
    .where(and(eq(t.orders.shopId, shopId), eq(t.orders.buyerId, buyerId)))
    .orderBy(desc(t.orders.orderedAt))
    .limit(20);
  if (rows.length === 0) return [];
  const ids = rows.map((o) => o.id);
  const lines = await db.select().from(t.orderLines).where(inArray(t.orderLines.orderId, ids));
  const events = await db.select().from(t.logisticsEvents).where(inArray(t.logisticsEvents.orderId, ids));
  const cases = await db.select().from(t.aftersalesCases).where(inArray(t.aftersalesCases.orderId, ids));
  const finals = new Set(profile.refunds.machine.final.map(bare));
  return rows.map((o) => {
    const openCase = cases
      .filter((c) => c.orderId === o.id && !c.closedAt && !finals.has(bare(c.state)))
      .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime())[0];
    const state = neutralOrderState(o.state, profile);
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
      ...(o.shippedAt ? { shippedAt: o.shippedAt.toISOString() } : {}),
      ...(state === 'succeeded' && o.completedAt ? { signedAt: o.completedAt.toISOString() } : {}),
      ...(o.trackingNo ? { trackingNo: o.trackingNo } : {}),
      ...(o.courier ? { courier: o.courier } : {}),
      logistics: events
        .filter((e) => e.orderId === o.id)
        .map((e) => ({ at: e.at.toISOString(), text: e.text })),
      ...(address ? { address } : {}),
      ...(o.buyerNote ? { buyerNote: o.buyerNote } : {}),
      lines: lines
        .filter((l) => l.orderId === o.id)
        .map((l) => ({
          itemId: l.itemId ?? '',
          title: l.title,
          quantity: l.qty,
          price: l.priceFen / 100,
          ...(l.colour ? { colour: l.colour } : {}),
          ...(l.size ? { size: l.size } : {}),
        })),
      ...(openCase ? { refundState: openCase.state } : {}),
    };
  });
}

/** What the bot keeps between turns in conversations.state. */
export const botStateSchema = z
  .object({
    misunderstandings: z.number().int().min(0).default(0),
    focusItemId: z.string().optional(),
    verifiedOrderIds: z.array(z.string()).default([]),
  })
  .loose();
export type BotState = z.infer<typeof botStateSchema>;

export function readBotState(raw: unknown): BotState {
  return botStateSchema.safeParse(raw ?? {}).data ?? { misunderstandings: 0, verifiedOrderIds: [] };
}

/**
 * The conversation as the planner sees it: stage, the last turns before `beforeSeq`, and how
 * many bot messages went out since a person last spoke (C17).
 */
export async function loadConversationState(
  database: Database,
  conversation: typeof t.conversations.$inferSelect,
  beforeSeq: number,
): Promise<ConversationState> {
  const rows = await database.db
    .select()
    .from(t.messages)
    .where(eq(t.messages.conversationId, conversation.id))
    .orderBy(desc(t.messages.seq))
    .limit(40);
  const earlier = rows.filter((m) => m.seq < beforeSeq).reverse();
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
  const st = readBotState(conversation.state);
  const stage: Stage = isStage(conversation.stage) ? conversation.stage : 'greet';
  return {
    stage,
    turns,
    botTurnsSinceHuman: botTurns,
    misunderstandings: st.misunderstandings,
    ...(st.focusItemId ? { focusItemId: st.focusItemId } : {}),
    verifiedOrderIds: st.verifiedOrderIds,
  };
}
