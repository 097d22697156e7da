// F4 老客回访 by phone and mail, the sender's side: which channel a due re-visit goes by (the
// shop's choice on the flow), what the sender needs to know about its buyers (a number to call, an
// email address, a refused or still open call, whether the shop has a mail server), and storing
// the call tasks and queued mails it decided on, in the sender's own transaction.
import { and, desc, inArray, isNotNull } from 'drizzle-orm';
import type { FlowKey } from '../../core/followups/config.js';
import type { FlowSettings } from '../../core/followups/flows.js';
import type { RevisitChannel } from '../../core/followups/revisit-channels.js';
import type { Tx } from '../../store/open-database.js';
import { buyers, mailOutbox, orders, revisitCalls, shopMailSettings } from '../../store/schema/index.js';

/** The channel a due row goes by: a re-visit by the shop's choice, every other flow by chat. */
export function revisitChannelOf(flow: FlowKey, settings: FlowSettings): RevisitChannel {
  return flow === 'revisit' ? (settings.revisit?.channel ?? 'chat') : 'chat';
}

export interface RevisitFacts {
  phone: string | null;
  email: string | null;
  refusedBefore: boolean;
  openTask: boolean;
  mailConfigured: boolean;
}

/** Per `shop|buyer`: the number to call (the buyer's own, else their latest order's), email, call history, mail server. */
export async function revisitFacts(tx: Tx, pairs: readonly { shopId: string; buyerId: string }[]): Promise<Map<string, RevisitFacts>> {
  const out = new Map<string, RevisitFacts>();
  const buyerIds = [...new Set(pairs.map((p) => p.buyerId))];
  const shopIds = [...new Set(pairs.map((p) => p.shopId))];
  if (buyerIds.length === 0) return out;
  const buyerRows = await tx.select({ id: buyers.id, shopId: buyers.shopId, phone: buyers.phone, email: buyers.email }).from(buyers).where(inArray(buyers.id, buyerIds));
  const orderPhones = await tx
    .select({ buyerId: orders.buyerId, phone: orders.receiverPhone })
    .from(orders)
    .where(and(inArray(orders.buyerId, buyerIds), isNotNull(orders.receiverPhone)))
    .orderBy(desc(orders.createdAt));
  const phoneOf = new Map<string, string>();
  for (const o of orderPhones) if (o.buyerId && o.phone && !phoneOf.has(o.buyerId)) phoneOf.set(o.buyerId, o.phone);
  const calls = await tx.select({ buyerId: revisitCalls.buyerId, state: revisitCalls.state, outcome: revisitCalls.outcome }).from(revisitCalls).where(inArray(revisitCalls.buyerId, buyerIds));
  const mailShops = new Set((await tx.select({ shopId: shopMailSettings.shopId }).from(shopMailSettings).where(inArray(shopMailSettings.shopId, shopIds))).map((r) => r.shopId));
  for (const b of buyerRows) {
    const mine = calls.filter((c) => c.buyerId === b.id);
    out.set(`${b.shopId}|${b.id}`, {
      phone: b.phone?.trim() || phoneOf.get(b.id) || null,
      email: b.email,
      refusedBefore: mine.some((c) => c.outcome === 'refused'),
      openTask: mine.some((c) => c.state === 'open'),
      mailConfigured: mailShops.has(b.shopId),
    });
  }
  return out;
}

export interface NewCallTask {
  shopId: string;
  buyerId: string;
  scheduledId: number;
  orderId: string | null;
  script: string;
  dueAt: Date;
}

export interface NewMail {
  shopId: string;
  buyerId: string;
  scheduledId: number;
  toAddress: string;
  subject: string;
  body: string;
  nextAttemptAt: Date;
}

/** Stores the sender's call tasks and queued mails (in its transaction, with the rows' new states). */
export async function storeRevisitTasks(tx: Tx, calls: readonly NewCallTask[], mails: readonly NewMail[]): Promise<void> {
  if (calls.length > 0) await tx.insert(revisitCalls).values(calls.map((c) => ({ ...c, state: 'open' as const })));
  if (mails.length > 0) await tx.insert(mailOutbox).values(mails.map((m) => ({ ...m, state: 'pending' as const })));
}
