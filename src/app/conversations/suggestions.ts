// Suggested replies for the agent (C12, issue 12): planned like a bot reply, from the same shop
// data (items, stock, promotions, orders, settings), so every suggestion is filled and can be sent
// as it is — never a `{coupon.text}` placeholder. Chosen for the situation: after a hand-over the
// agent is offered the answer to the open topic, never "我马上为您转接人工客服".
import { planReply } from '../../core/bot/plan-reply.js';
import type { IntentId } from '../../core/intents.js';
import { isIntentId } from '../../core/intents.js';
import { detectLanguage, extractEntities, normalizeText } from '../../core/nlu/index.js';
import type { Database } from '../../store/open-database.js';
import type { messages } from '../../store/schema/index.js';
import { conversationStateFrom, loadBuyerOrdersAndStanding, plannerInputFor } from '../inbound/planner-input.js';
import { loadShopContext } from '../shops/shop-context.js';
import type { ConversationRow } from './views.js';

type MessageRow = typeof messages.$inferSelect;

/** Intents whose bot answer is a hand-over or small talk: the agent answers the open topic instead. */
const NOT_A_TOPIC: ReadonlySet<IntentId> = new Set(['human', 'complaint', 'other', 'greeting']);
const MAX_SUGGESTIONS = 4;

/**
 * Up to four sendable replies to the buyer's last message. `recent` is the conversation's latest
 * messages in any order. Empty when the buyer has not written yet.
 */
export async function suggestReplies(
  database: Database,
  conversation: ConversationRow,
  recent: readonly MessageRow[],
  now: Date,
): Promise<string[]> {
  const ordered = [...recent].sort((a, b) => a.seq - b.seq);
  const lastBuyer = [...ordered].reverse().find((m) => m.authorKind === 'buyer');
  if (!lastBuyer) return [];
  const shop = await loadShopContext(database, conversation.shopId, now.getTime());
  const state = conversationStateFrom(
    conversation,
    ordered.filter((m) => m.seq < lastBuyer.seq),
  );
  const { orders, standing } = await loadBuyerOrdersAndStanding(database, conversation.shopId, conversation.buyerId, shop.profile);
  const stored = isIntentId(lastBuyer.intent) ? lastBuyer.intent : 'other';
  // The open topic of the conversation when the last message only asked for a person (or was
  // anger or small talk); a plain welcome-back line when there is none.
  const intent: IntentId = NOT_A_TOPIC.has(stored) ? (state.memory?.topic ?? 'greeting') : stored;
  const found = extractEntities(normalizeText(lastBuyer.text), { shopDictionary: shop.items.map((i) => i.title) });
  const language = detectLanguage(lastBuyer.text) === 'zh' ? 'zh' : 'en';
  const out: string[] = [];
  for (let variant = 0; variant < 3 && out.length < MAX_SUGGESTIONS; variant++) {
    const plan = planReply(
      plannerInputFor(shop, {
        message: lastBuyer,
        nlu: { intent, confidence: 1, entities: found, secondary: null },
        language,
        conversation: { ...state, botTurnsSinceHuman: 0, misunderstandings: 0 },
        orders,
        standing,
        now,
        isFirstMessage: false,
        forAgent: { variant },
      }),
    );
    const text = plan.messages.join('\n').trim();
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}
