// The one path for outgoing replies (agents, and the bot when it wants it): guard → split → store
// → record promises → publish. A blocked reply is never stored as sent (D); a supervisor/admin may
// override with a reason, which goes to the audit log. Long answers go out as short messages (C4).
import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkReply } from '../../core/guard/check-reply.js';
import type { GuardContext, GuardResult } from '../../core/guard/types.js';
import { DxeError } from '../../core/errors.js';
import { finishedStates } from '../../core/orders/order-phase.js';
import type { Profile } from '../../core/rules/schema.js';
import type { Database } from '../../store/open-database.js';
import { conversations, messages, orders, promises, shops } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { appendAudit } from '../audit/audit-log.js';
import { conversationSummary, messageView, type MessageView } from './conversations.js';
import type { EventBus } from '../events/event-bus.js';
import { shopProfile } from '../shops/shop-profile.js';

/** C4: one short line a message; longer answers are cut at sentence ends, then at commas. */
export const MAX_MESSAGE_CHARS = 40;

export function splitReply(text: string, max = MAX_MESSAGE_CHARS): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if ([...trimmed].length <= max) {
      out.push(trimmed);
      continue;
    }
    // One sentence a message (closing punctuation and emoticons stay with it); an overlong
    // sentence is cut at commas, packing its pieces up to the limit; a lone fragment such as
    // 好的。 joins its neighbour.
    const sentences = trimmed.match(/[^。！？!?；;]+[。！？!?；;]*|[。！？!?；;]+/g) ?? [trimmed];
    const units: string[] = [];
    for (const s of sentences) {
      if ([...s].length <= max) units.push(s);
      else units.push(...pack((s.match(/[^，,、]+[，,、]*|[，,、]+/g) ?? [s]).flatMap((x) => hardWrap(x, max)), max));
    }
    const merged: string[] = [];
    for (const u of units) {
      const prev = merged[merged.length - 1];
      const tiny = (x: string) => [...x.trim()].length < MIN_MESSAGE_CHARS;
      if (prev !== undefined && (tiny(u) || tiny(prev)) && [...prev + u].length <= max) merged[merged.length - 1] = prev + u;
      else merged.push(u);
    }
    out.push(...merged.map((m) => m.trim()).filter(Boolean));
  }
  return out;
}

/** Fragments shorter than this are not sent alone. */
const MIN_MESSAGE_CHARS = 6;

function pack(pieces: string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current && [...current + piece].length > max) {
      out.push(current);
      current = '';
    }
    current += piece;
  }
  if (current) out.push(current);
  return out;
}

function hardWrap(piece: string, max: number): string[] {
  const chars = [...piece];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += max) out.push(chars.slice(i, i + max).join(''));
  return out;
}

const shopSettingsSchema = z.object({ freeShipping: z.boolean().optional() }).loose();

/** The reply guard over a shop's profile (B4, D1–D11). */
export function guardReply(profile: Profile, text: string, ctx: GuardContext): GuardResult {
  return checkReply(text, { guard: profile.guard, penalties: profile.penalties.by_rule }, ctx);
}

export interface SendReplyInput {
  conversationId: string;
  text: string;
  author: { kind: 'agent' | 'bot' | 'system'; id?: string | null };
  /** The caller, when an agent sends: scope and override rights are checked against it. */
  principal?: Principal;
  override?: { reason: string };
}

export interface SendReplyDeps {
  database: Database;
  bus: EventBus;
  now: Date;
  /** Told when the stored reply could not be pushed to screens (the reply still counts as sent). */
  onPublishError?: (err: unknown) => void;
}

export interface SendReplyResult {
  messages: MessageView[];
  verdict: GuardResult;
  /** False when the bus failed after the reply was stored. */
  published: boolean;
}

export async function sendReply(deps: SendReplyDeps, input: SendReplyInput): Promise<SendReplyResult> {
  const { db } = deps.database;
  const [row] = await db.select({ c: conversations, shop: shops }).from(conversations)
    .innerJoin(shops, eq(shops.id, conversations.shopId)).where(eq(conversations.id, input.conversationId));
  const p = input.principal;
  if (!row || (p && !p.shopIds.includes(row.c.shopId))) throw new DxeError('NOT_FOUND', '找不到该会话');
  const { c, shop } = row;
  if (c.status === 'closed') throw new DxeError('INVALID_TRANSITION', '会话已结束，不能再发送消息');
  const parts = splitReply(input.text);
  if (parts.length === 0) throw new DxeError('VALIDATION_FAILED', '消息内容不能为空');

  const previous = await db.select({ text: messages.text }).from(messages)
    .where(and(eq(messages.conversationId, c.id), eq(messages.direction, 'out')))
    .orderBy(desc(messages.seq)).limit(10);
  // D8: the buyer's order still under way; finished states are the profile's own (交易成功, 交易关闭…).
  const [openOrder] = await db.select({ id: orders.id }).from(orders)
    .where(and(eq(orders.shopId, c.shopId), eq(orders.buyerId, c.buyerId), notInArray(orders.state, finishedStates(shopProfile(shop)))))
    .orderBy(desc(orders.orderedAt)).limit(1);
  const ctx: GuardContext = {
    freeShipping: shopSettingsSchema.safeParse(shop.settings).data?.freeShipping ?? false,
    // The chat partner is the conversation's own buyer account, who placed the orders shown (D6).
    askerIsBuyer: true,
    previousOutgoing: previous.map((m) => m.text).reverse(),
  };
  const verdict = guardReply(shopProfile(shop), input.text, ctx);

  if (verdict.verdict === 'block') {
    if (!input.override) {
      // Every blocked agent draft is an interception the dashboard counts (T1) and a supervisor may review.
      if (p) {
        await appendAudit(deps.database, {
          orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'reply.blocked',
          subjectKind: 'conversation', subjectId: c.id,
          data: { rules: [...new Set(verdict.violations.map((v) => v.rule))] },
        });
      }
      throw new DxeError('REPLY_BLOCKED', blockedMessage(verdict), verdict);
    }
    if (!p || (p.role !== 'admin' && p.role !== 'supervisor')) {
      throw new DxeError('FORBIDDEN', '只有主管或管理员可以强制发送被拦截的回复');
    }
    await appendAudit(deps.database, {
      orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'reply.override',
      subjectKind: 'conversation', subjectId: c.id,
      // Keys in jsonb's own order (shorter first) so the stored row re-hashes to the same value.
      data: { text: input.text, rules: [...new Set(verdict.violations.map((v) => v.rule))], reason: input.override.reason },
    });
  }

  const stored = await db.transaction(async (tx) => {
    const [bumped] = await tx.update(conversations)
      .set({
        lastSeq: sql`${conversations.lastSeq} + ${parts.length}`,
        lastMessageAt: deps.now,
        firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${deps.now.toISOString()}::timestamptz)`,
        // A person answering takes the chat over from the bot or the queue (C17).
        ...(input.author.kind === 'agent' && c.status !== 'assigned'
          ? { status: 'assigned' as const, assigneeId: input.author.id ?? null }
          : {}),
      })
      .where(eq(conversations.id, c.id))
      .returning({ lastSeq: conversations.lastSeq });
    const first = bumped!.lastSeq - parts.length + 1;
    return tx.insert(messages).values(parts.map((text, i) => ({
      shopId: c.shopId, conversationId: c.id, seq: first + i, direction: 'out' as const, authorKind: input.author.kind,
      authorId: input.author.id ?? null, text, guardVerdict: i === 0 ? verdict : { verdict: verdict.verdict, partOf: first },
      sentAt: deps.now, createdAt: deps.now,
    }))).returning();
  });

  // D8: every commitment is tracked against the conversation and the buyer's open order.
  if (verdict.promises.length) {
    const offsets = partOffsets(input.text, parts);
    await db.insert(promises).values(verdict.promises.map((pr) => {
      const idx = Math.max(0, offsets.findLastIndex((o) => o <= pr.span[0]));
      return {
        shopId: c.shopId, conversationId: c.id, orderId: openOrder?.id ?? null, messageId: stored[idx]?.id ?? null,
        kind: pr.kind, text: pr.text, createdAt: deps.now,
      };
    }));
  }

  const views = stored.sort((a, b) => a.seq - b.seq).map(messageView);
  // The reply is stored: a failing bus (Redis down) must not turn it into an error the agent
  // would answer by sending it again. Screens catch up through GET …/messages?afterSeq.
  let published = true;
  try {
    for (const m of views) {
      await deps.bus.publish({ type: 'message.created', shopId: c.shopId, data: { conversationId: c.id, message: m } });
    }
    const summary = await conversationSummary(deps.database, c.id, deps.now);
    await deps.bus.publish({ type: 'conversation.updated', shopId: c.shopId, data: { conversationId: c.id, conversation: summary } });
  } catch (err) {
    published = false;
    deps.onPublishError?.(err);
  }
  return { messages: views, verdict, published };
}

/** Where each part starts in the original text (parts are trimmed slices of it, in order). */
function partOffsets(text: string, parts: string[]): number[] {
  const out: number[] = [];
  let cursor = 0;
  for (const part of parts) {
    const at = text.indexOf(part, cursor);
    out.push(at < 0 ? cursor : at);
    cursor = at < 0 ? cursor : at + part.length;
  }
  return out;
}

function blockedMessage(v: GuardResult): string {
  const first = v.violations.find((x) => x.severity === 'block');
  return first ? `回复违反平台规则，已拦截：${first.message}` : '回复违反平台规则，已拦截';
}
