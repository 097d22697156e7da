// A buyer message arrives (DESIGN "How a buyer message flows"): store it at once, idempotently
// (channel message id unique per shop) → NLU with the last turns as context → plan (core/bot) →
// guard every planned message (B4; a blocked one is never sent) → store and publish the replies
// (send-reply) → update stage, interest and hand-over. Delivery to the channel is a hook.
import { eq } from 'drizzle-orm';
import type { Nlu } from '../../core/nlu/index.js';
import { nluForShop } from '../shops/shop-nlu.js';
import { planReply } from '../../core/bot/plan-reply.js';
import type { HandoverReason, ReplyPlan } from '../../core/bot/types.js';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import { conversationSummary, messageView, type MessageView } from '../conversations/conversations.js';
import { buyerAndConversation, earlierResult, findExisting, storeBuyerMessage } from './inbound-store.js';
import type { EventBus } from '../events/event-bus.js';
import {
  loadBuyerOrders,
  loadConversationState,
  loadShopContext,
  readBotState,
  type ShopContext,
} from './planner-input.js';
import { guardReply, sendReply } from '../conversations/send-reply.js';

export interface InboundMessage {
  shopId: string;
  /** The buyer's platform account (旺旺 id, pin…). */
  buyerAccountId: string;
  channel: 'bridge' | 'widget' | 'cli';
  /** The channel's own id; a repeat with the same id returns the earlier result. */
  messageId: string;
  text: string;
  sentAt?: Date;
  /** The item card the buyer is chatting from (our item id or its exact title), when the channel knows it. */
  itemId?: string;
}

export type InboundEvent =
  | { type: 'buyer_message'; conversationId: string; message: MessageView }
  | { type: 'bot_replies'; conversationId: string; messages: MessageView[] }
  | { type: 'handover'; conversationId: string; reason: HandoverReason; reasonZh: string };

export interface InboundDeps {
  database: Database;
  bus: EventBus;
  now: Date;
  /** Defaults to the shipped model (trained once per process). */
  nlu?: Nlu;
  /** Channel delivery and other listeners (the bridge outbox attaches here). */
  onEvent?: (event: InboundEvent) => void | Promise<void>;
}

export interface InboundResult {
  duplicate: boolean;
  conversationId: string;
  buyerMessage: MessageView;
  /** What went out, in order; empty when a person holds the conversation or everything was blocked. */
  replies: MessageView[];
  handover: { reason: HandoverReason; reasonZh: string } | null;
  /** What the agent screen and `dxe chat` show under the reply. Absent for duplicates. */
  plan?: Omit<ReplyPlan, 'messages'> & { intent: string; confidence: number; blocked: number };
}

const SOFT_HANDOVERS: ReadonlySet<string> = new Set<HandoverReason>([
  'bot_alone_too_long',
  'order_action',
  'missing_data',
]);
/**
 * B4: guard each planned message; a blocked one is replaced by the guard's compliant rewrite
 * when that passes, else dropped. Returns what may be sent and how many were blocked.
 */
function guardPlanned(
  ctx: ShopContext,
  planned: string[],
  previous: string[],
): { ok: string[]; blocked: number } {
  const ok: string[] = [];
  let blocked = 0;
  for (const text of planned) {
    const gctx = {
      freeShipping: ctx.settings.freeShipping,
      askerIsBuyer: true,
      previousOutgoing: [...previous, ...ok],
    };
    const verdict = guardReply(ctx.profile, text, gctx);
    if (verdict.verdict !== 'block') {
      ok.push(text);
      continue;
    }
    blocked++;
    const rewrite = verdict.violations.find((v) => v.severity === 'block')?.rewrite;
    if (rewrite && rewrite !== text && guardReply(ctx.profile, rewrite, gctx).verdict !== 'block')
      ok.push(rewrite);
  }
  return { ok, blocked };
}

export async function handleInboundMessage(deps: InboundDeps, input: InboundMessage): Promise<InboundResult> {
  const { database, now } = deps;
  const text = input.text.trim();
  if (!text) throw new DxeError('VALIDATION_FAILED', '消息内容不能为空');
  const [shopRow] = await database.db
    .select({ id: t.shops.id })
    .from(t.shops)
    .where(eq(t.shops.id, input.shopId));
  if (!shopRow) throw new DxeError('NOT_FOUND', '找不到该店铺');

  const existing = await findExisting(database, input.shopId, input.messageId);
  if (existing) return earlierResult(database, existing);
  const { buyer, conversation, isNew } = await buyerAndConversation(database, input, now);
  const stored = await storeBuyerMessage(database, conversation.id, { ...input, text }, now);
  if (!stored) {
    const again = await findExisting(database, input.shopId, input.messageId);
    if (!again) throw new DxeError('CONFLICT');
    return earlierResult(database, again);
  }
  const buyerView = messageView(stored);
  await deps.bus.publish({
    type: 'message.created',
    shopId: input.shopId,
    data: { conversationId: conversation.id, message: buyerView },
  });
  await deps.onEvent?.({ type: 'buyer_message', conversationId: conversation.id, message: buyerView });

  // NLU with the last turns as context (elliptic follow-ups: 那L码呢).
  const state = await loadConversationState(database, conversation, stored.seq);
  // The buyer's own earlier turns are the context: our replies would pull the topic elsewhere.
  const context = state.turns
    .filter((x) => x.author === 'buyer')
    .slice(-3)
    .map((x) => x.text);
  const nlu = (deps.nlu ?? (await nluForShop(deps.database, input.shopId))).classify(text, { context, now });
  await database.db
    .update(t.messages)
    .set({ intent: nlu.intent, confidence: nlu.confidence })
    .where(eq(t.messages.id, stored.id));
  buyerView.intent = nlu.intent;
  buyerView.confidence = nlu.confidence;

  const ctx = await loadShopContext(database, input.shopId);
  const orders = await loadBuyerOrders(database, input.shopId, buyer.id, ctx.profile);
  // The shared model does not know this shop's catalogue: titles written in the message count as
  // item references too (the chat's item card arrives the same way from most bridges).
  const card = input.itemId
    ? ctx.items.find((i) => i.id === input.itemId || i.title === input.itemId)
    : undefined;
  const named = [
    ...ctx.items.filter((i) => text.includes(i.title)).map((i) => i.id),
    ...(card ? [card.id] : []),
  ];
  const entities = { ...nlu.entities, itemRefs: [...new Set([...nlu.entities.itemRefs, ...named])] };
  const firstItemRef = entities.itemRefs
    .map((r) => ctx.items.find((i) => i.id === r || i.title === r))
    .find(Boolean);
  const plan = planReply({
    nlu: { intent: nlu.intent, confidence: nlu.confidence, entities, secondary: nlu.secondary ?? null },
    text,
    conversation: state,
    shop: ctx.shop,
    items: ctx.items,
    orders,
    standardAnswers: ctx.standardAnswers,
    promotions: ctx.promotions,
    now,
    // C3: welcome until someone has answered this conversation.
    isFirstMessage: isNew || !state.turns.some((x) => x.author !== 'buyer'),
  });

  // A person holds the conversation: the bot stays silent (C17 works the other way round too).
  // While the hand-over only asks a person to do one thing (change an address, look up data) or
  // to join (C17), the bot goes on answering until someone takes the chat; a complaint, a request
  // for a person, or a chat the bot did not understand waits for the person.
  const botMaySpeak =
    conversation.status === 'bot' ||
    (conversation.status === 'queued' && SOFT_HANDOVERS.has(conversation.handoverReason ?? ''));
  const previous = state.turns
    .filter((x) => x.author !== 'buyer')
    .map((x) => x.text)
    .slice(-10);
  const { ok, blocked } = botMaySpeak ? guardPlanned(ctx, plan.messages, previous) : { ok: [], blocked: 0 };
  let handover = plan.handover ?? null;
  if (botMaySpeak && blocked > 0 && ok.length === 0 && !handover) {
    handover = { reason: 'guard_blocked', reasonZh: '机器人回复被规则拦截，需人工回复' };
  }

  let replies: MessageView[] = [];
  if (ok.length > 0) {
    try {
      replies = (
        await sendReply(
          { database, bus: deps.bus, now },
          { conversationId: conversation.id, text: ok.join('\n'), author: { kind: 'bot' } },
        )
      ).messages;
    } catch (err) {
      if (!(err instanceof DxeError && err.code === 'REPLY_BLOCKED')) throw err;
      handover ??= { reason: 'guard_blocked', reasonZh: '机器人回复被规则拦截，需人工回复' };
    }
  }

  const bot = readBotState(conversation.state);
  const verified = new Set(bot.verifiedOrderIds);
  // C9: an order counts as confirmed once the confirmation actually went out.
  if (plan.verifiedOrderId && replies.length > 0) verified.add(plan.verifiedOrderId);
  const nextState = {
    ...(typeof conversation.state === 'object' && conversation.state ? conversation.state : {}),
    misunderstandings: plan.misunderstandings,
    verifiedOrderIds: [...verified],
    bargainer: plan.signals.bargainer,
    ...(firstItemRef
      ? { focusItemId: firstItemRef.id }
      : bot.focusItemId
        ? { focusItemId: bot.focusItemId }
        : {}),
  };
  const takeOver = handover && botMaySpeak;
  if (takeOver) Object.assign(nextState, { lastHandover: { messageId: stored.id, ...handover } });
  await database.db
    .update(t.conversations)
    .set({
      stage: plan.stage,
      lastIntent: nlu.intent,
      interest: plan.signals.interest,
      state: nextState,
      ...(takeOver
        ? {
            status: 'queued' as const,
            handoverReason: handover!.reason,
            priority: handover!.reason === 'complaint' ? 5 : conversation.priority,
          }
        : {}),
    })
    .where(eq(t.conversations.id, conversation.id));
  const summary = await conversationSummary(database, conversation.id, now);
  await deps.bus.publish({
    type: 'conversation.updated',
    shopId: input.shopId,
    data: { conversationId: conversation.id, conversation: summary },
  });

  if (replies.length)
    await deps.onEvent?.({ type: 'bot_replies', conversationId: conversation.id, messages: replies });
  if (takeOver) {
    await deps.bus.publish({
      type: 'conversation.handover',
      shopId: input.shopId,
      data: { conversationId: conversation.id, ...handover },
    });
    await deps.onEvent?.({ type: 'handover', conversationId: conversation.id, ...handover! });
  }
  const { messages: _planned, ...rest } = plan;
  return {
    duplicate: false,
    conversationId: conversation.id,
    buyerMessage: buyerView,
    replies,
    handover: takeOver ? handover : null,
    plan: {
      ...rest,
      ...(handover ? { handover } : {}),
      intent: nlu.intent,
      confidence: nlu.confidence,
      blocked,
    },
  };
}
