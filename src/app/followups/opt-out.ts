// F3 (issue 14): a buyer who writes 退订 / TD / unsubscribe in chat opts out of proactive messages.
// The inbound pipeline records it here when it understands the message (once: the row's key is
// the shop and buyer, so a retry or a resumed message writes nothing new); the scheduler
// (run-due.ts) and the preview read followup_consent and send nothing more to that buyer.
import { followupRules } from '../../core/followups/config.js';
import { isOptOut } from '../../core/followups/limits.js';
import type { Database } from '../../store/open-database.js';
import { followupConsent } from '../../store/schema/index.js';

/** Is this buyer message an opt-out (the words of rules/followups.yaml opt_out)? Pure. */
export function isOptOutMessage(text: string): boolean {
  return isOptOut(text, followupRules().opt_out.words);
}

/** Records the opt-out a buyer wrote; true when the message was one. */
export async function recordOptOutFromMessage(
  database: Database,
  m: { shopId: string; buyerId: string; messageId: number; text: string },
  now: Date,
): Promise<boolean> {
  if (!isOptOutMessage(m.text)) return false;
  await database.db
    .insert(followupConsent)
    .values({ shopId: m.shopId, buyerId: m.buyerId, optedOutAt: now, source: 'buyer_message', messageId: m.messageId })
    .onConflictDoNothing();
  return true;
}
