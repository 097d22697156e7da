// What the buyer's web-chat widget reads: the shop's public name, the visitor's latest widget
// conversation and its messages (the buyer sees their own, the bot's and agents'; never system
// notes). Visitors have no account: the visitor id is their credential for their own chat only.
import { and, asc, desc, eq, gt, ne } from 'drizzle-orm';
import type { Database } from '../../store/open-database.js';
import { buyers, conversations, messages, shops } from '../../store/schema/index.js';

/** The buyer account a web-chat visitor writes as. */
export const visitorAccount = (visitor: string) => `web:${visitor}`;

export async function publicShop(database: Database, shopId: string): Promise<{ id: string; name: string } | null> {
  const [shop] = await database.db.select({ id: shops.id, name: shops.name }).from(shops).where(eq(shops.id, shopId));
  return shop ?? null;
}

export async function latestVisitorConversation(database: Database, shopId: string, visitor: string): Promise<string | null> {
  const [row] = await database.db.select({ id: conversations.id }).from(conversations)
    .innerJoin(buyers, eq(buyers.id, conversations.buyerId))
    .where(and(eq(buyers.shopId, shopId), eq(buyers.platformAccount, visitorAccount(visitor)), eq(conversations.channel, 'widget')))
    .orderBy(desc(conversations.createdAt)).limit(1);
  return row?.id ?? null;
}

export interface VisitorMessage {
  id: number;
  seq: number;
  text: string;
  authorKind: 'buyer' | 'bot' | 'agent';
  at: string;
  channelMessageId: string | null;
}

/** Messages after `afterSeq` (0: the latest `history`), oldest first, system notes left out. */
export async function visitorMessagesAfter(
  database: Database,
  conversationId: string,
  afterSeq: number,
  opts: { history: number; limit: number },
): Promise<VisitorMessage[]> {
  const rows = afterSeq === 0
    ? (await database.db.select().from(messages)
      .where(and(eq(messages.conversationId, conversationId), ne(messages.authorKind, 'system')))
      .orderBy(desc(messages.seq)).limit(opts.history)).reverse()
    : await database.db.select().from(messages)
      .where(and(eq(messages.conversationId, conversationId), gt(messages.seq, afterSeq), ne(messages.authorKind, 'system')))
      .orderBy(asc(messages.seq)).limit(opts.limit);
  return rows.map((m) => ({
    id: m.id, seq: m.seq, text: m.text, authorKind: m.authorKind as VisitorMessage['authorKind'],
    at: m.createdAt.toISOString(), channelMessageId: m.channelMessageId,
  }));
}
