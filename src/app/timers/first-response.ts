// First-response targets (C2): due the profile's first-reply seconds after a conversation's first
// buyer message. The inbound-message use case may schedule it directly; the sweep adds any
// conversation nobody scheduled, so the target holds even for conversations stored elsewhere.
import { eq } from 'drizzle-orm';
import type { Database } from '../../store/open-database.js';
import { deadlines, shops } from '../../store/schema/index.js';
import { scheduleDeadline, type Tx } from './deadlines.js';
import { firstReplySeconds } from '../shops/shop-profile.js';

/** A warning when 70 % of the target has passed: the queue's `nearTarget` threshold (30 % left). */
const WARN_SHARE = 0.7;

export async function scheduleFirstResponse(
  tx: Tx,
  input: { shopId: string; conversationId: string; firstBuyerMessageAt: Date; targetSeconds: number },
): Promise<void> {
  const ms = input.targetSeconds * 1000;
  await scheduleDeadline(tx, {
    shopId: input.shopId,
    subjectKind: 'conversation',
    subjectId: input.conversationId,
    kind: 'first_response',
    dueAt: new Date(input.firstBuyerMessageAt.getTime() + ms),
    warnAt: new Date(input.firstBuyerMessageAt.getTime() + ms * WARN_SHARE),
    payload: { targetSeconds: input.targetSeconds },
  });
}

/**
 * Inserts the missing first-response deadlines of unanswered conversations, per shop, in one
 * statement each; existing rows are untouched (ON CONFLICT DO NOTHING). Only conversations whose
 * first message is recent enough to matter (last day) are considered.
 */
export async function ensureFirstResponseDeadlines(database: Database, now: Date): Promise<number> {
  const shopRows = await database.db.select({ id: shops.id, platform: shops.platform, overrides: shops.ruleOverrides }).from(shops);
  let added = 0;
  const since = new Date(now.getTime() - 86_400_000);
  for (const shop of shopRows) {
    let seconds: number | null;
    try {
      seconds = firstReplySeconds({ platform: shop.platform, ruleOverrides: shop.overrides });
    } catch {
      continue; // a broken shop override is reported where it is edited; the sweep skips the shop
    }
    if (seconds === null) continue;
    const rows = await database.query<{ id: number }>(
      `insert into deadlines (shop_id, subject_kind, subject_id, kind, due_at, warn_at, payload)
       select c.shop_id, 'conversation', c.id, 'first_response',
              c.first_buyer_message_at + make_interval(secs => $2::double precision),
              c.first_buyer_message_at + make_interval(secs => $2::double precision * ${WARN_SHARE}),
              jsonb_build_object('targetSeconds', $2::double precision)
         from conversations c
        where c.shop_id = $1 and c.first_buyer_message_at is not null and c.first_response_at is null
          and c.first_buyer_message_at >= $3
       on conflict (subject_kind, subject_id, kind) do nothing
       returning id`,
      [shop.id, seconds, since],
    );
    added += rows.length;
  }
  return added;
}

export async function firstResponseDeadline(database: Database, conversationId: string) {
  const [row] = await database.db.select().from(deadlines).where(eq(deadlines.subjectId, conversationId));
  return row ?? null;
}
