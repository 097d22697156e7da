// What `dxe chat` needs from the app, in one place, so the command gives the same answers whether
// it opens the data folder itself or goes through a running server's local API (issue 10,
// critical 2: while `dxe serve` owns an embedded folder, no other process may open it).
import { botName } from '../../core/bot/draft.js';
import { TEST_CHANNEL } from '../../core/contract/channels.js';
import type { Database } from '../../store/open-database.js';
import { findItemCard } from '../shops/item-card.js';
import { loadShopContext } from '../shops/shop-context.js';
import { handleInboundMessage } from './handle-inbound-message.js';
import type { InboundDeps, InboundPlan } from './types.js';

export interface TerminalChatShop {
  id: string;
  name: string;
  platform: string;
  agentName: string;
  /** The bot's persona name (issue 12): never an agent's. */
  botName: string;
}

export interface TerminalChatTurn {
  replies: string[];
  plan?: InboundPlan;
  /** Titles of the recommended items, by item id. */
  itemTitles: Record<string, string>;
}

export async function terminalChatShop(database: Database, shopId: string): Promise<TerminalChatShop> {
  const { shop } = await loadShopContext(database, shopId);
  return { id: shop.id, name: shop.name, platform: shop.platform, agentName: shop.agentName, botName: botName(shop) };
}

export async function terminalChatItem(database: Database, shopId: string, ref: string): Promise<{ id: string; title: string } | null> {
  return findItemCard(database, shopId, ref);
}

export async function terminalChatSend(
  deps: InboundDeps,
  input: { shopId: string; buyer: string; messageId: string; text: string; itemId?: string },
): Promise<TerminalChatTurn> {
  const result = await handleInboundMessage(deps, {
    shopId: input.shopId,
    buyerAccountId: input.buyer,
    channel: TEST_CHANNEL,
    messageId: input.messageId,
    text: input.text,
    ...(input.itemId ? { itemId: input.itemId } : {}),
  });
  const itemTitles: Record<string, string> = {};
  if (result.plan?.recommendations.length) {
    const ctx = await loadShopContext(deps.database, input.shopId);
    for (const r of result.plan.recommendations) {
      const item = ctx.items.find((i) => i.id === r.itemId);
      if (item) itemTitles[r.itemId] = item.title;
    }
  }
  return { replies: result.replies.map((m) => m.text), ...(result.plan ? { plan: result.plan } : {}), itemTitles };
}
