// An agent's reply (and any sender that wants the same checks): guard → split → store → deliver.
// A blocked reply is never stored as sent (D); a supervisor or admin may override with a reason,
// which goes to the audit log in the same transaction as the message. Long answers go out as
// short messages (C4). Storing, promises (D8), delivery by channel and events are append-outgoing's.
import { eq } from 'drizzle-orm';
import type { GuardResult } from '../../core/guard/types.js';
import { splitReply } from '../../core/contract/split-reply.js';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import { conversations } from '../../store/schema/index.js';
import { appendAudit, appendAuditIn } from '../audit/audit-log.js';
import type { Principal } from '../auth/auth.js';
import type { EventBus } from '../events/event-bus.js';
import { transact } from '../events/outbox.js';
import { loadShopContext } from '../shops/shop-context.js';
import { syncPromises } from '../timers/promise-deadlines.js';
import { appendOutgoing } from './append-outgoing.js';
import { lockConversation } from './conversation-row.js';
import { conversationGuardContext, explainVerdict, guardReply } from './guard-reply.js';
import { conversationSummary, messageView, type MessageView } from './views.js';

export { guardReply, splitReply };

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
  /** Told when the stored reply could not be pushed to screens now (it is retried; the reply counts as sent). */
  onPublishError?: (err: unknown) => void;
}

export interface SendReplyResult {
  messages: MessageView[];
  verdict: GuardResult;
  /** False when the bus failed after the reply was stored (screens catch up; the outbox retries). */
  published: boolean;
}

export async function sendReply(deps: SendReplyDeps, input: SendReplyInput): Promise<SendReplyResult> {
  const { db } = deps.database;
  const [c] = await db.select().from(conversations).where(eq(conversations.id, input.conversationId));
  const p = input.principal;
  if (!c || (p && !p.shopIds.includes(c.shopId))) throw new DxeError('NOT_FOUND', '找不到该会话');
  if (c.status === 'closed') throw new DxeError('INVALID_TRANSITION', '会话已结束，不能再发送消息');
  const parts = splitReply(input.text);
  if (parts.length === 0) throw new DxeError('VALIDATION_FAILED', '消息内容不能为空');

  const shop = await loadShopContext(deps.database, c.shopId);
  // D6: the asker is judged against the order under discussion; D5: the item under discussion.
  const verdict = explainVerdict(shop.profile, guardReply(shop.profile, input.text, await conversationGuardContext(deps.database, shop, c, input.text)));
  const rules = [...new Set(verdict.violations.map((v) => v.rule))];

  if (verdict.verdict === 'block') {
    if (!input.override) {
      // Every blocked agent draft is an interception the dashboard counts (T1) and a supervisor may review.
      if (p) {
        await appendAudit(deps.database, {
          orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'reply.blocked',
          subjectKind: 'conversation', subjectId: c.id, data: { rules },
        });
      }
      throw new DxeError('REPLY_BLOCKED', blockedMessage(verdict), verdict);
    }
    if (!p || (p.role !== 'admin' && p.role !== 'supervisor')) {
      throw new DxeError('FORBIDDEN', '只有主管或管理员可以强制发送被拦截的回复');
    }
  }

  let published = true;
  const offsets = partOffsets(input.text, parts);
  const stored = await transact(
    {
      database: deps.database,
      bus: deps.bus,
      onPublishError: (err) => {
        published = false;
        deps.onPublishError?.(err);
      },
    },
    async (tx, emit) => {
      const locked = await lockConversation(tx, c.id);
      if (locked.row.status === 'closed') throw new DxeError('INVALID_TRANSITION', '会话已结束，不能再发送消息');
      if (verdict.verdict === 'block' && p && input.override) {
        await appendAuditIn(tx, {
          orgId: p.orgId, at: deps.now, actorKind: p.kind, actorId: p.agentId ?? null, action: 'reply.override',
          subjectKind: 'conversation', subjectId: c.id,
          // Keys in jsonb's own order (shorter first) so the stored row re-hashes to the same value.
          data: { text: input.text, rules, reason: input.override.reason },
        });
      }
      const rows = await appendOutgoing(tx, emit, locked, {
        author: input.author,
        messages: parts.map((text, i) => ({ text, verdict, ...(i === 0 ? {} : { partOf: 0 }) })),
        promises: verdict.promises.map((pr) => ({
          kind: pr.kind,
          text: pr.text,
          messageIndex: Math.max(0, offsets.findLastIndex((o) => o <= pr.span[0])),
        })),
        profile: shop.profile,
        bridgeCallbackUrl: shop.settings.bridgeCallbackUrl ?? null,
        now: deps.now,
      });
      // D8: the promises just made get their due time and warning row with the reply.
      if (verdict.promises.length > 0) await syncPromises(tx, { conversationId: c.id }, deps.now);
      const summary = await conversationSummary(tx, c.id, deps.now);
      emit({ type: 'conversation.updated', shopId: c.shopId, data: { conversationId: c.id, conversation: summary } });
      return rows;
    },
  );
  return { messages: stored.map(messageView), verdict, published };
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
