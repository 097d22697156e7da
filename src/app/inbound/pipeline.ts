// Steps 2–4 of the pipeline for one stored buyer message (docs/architecture.md):
// understand (core/nlu with the buyer's earlier turns as context; the intent is stored and the
// step becomes `understood`), answer (core/bot plans from the shop's answers and data; core/guard
// checks every planned message, B4) and, in ONE transaction, the commit: the step becomes `done`
// only if it was not already (so a resumed message is answered once), the conversation row is
// locked and re-read (an agent who took the chat meanwhile silences the bot), the replies are
// stored and queued for delivery, the conversation state is patched, and the events are staged.
// After commit the events go out. Every step can be re-run from the stored message alone.
import { and, eq, ne } from 'drizzle-orm';
import { planReply } from '../../core/bot/plan-reply.js';
import type { HandoverReason, ReplyPlan } from '../../core/bot/types.js';
import type { GuardResult } from '../../core/guard/types.js';
import type { Tx } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import { appendOutgoing, type OutgoingMessage } from '../conversations/append-outgoing.js';
import { lockConversation } from '../conversations/conversation-row.js';
import { guardContext, guardReply } from '../conversations/guard-reply.js';
import { openOrderForPromises } from '../conversations/promise-order.js';
import { splitReply } from '../conversations/send-reply.js';
import { conversationSummary, messageView, type MessageRow } from '../conversations/views.js';
import { publishCommitted, transactHeld } from '../events/outbox.js';
import type { ShopContext } from '../shops/shop-context.js';
import { nluForShop } from '../shops/shop-nlu.js';
import type { PipelineInput } from './receive.js';
import type { InboundDeps, InboundResult } from './types.js';

/**
 * While the hand-over only asks a person to do one thing (change an address, look up data) or
 * to join (C17), the bot goes on answering until someone takes the chat; a complaint, a request
 * for a person, or a chat the bot did not understand waits for the person.
 */
const SOFT_HANDOVERS: ReadonlySet<string> = new Set<HandoverReason>(['bot_alone_too_long', 'order_action', 'missing_data']);
const GUARD_BLOCKED = { reason: 'guard_blocked' as const, reasonZh: '机器人回复被规则拦截，需人工回复' };

/** Thrown inside the commit when another run finished the message first. */
class AlreadyDone extends Error {}

interface Guarded {
  messages: OutgoingMessage[];
  promises: { kind: string; text: string; messageIndex: number }[];
  blocked: number;
}

/**
 * B4: guard each planned message; a blocked one is replaced by the guard's compliant rewrite
 * when that passes, else dropped. Each kept message is split into short lines (C4).
 */
function guardPlanned(shop: ShopContext, planned: string[], previous: string[]): Guarded {
  const out: Guarded = { messages: [], promises: [], blocked: 0 };
  const sent: string[] = [];
  for (const text of planned) {
    const ctx = guardContext({ freeShipping: shop.settings.freeShipping, previousOutgoing: [...previous, ...sent] });
    let chosen = text;
    let verdict: GuardResult = guardReply(shop.profile, text, ctx);
    if (verdict.verdict === 'block') {
      out.blocked++;
      const rewrite = verdict.violations.find((v) => v.severity === 'block')?.rewrite;
      if (!rewrite || rewrite === text) continue;
      const again = guardReply(shop.profile, rewrite, ctx);
      if (again.verdict === 'block') continue;
      chosen = rewrite;
      verdict = again;
    }
    const parts = splitReply(chosen);
    if (parts.length === 0) continue;
    const base = out.messages.length;
    let cursor = 0;
    const offsets = parts.map((part) => {
      const at = chosen.indexOf(part, cursor);
      cursor = at < 0 ? cursor : at + part.length;
      return at < 0 ? cursor : at;
    });
    parts.forEach((part, i) => out.messages.push({ text: part, verdict, ...(i === 0 ? {} : { partOf: base }) }));
    for (const p of verdict.promises) {
      out.promises.push({ kind: p.kind, text: p.text, messageIndex: base + Math.max(0, offsets.findLastIndex((o) => o <= p.span[0])) });
    }
    sent.push(chosen);
  }
  return out;
}

/** Runs the rest of the pipeline for a stored buyer message this process holds the lease on. */
export async function runPipeline(
  deps: InboundDeps,
  shop: ShopContext,
  input: PipelineInput,
  opts: { duplicate: boolean },
  earlier: (message: MessageRow) => Promise<InboundResult>,
): Promise<InboundResult> {
  const { database, now } = deps;
  const { message, conversation, state, orders } = input;

  // Understand. The buyer's own earlier turns are the context (elliptic follow-ups: 那L码呢);
  // our replies would pull the topic elsewhere. Pure and repeatable, so a resumed message is
  // understood again rather than read back.
  const context = state.turns.filter((x) => x.author === 'buyer').slice(-3).map((x) => x.text);
  const nlu = (deps.nlu ?? (await nluForShop(database, message.shopId))).classify(message.text, { context, now });
  const buyerMessage = { ...messageView(message), intent: nlu.intent, confidence: nlu.confidence };

  // Answer (pure): plan from the shop's data and the buyer's orders, guard every message.
  // The shared model does not know this shop's catalogue: titles written in the message count as
  // item references too, and so does the item card the buyer wrote from.
  const card = message.itemRef ? shop.items.find((i) => i.id === message.itemRef || i.title === message.itemRef) : undefined;
  const named = [...shop.items.filter((i) => message.text.includes(i.title)).map((i) => i.id), ...(card ? [card.id] : [])];
  const entities = { ...nlu.entities, itemRefs: [...new Set([...nlu.entities.itemRefs, ...named])] };
  const firstItemRef = entities.itemRefs.map((r) => shop.items.find((i) => i.id === r || i.title === r)).find(Boolean);
  const plan: ReplyPlan = planReply({
    nlu: { intent: nlu.intent, confidence: nlu.confidence, entities, secondary: nlu.secondary ?? null },
    text: message.text,
    conversation: state,
    shop: shop.shop,
    items: shop.items,
    orders,
    standardAnswers: shop.standardAnswers,
    promotions: shop.promotions,
    now,
    // C3: welcome until someone has answered this conversation.
    isFirstMessage: !state.turns.some((x) => x.author !== 'buyer'),
  });
  const previous = state.turns.filter((x) => x.author !== 'buyer').map((x) => x.text).slice(-10);
  const guarded = guardPlanned(shop, plan.messages, previous);

  // Commit.
  let committed;
  try {
    committed = await transactHeld(deps, async (tx: Tx, emit) => {
      const [claimed] = await tx
        .update(t.messages)
        .set({ pipelineStep: 'done', pipelineLeaseUntil: null, intent: nlu.intent, confidence: nlu.confidence })
        .where(and(eq(t.messages.id, message.id), ne(t.messages.pipelineStep, 'done')))
        .returning({ id: t.messages.id });
      if (!claimed) throw new AlreadyDone();
      const locked = await lockConversation(tx, conversation.id);
      const c = locked.row;
      // A person holds the conversation: the bot stays silent (C17 works the other way round too).
      const botMaySpeak = c.status === 'bot' || (c.status === 'queued' && SOFT_HANDOVERS.has(c.handoverReason ?? ''));
      const toSend = botMaySpeak ? guarded.messages : [];
      let handover = plan.handover ?? null;
      if (botMaySpeak && guarded.blocked > 0 && toSend.length === 0 && !handover) handover = GUARD_BLOCKED;
      const replies = toSend.length
        ? await appendOutgoing(tx, emit, locked, {
            author: { kind: 'bot' },
            messages: toSend,
            promises: guarded.promises,
            orderId: guarded.promises.length ? await openOrderForPromises(tx, shop.profile, c.shopId, c.buyerId) : null,
            delivery: { bridgeCallbackUrl: shop.settings.bridgeCallbackUrl ?? null },
            replyTo: message.id,
            now,
          })
        : [];
      const verified = new Set(locked.state.verifiedOrderIds);
      // C9: an order counts as confirmed once the confirmation actually went out.
      if (plan.verifiedOrderId && replies.length > 0) verified.add(plan.verifiedOrderId);
      const takeOver = handover !== null && botMaySpeak;
      await tx
        .update(t.conversations)
        .set({
          stage: plan.stage,
          lastIntent: nlu.intent,
          interest: plan.signals.interest,
          state: {
            ...locked.state,
            misunderstandings: plan.misunderstandings,
            verifiedOrderIds: [...verified],
            bargainer: plan.signals.bargainer,
            ...(firstItemRef ? { focusItemId: firstItemRef.id } : {}),
            ...(takeOver ? { lastHandover: { messageId: message.id, ...handover! } } : {}),
          },
          ...(takeOver
            ? { status: 'queued' as const, handoverReason: handover!.reason, priority: handover!.reason === 'complaint' ? 5 : c.priority }
            : {}),
        })
        .where(eq(t.conversations.id, c.id));
      const summary = await conversationSummary(tx, c.id, now);
      emit({ type: 'conversation.updated', shopId: c.shopId, data: { conversationId: c.id, conversation: summary } });
      if (takeOver) emit({ type: 'conversation.handover', shopId: c.shopId, data: { conversationId: c.id, ...handover! } });
      return { replies, handover: takeOver ? handover : null, planHandover: handover };
    });
  } catch (err) {
    if (err instanceof AlreadyDone) return earlier(message);
    // Understood but not answered: keep what was understood for the screens (best effort); the
    // message stays unfinished and is resumed when its lease runs out.
    await database.db
      .update(t.messages)
      .set({ intent: nlu.intent, confidence: nlu.confidence, pipelineStep: 'understood' })
      .where(and(eq(t.messages.id, message.id), eq(t.messages.pipelineStep, 'received')))
      .catch(() => undefined);
    throw err;
  }
  await publishCommitted(deps, committed.committed);
  const { replies, handover, planHandover } = committed.result;
  const { messages: _planned, ...rest } = plan;
  return {
    duplicate: opts.duplicate,
    conversationId: conversation.id,
    buyerMessage,
    replies: replies.map(messageView),
    handover,
    plan: {
      ...rest,
      ...(planHandover ? { handover: planHandover } : {}),
      intent: nlu.intent,
      confidence: nlu.confidence,
      blocked: guarded.blocked,
    },
  };
}
