// The one delivery port (issue 9): every stored outgoing message — the bot's, an agent's, a
// follow-up, any later sender's — reaches the buyer by its conversation's channel, queued in the
// same transaction (or server-side function call) that stores it:
// - bridge (a marketplace): a row in the bridge outbox, POSTed to the shop's callback URL with
//   retries (bridge-outbox.ts; the HTTP client is the edge's, src/channels/bridge); without a
//   callback URL the bridge polls GET …/messages?after=seq;
// - widget (the shop's web chat): the widget hub pushes every `message.created` event of the
//   visitor's conversation to the visitor's sockets, so the event the sender emits is the delivery;
// - cli (`dxe chat`): the terminal prints what the call returns; nothing to queue.
// A channel not listed here is refused loudly rather than dropped silently.
import { isChannel } from '../../core/contract/channels.js';
import { DxeError } from '../../core/errors.js';


export interface DeliveryTarget {
  /** conversations.channel */
  channel: string;
  /** The shop's bridge callback URL (shop settings), when it has one. */
  bridgeCallbackUrl?: string | null;
}

/** Where the stored messages must be POSTed (the bridge outbox), or null when the channel needs no queue. */
export function outboxUrlFor(target: DeliveryTarget): string | null {
  if (!isChannel(target.channel)) throw new DxeError('INTERNAL', `未知的消息渠道: ${target.channel}`);
  switch (target.channel) {
    case 'bridge':
      return target.bridgeCallbackUrl ?? null;
    case 'widget':
    case 'cli':
      return null;
  }
}
