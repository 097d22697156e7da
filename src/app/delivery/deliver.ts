// The one delivery port (issue 9): every stored outgoing message — the bot's, an agent's, a
// follow-up, any later sender's — reaches the buyer by its conversation's channel, queued in the
// same transaction that stored it:
// - bridge (a marketplace): a row in the bridge outbox, POSTed to the shop's callback URL with
//   retries (bridge-outbox.ts; the poster itself is the edge's, src/channels/bridge);
// - widget (the shop's web chat): the widget hub pushes every `message.created` event of the
//   visitor's conversation to the visitor's sockets, so the event the sender emits is the delivery;
// - cli (`dxe chat`): the terminal prints what the call returns; nothing to queue.
// A channel not listed here is refused loudly rather than dropped silently.
import { DxeError } from '../../core/errors.js';
import type { Tx } from '../../store/open-database.js';
import { queueBridgeDeliveries } from './bridge-outbox.js';

export const CHANNELS = ['bridge', 'widget', 'cli'] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

export interface DeliveryTarget {
  shopId: string;
  /** conversations.channel */
  channel: string;
  /** The shop's bridge callback URL (shop settings), when it has one. */
  bridgeCallbackUrl?: string | null;
}

export interface DeliveryQueued {
  channel: Channel;
  /** Outbox rows written (bridge only). */
  queued: number;
}

/** Queues delivery of stored messages inside the caller's transaction. */
export async function queueDelivery(tx: Tx, target: DeliveryTarget, messageIds: number[], now: Date): Promise<DeliveryQueued> {
  if (!isChannel(target.channel)) throw new DxeError('INTERNAL', `未知的消息渠道: ${target.channel}`);
  if (messageIds.length === 0) return { channel: target.channel, queued: 0 };
  switch (target.channel) {
    case 'bridge':
      // Without a callback URL the bridge polls GET …/messages?after=seq instead.
      if (!target.bridgeCallbackUrl) return { channel: 'bridge', queued: 0 };
      await queueBridgeDeliveries(tx, target.shopId, target.bridgeCallbackUrl, messageIds, now);
      return { channel: 'bridge', queued: messageIds.length };
    case 'widget':
    case 'cli':
      return { channel: target.channel, queued: 0 };
  }
}
