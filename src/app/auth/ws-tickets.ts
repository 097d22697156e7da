// One-time tickets for the agents' WebSocket (issue 10, Major 4). A browser cannot set headers on
// a WebSocket, and a token in the URL ends up in logs and proxies; so the screen POSTs (with its
// bearer token) for a ticket, then opens /api/v1/ws?ticket=…. A ticket is good once, for
// WS_TICKET_SECONDS, and stands for the token it was made with (a revoked token or ended session
// makes it worthless). Kept in the store so any process behind a load balancer can redeem it.
import { randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Database } from '../../store/open-database.js';
import { wsTickets } from '../../store/schema/index.js';
import { hashToken, resolveTokenHash, tokenKind, type Principal, type TokenKind } from './auth.js';

export const WS_TICKET_SECONDS = 30;

/** A new ticket for the bearer `token` (already authenticated by the caller). */
export async function issueWsTicket(database: Database, token: string, now: Date): Promise<{ ticket: string; expiresInSeconds: number }> {
  const kind = tokenKind(token);
  if (!kind) throw new Error('issueWsTicket: not a bearer token');
  const ticket = `dxw_${randomBytes(24).toString('base64url')}`;
  const { db } = database;
  // Expired tickets are swept as new ones are made (they are worthless either way).
  await db.delete(wsTickets).where(lt(wsTickets.expiresAt, new Date(now.getTime() - 60_000)));
  await db.insert(wsTickets).values({
    ticketHash: hashToken(ticket),
    tokenKind: kind,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + WS_TICKET_SECONDS * 1000),
  });
  return { ticket, expiresInSeconds: WS_TICKET_SECONDS };
}

/** The principal a ticket stands for, using it up; null when unknown, used or expired. */
export async function redeemWsTicket(database: Database, ticket: string, now: Date): Promise<Principal | null> {
  if (!ticket.startsWith('dxw_') || ticket.length > 200) return null;
  const [row] = await database.db
    .delete(wsTickets)
    .where(eq(wsTickets.ticketHash, hashToken(ticket)))
    .returning();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return resolveTokenHash(database, row.tokenKind as TokenKind, row.tokenHash, now);
}
