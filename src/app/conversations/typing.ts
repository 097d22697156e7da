// "Agent is typing…" for colleagues' screens and the buyer's widget. Ephemeral: published straight
// to the bus (nothing is stored, so there is nothing to lose in an outage).
import type { Database } from '../../store/open-database.js';
import type { Principal } from '../auth/auth.js';
import type { EventBus } from '../events/event-bus.js';
import { scopedShopOf } from './detail.js';

export async function announceTyping(
  deps: { database: Database; bus: EventBus },
  p: Principal,
  conversationId: string,
  knownShopId?: string,
): Promise<string> {
  const shopId = knownShopId ?? (await scopedShopOf(deps.database, p, conversationId));
  await deps.bus.publish({
    type: 'typing',
    shopId,
    data: { conversationId, agentId: p.agentId ?? null, displayName: p.displayName, authorKind: 'agent' },
  });
  return shopId;
}
