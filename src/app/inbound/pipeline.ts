// Steps 2–4 of the pipeline for one stored buyer message (docs/architecture.md):
// understand (core/nlu with the buyer's earlier turns as context; the intent is stored and the
// step becomes `understood`), answer (core/bot plans from the shop's answers and data; core/guard
// checks every planned message, B4) and, in ONE transaction, the commit: the step becomes `done`
// only if it was not already (so a resumed message is answered once), the conversation row is
// locked and re-read (an agent who took the chat meanwhile silences the bot), the replies are
// stored and queued for delivery, the conversation state is patched, and the events are staged.
// After commit the events go out. Every step can be re-run from the stored message alone.
import { and, eq } from 'drizzle-orm';
import { planReply } from '../../core/bot/plan-reply.js';
import type { HandoverReason, ReplyPlan } from '../../core/bot/types.js';
import type { DomainEvent } from '../../core/contract/events.js';
import { finishedStates } from '../../core/orders/order-phase.js';
import * as t from '../../store/schema/index.js';
import { callJson, rowFromJson } from '../../store/sql-functions.js';
import {
  outgoingJson,
  type OutgoingMessage,
  type OutgoingPromise,
} from '../conversations/append-outgoing.js';
import {
  askerIsBuyerFor,
  explainVerdict,
  freeShippingFor,
  guardContext,
  guardReply,
  interventionOf,
  type GuardIntervention,
  type GuardVerdictStored,
} from '../conversations/guard-reply.js';
import { splitReply } from '../../core/contract/split-reply.js';
import { messageView, summaryFromParts, type MessageRow, type MessageView, type SummaryParts } from '../conversations/views.js';
import { nudgeDeliveries } from '../delivery/bridge-outbox.js';
import { outboxUrlFor } from '../delivery/deliver.js';
import { writeWithEvents } from '../events/outbox.js';
import { hotBatcher, registerHotKind, type HotCall, type HotKind } from './hot-calls.js';
import { syncPromises } from '../timers/promise-deadlines.js';
import type { ShopContext } from '../shops/shop-context.js';
import { nluForShop } from '../shops/shop-nlu.js';
import { plannerInputFor } from './planner-input.js';
import { recordOptOutFromMessage } from '../followups/opt-out.js';
import type { PipelineInput } from './receive.js';
import type { InboundDeps, InboundResult } from './types.js';

/**
 * While the hand-over only asks a person to do one thing (change an address, look up data) or
 * to join (C17), the bot goes on answering until someone takes the chat; a complaint, a request
 * for a person, or a chat the bot did not understand waits for the person.
 */
const SOFT_HANDOVERS: ReadonlySet<string> = new Set<HandoverReason>([
  'bot_alone_too_long',
  'order_action',
  'missing_data',
]);
const GUARD_BLOCKED = { reason: 'guard_blocked' as const, reasonZh: '机器人回复被规则拦截，需人工回复' };

interface AnswerJson {
  /** Another run finished this message first. */
  done_elsewhere?: boolean;
  conversation?: unknown;
  replies?: unknown[];
  took_over?: boolean;
  summary?: SummaryParts;
}

interface Guarded {
  messages: OutgoingMessage[];
  promises: OutgoingPromise[];
  blocked: number;
  /** What the guard replaced or dropped and why, for the agent (issue 11). */
  interventions: GuardIntervention[];
}

/**
 * B4: guard each planned message; a blocked one is replaced by the guard's compliant rewrite
 * when that passes, else dropped. Each kept message is split into short lines (C4). Why a message
 * was replaced or dropped is stored on the first message that does go out (or, when none does,
 * on the hand-over) so the agent sees the rule, its points and the original text.
 */
function guardPlanned(
  shop: ShopContext,
  planned: string[],
  previous: string[],
  asked: { askerIsBuyer: boolean; freeShipping: boolean },
): Guarded {
  const out: Guarded = { messages: [], promises: [], blocked: 0, interventions: [] };
  const sent: string[] = [];
  for (const text of planned) {
    const ctx = guardContext({ ...asked, previousOutgoing: [...previous, ...sent], shopName: shop.shop.name });
    let chosen = text;
    let verdict: GuardVerdictStored = guardReply(shop.profile, text, ctx);
    if (verdict.verdict === 'block') {
      out.blocked++;
      const rewrite = verdict.violations.find((v) => v.severity === 'block')?.rewrite;
      const again = rewrite && rewrite !== text ? guardReply(shop.profile, rewrite, ctx) : null;
      if (!rewrite || !again || again.verdict === 'block') {
        out.interventions.push(interventionOf(shop.profile, 'dropped', text, verdict));
        continue;
      }
      out.interventions.push(interventionOf(shop.profile, 'replaced', text, verdict));
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
    // Stored with each rule's Chinese name, so the chat can show a warning as 站外交易 (D1).
    const stored = explainVerdict(shop.profile, verdict);
    parts.forEach((part, i) =>
      out.messages.push({ text: part, verdict: stored, ...(i === 0 ? {} : { partOf: base }) }),
    );
    for (const p of verdict.promises) {
      out.promises.push({
        kind: p.kind,
        text: p.text,
        messageIndex:
          base +
          Math.max(
            0,
            offsets.findLastIndex((o) => o <= p.span[0]),
          ),
      });
    }
    sent.push(chosen);
  }
  const first = out.messages[0];
  if (first && out.interventions.length > 0) first.verdict = { ...first.verdict, interventions: out.interventions };
  return out;
}

/** The hand-over an answer applies (the plan's, or the guard's when it blocked every reply). */
type AnswerHandover = NonNullable<ReplyPlan['handover']> | (typeof GUARD_BLOCKED & { guard: GuardIntervention[] });

/** What an answer's events are derived from besides its result (stored with it on a remote bus). */
interface AnswerExtra {
  handover: AnswerHandover | null;
  /** ISO time of the answer. */
  now: string;
}

const ANSWER: HotKind = {
  single: 'dxe_answer',
  many: 'dxe_answer_many',
  manyArgs: [[...SOFT_HANDOVERS]],
  events: (extra: AnswerExtra, r: AnswerJson) => answeredEvents(r, extra.handover, new Date(extra.now)),
};
registerHotKind(ANSWER);

/** The replies of a committed answer as screens see them, built once per result (events and reply). */
const replyViews = new WeakMap<AnswerJson, MessageView[]>();
function repliesOf(r: AnswerJson): MessageView[] {
  let views = replyViews.get(r);
  if (!views) replyViews.set(r, (views = (r.replies ?? []).map((m) => messageView(rowFromJson(t.messages, m)))));
  return views;
}

/** What screens hear of a committed answer: the replies, the queue row, the hand-over. */
function answeredEvents(r: AnswerJson, handover: AnswerHandover | null, now: Date): DomainEvent[] {
  if (r.done_elsewhere) return [];
  const c = rowFromJson(t.conversations, r.conversation);
  const replies = repliesOf(r);
  return [
    ...replies.map((m): DomainEvent => ({
      type: 'message.created',
      shopId: c.shopId,
      data: { conversationId: c.id, message: m },
    })),
    {
      type: 'conversation.updated',
      shopId: c.shopId,
      data: { conversationId: c.id, conversation: summaryFromParts(c, r.summary!, now) },
    },
    ...(r.took_over && handover
      ? [
          {
            type: 'conversation.handover',
            shopId: c.shopId,
            data: { conversationId: c.id, ...handover },
          } as DomainEvent,
        ]
      : []),
  ];
}

/** Runs the rest of the pipeline for a stored buyer message this process holds the lease on. */
export async function runPipeline(
  deps: InboundDeps,
  shop: ShopContext,
  input: PipelineInput,
  /** lockKey: a new message's batch order key (group commit); absent for a resumed message. */
  opts: { duplicate: boolean; lockKey?: string },
  earlier: (message: MessageRow) => Promise<InboundResult>,
): Promise<InboundResult> {
  const { database, now } = deps;
  const { message, conversation, state, orders, standing } = input;

  // Understand. The buyer's own earlier turns are the context (elliptic follow-ups: 那L码呢);
  // our replies would pull the topic elsewhere. Pure and repeatable, so a resumed message is
  // understood again rather than read back.
  const context = state.turns
    .filter((x) => x.author === 'buyer')
    .slice(-3)
    .map((x) => x.text);
  // Every question of the message is read (issue 12); the whole message's intent is the one stored.
  const nlu = (deps.nlu ?? (await nluForShop(database, message.shopId))).understand(message.text, {
    context,
    now,
  });
  const buyerMessage = { ...messageView(message), intent: nlu.intent, confidence: nlu.confidence };
  // F3 (issue 14): 退订 / TD / unsubscribe opts the buyer out of proactive messages, recorded here
  // (idempotent: a resumed message writes nothing new) and honoured by the scheduler.
  await recordOptOutFromMessage(database, { shopId: message.shopId, buyerId: conversation.buyerId, messageId: message.id, text: message.text }, now);

  // Answer (pure): plan from the shop's data and the buyer's orders, guard every message.
  const planInput = plannerInputFor(shop, {
    message,
    nlu: {
      intent: nlu.intent,
      confidence: nlu.confidence,
      entities: nlu.entities,
      secondary: nlu.secondary ?? null,
      ...(nlu.fromContext ? { followUp: true } : {}),
    },
    language: nlu.language,
    questions: nlu.questions,
    conversation: state,
    orders,
    standing,
    now,
    // C3: welcome until someone has answered this conversation.
    isFirstMessage: !state.turns.some((x) => x.author !== 'buyer'),
  });
  const firstItemRef = planInput.nlu.entities.itemRefs
    .map((r) => shop.items.find((i) => i.id === r || i.title === r))
    .find(Boolean);
  const plan: ReplyPlan = planReply(planInput);
  const previous = state.turns
    .filter((x) => x.author !== 'buyer')
    .map((x) => x.text)
    .slice(-10);
  // D6: is the buyer the account of the order under discussion (an order number of another
  // account in the message)? D5: the item under discussion may carry its own 包邮 promise.
  const asked = {
    askerIsBuyer: await askerIsBuyerFor(database, conversation, [...context, message.text, ...plan.messages]),
    freeShipping: freeShippingFor(shop, firstItemRef?.id ?? plan.focusItemId ?? state.focusItemId),
  };
  const guarded = guardPlanned(shop, plan.messages, previous, asked);

  const handover =
    plan.handover ??
    (guarded.blocked > 0 && guarded.messages.length === 0 ? { ...GUARD_BLOCKED, guard: guarded.interventions } : null);
  const outgoing = outgoingJson(guarded.messages, guarded.promises);
  const callbackUrl = outboxUrlFor({
    channel: conversation.channel,
    bridgeCallbackUrl: shop.settings.bridgeCallbackUrl ?? null,
  });
  const memory = {
    misunderstandings: plan.misunderstandings,
    bargainer: plan.signals.bargainer,
    memory: plan.memory,
    // The item the buyer named (or picked from the bot's list, C11) is the chat's item from now on.
    ...(firstItemRef ? { focusItemId: firstItemRef.id } : plan.focusItemId ? { focusItemId: plan.focusItemId } : {}),
  };
  const finished = finishedStates(shop.profile);
  const call: HotCall<AnswerJson> = {
    deps,
    args: [
      message.id,
      nlu.intent,
      nlu.confidence,
      now,
      [...SOFT_HANDOVERS],
      plan.stage,
      { json: plan.signals.interest },
      { json: memory },
      plan.verifiedOrderId ?? null,
      handover ? { json: handover } : null,
      outgoing.messages,
      outgoing.promises,
      finished,
      callbackUrl,
    ],
    item: {
      message_id: message.id,
      intent: nlu.intent,
      confidence: nlu.confidence,
      now: now.toISOString(),
      stage: plan.stage,
      interest: plan.signals.interest,
      state: memory,
      verified_order: plan.verifiedOrderId ?? null,
      handover: handover ?? null,
      messages: outgoing.messages.json,
      promises: outgoing.promises.json,
      finished_states: finished,
      callback_url: callbackUrl,
    },
    lockKey: opts.lockKey ?? '',
    shopId: message.shopId,
    extra: { handover, now: now.toISOString() } satisfies AnswerExtra,
  };
  let answered: AnswerJson;
  try {
    // Commit, in one call (migration 0003, dxe_answer): done only if not done before; the bot
    // speaks only while no person holds the chat (re-read under the row lock); replies stored and
    // queued by channel; the bot's memory keys merged into the state; the hand-over applied. A
    // new message shares the call with the answers committed meanwhile (group commit, 0012); a
    // resumed one goes alone.
    answered = opts.lockKey
      ? await hotBatcher<AnswerJson>(database, deps.bus, ANSWER).call(call)
      : await writeWithEvents(deps, async (target) => (await callJson(target, 'dxe_answer', call.args)) as AnswerJson, (r) => ANSWER.events(call.extra, r as never));
  } catch (err) {
    // Understood but not answered: keep what was understood for the screens (best effort); the
    // message stays unfinished and is resumed when its lease runs out.
    await database.db
      .update(t.messages)
      .set({ intent: nlu.intent, confidence: nlu.confidence, pipelineStep: 'understood' })
      .where(and(eq(t.messages.id, message.id), eq(t.messages.pipelineStep, 'received')))
      .catch(() => undefined);
    throw err;
  }
  if (answered.done_elsewhere) return earlier(message);
  // The bridge's replies go out now, in the delivery worker's next batch (not at its next poll).
  if (callbackUrl && (answered.replies?.length ?? 0) > 0) nudgeDeliveries(database);
  // D8: the bot's promises get their due time and warning row; if this fails the timer loop's
  // sweep schedules them (ensurePromiseDeadlines), so the reply is never held up by it. A buyer
  // without orders has nothing to tie a promise to: nothing to schedule.
  if (guarded.promises.length > 0 && orders.length > 0) {
    await database.db.transaction((tx) => syncPromises(tx, { conversationId: conversation.id }, now)).catch(() => undefined);
  }
  const replies = repliesOf(answered);
  const { messages: _planned, ...rest } = plan;
  return {
    duplicate: opts.duplicate,
    conversationId: conversation.id,
    buyerMessage,
    replies,
    handover: answered.took_over ? handover : null,
    plan: {
      ...rest,
      ...(handover ? { handover } : {}),
      intent: nlu.intent,
      confidence: nlu.confidence,
      blocked: guarded.blocked,
    },
  };
}
