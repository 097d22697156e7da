// The reply guard over a shop's profile (B4, D1–D11) and the context it needs from the
// conversation: the free-shipping promise of the item under discussion, else the shop's (D5), the
// outgoing messages before this one (a contact split across messages is still a contact, D2) and
// whether the chat partner is the account that placed the order under discussion (D6).
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { checkReply } from '../../core/guard/check-reply.js';
import type { GuardContext, GuardResult, Violation } from '../../core/guard/types.js';
import type { Profile } from '../../core/rules/schema.js';
import { queriesOf, type Database, type Tx } from '../../store/open-database.js';
import { buyers, messages, orders } from '../../store/schema/index.js';
import type { ShopContext } from '../shops/shop-context.js';
import type { ConversationRow } from './views.js';

/** Verdicts kept per profile object (issue 9, throughput): the most recent, least recently used out. */
const VERDICT_CACHE_SIZE = 4096;
const verdictCache = new WeakMap<Profile, Map<string, GuardResult>>();

/** A cached verdict is shared by every caller that gets it: frozen, so none can change it for the others. */
function frozen(r: GuardResult): GuardResult {
  for (const x of [...r.violations, ...r.promises]) {
    Object.freeze(x.span);
    Object.freeze(x);
  }
  Object.freeze(r.violations);
  Object.freeze(r.promises);
  return Object.freeze(r);
}

/**
 * The guard's verdict on one reply (B4, D1–D11). checkReply is pure: its verdict depends on the
 * profile, the text and the context alone — and of the earlier outgoing messages only on the last
 * `split_window` (split evasions) — so the verdict on the same input is reused instead of checked
 * again (issue 9: the guard was a third of a buyer message's CPU; a shop's bot sends the same
 * standard answers to many buyers). The profile object is the key's first part: a changed rule
 * profile or shop override is a new object (core/rules `profileFor`), so nothing stale is reused.
 */
export function guardReply(profile: Profile, text: string, ctx: GuardContext): GuardResult {
  // The profile's penalties section as a whole: checkReply reads its by_rule table (points per rule).
  const check = () => checkReply(text, { guard: profile.guard, penalties: profile.penalties }, ctx);
  const window = profile.guard?.split_window;
  if (window === undefined) return check();
  const prev = window > 0 ? (ctx.previousOutgoing ?? []).slice(-window) : [];
  const key = JSON.stringify([text, ctx.freeShipping ?? null, ctx.askerIsBuyer ?? null, ctx.locale ?? null, ctx.platform ?? null, ctx.shopName ?? null, prev]);
  let cache = verdictCache.get(profile);
  if (!cache) verdictCache.set(profile, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const verdict = frozen(check());
  if (cache.size >= VERDICT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, verdict);
  return verdict;
}

export function guardContext(opts: {
  freeShipping: boolean;
  previousOutgoing: readonly string[];
  askerIsBuyer: boolean;
  /** The shop's own name (D2: naming itself is no other shop). */
  shopName?: string;
}): GuardContext {
  return {
    freeShipping: opts.freeShipping,
    askerIsBuyer: opts.askerIsBuyer,
    previousOutgoing: opts.previousOutgoing,
    ...(opts.shopName ? { shopName: opts.shopName } : {}),
  };
}

/** D5: the item's own 包邮 flag when the item under discussion has one, else the shop's. */
export function freeShippingFor(shop: Pick<ShopContext, 'settings' | 'freeShippingByItem'>, itemId?: string | null): boolean {
  const own = itemId ? shop.freeShippingByItem.get(itemId) : undefined;
  return own ?? shop.settings.freeShipping;
}

/** Order and tracking numbers are runs of letters, digits and dashes; shorter runs are never one. */
const ID_TOKEN = /[A-Za-z0-9][A-Za-z0-9-]{5,39}/g;

/**
 * D6: is the chat partner the account that placed the order under discussion? The order under
 * discussion is the last one whose order or tracking number appears in `texts` (oldest first:
 * the buyer's recent messages, then the reply itself). None named: the conversation's own
 * orders are the only ones the bot and the side panel show, so the partner is their buyer. An
 * order that names no account (an import without the buyer) cannot be confirmed with anyone, so
 * it counts as another account's.
 */
export async function askerIsBuyerFor(
  database: Database | Tx,
  conversation: Pick<ConversationRow, 'shopId' | 'buyerId'>,
  texts: readonly string[],
): Promise<boolean> {
  const mentions: { token: string; at: number }[] = [];
  texts.forEach((text, i) => {
    for (const m of text.matchAll(ID_TOKEN)) mentions.push({ token: m[0], at: i * 1e6 + m.index });
  });
  if (mentions.length === 0) return true;
  const tokens = [...new Set(mentions.map((m) => m.token))];
  const db = queriesOf(database);
  const found = await db
    .select({ no: orders.platformOrderNo, tracking: orders.trackingNo, buyerId: orders.buyerId, account: orders.buyerAccount })
    .from(orders)
    .where(and(eq(orders.shopId, conversation.shopId), or(inArray(orders.platformOrderNo, tokens), inArray(orders.trackingNo, tokens))));
  if (found.length === 0) return true;
  const last = mentions
    .filter((m) => found.some((o) => o.no === m.token || o.tracking === m.token))
    .sort((a, b) => b.at - a.at)[0]!;
  // A number shared by several orders (a tracking number on a split shipment) is the buyer's
  // when any of them is.
  const named = found.filter((o) => o.no === last.token || o.tracking === last.token);
  if (named.some((o) => o.buyerId === conversation.buyerId)) return true;
  const byAccount = named.filter((o) => !o.buyerId && o.account);
  if (byAccount.length === 0) return false;
  const [b] = await db.select({ account: buyers.platformAccount }).from(buyers).where(eq(buyers.id, conversation.buyerId));
  return byAccount.some((o) => o.account === b?.account);
}

/**
 * The guard's context for a reply an agent writes in a conversation: the last outgoing messages,
 * the item under discussion (the item card of the last buyer message, else the bot's focus item)
 * and the asker (from the buyer's last messages and the reply).
 */
export async function conversationGuardContext(
  database: Database | Tx,
  shop: Pick<ShopContext, 'settings' | 'freeShippingByItem' | 'shop'>,
  conversation: Pick<ConversationRow, 'id' | 'shopId' | 'buyerId' | 'state'>,
  replyText: string,
): Promise<GuardContext> {
  const db = queriesOf(database);
  const recent = await db
    .select({ direction: messages.direction, text: messages.text, itemRef: messages.itemRef })
    .from(messages)
    .where(eq(messages.conversationId, conversation.id))
    .orderBy(desc(messages.seq))
    .limit(20);
  recent.reverse();
  const outgoing = recent.filter((m) => m.direction === 'out').map((m) => m.text).slice(-10);
  const incoming = recent.filter((m) => m.direction === 'in');
  const state = conversation.state as { focusItemId?: unknown } | null;
  const focus = typeof state?.focusItemId === 'string' ? state.focusItemId : null;
  const itemId = incoming.map((m) => m.itemRef).filter(Boolean).at(-1) ?? focus;
  const askerIsBuyer = await askerIsBuyerFor(database, conversation, [...incoming.slice(-3).map((m) => m.text), replyText]);
  return guardContext({ freeShipping: freeShippingFor(shop, itemId), previousOutgoing: outgoing, askerIsBuyer, shopName: shop.shop.name });
}

/** A violation as the agent reads it: the rule's Chinese name beside its id (issue 11). */
export interface ExplainedViolation extends Violation {
  title: string;
}

/** The rule's Chinese name from the shop's profile (the id when the profile names none). */
export function ruleTitle(profile: Profile, rule: string): string {
  const rules = profile.guard?.rules as Record<string, { title?: string }> | undefined;
  const byRule = profile.penalties?.by_rule as Record<string, { title?: unknown }> | undefined;
  const fromGuard = rules?.[rule]?.title;
  if (fromGuard) return fromGuard;
  const fromPenalty = byRule?.[rule]?.title;
  return typeof fromPenalty === 'string' ? fromPenalty : rule;
}

/** The verdict with each violation's Chinese rule name added (for screens and errors). */
export function explainVerdict(profile: Profile, verdict: GuardResult): GuardResult & { violations: ExplainedViolation[] } {
  return { ...verdict, violations: verdict.violations.map((v) => ({ ...v, title: ruleTitle(profile, v.rule) })) };
}

/** One reason the guard gave, as stored for the agent: the rule's Chinese name, its points, 疑似 or not. */
export interface InterventionReason {
  rule: string;
  title: string;
  severity: 'block' | 'warn';
  points: number;
  message: string;
  suspected?: boolean;
  reason?: string;
}

/** A bot message the guard replaced by its rewrite or dropped, and why (issue 11). */
export interface GuardIntervention {
  action: 'replaced' | 'dropped';
  /** The text the bot had planned (never sent). */
  original: string;
  violations: InterventionReason[];
}

/** A guard verdict as stored on an outgoing message: with what the guard did before it, if anything. */
export type GuardVerdictStored = GuardResult & { interventions?: GuardIntervention[] };

export function interventionOf(profile: Profile, action: GuardIntervention['action'], original: string, verdict: GuardResult): GuardIntervention {
  return {
    action,
    original,
    violations: verdict.violations.map((v) => ({
      rule: v.rule,
      title: ruleTitle(profile, v.rule),
      severity: v.severity,
      points: v.points,
      message: v.message,
      ...(v.suspected ? { suspected: true } : {}),
      ...(v.reason ? { reason: v.reason } : {}),
    })),
  };
}
