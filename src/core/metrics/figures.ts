// Team figures (T1) as pure formulas over conversations, messages, orders and cases, in total and
// per agent / shop / day (Beijing calendar day). Attribution: a reply counts for whoever sent it
// (the bot under `bot`); a conversation for its assignee (or `bot`); a paid order for the
// conversation that converted it (same buyer and shop, paid within the window after it started).
import { beijingDayKey } from '../time/beijing-time.js';
import { mean, percentile, ratio } from './stats.js';
import type { CaseRow, ConversationRow, Figures, GroupBy, InterceptionRow, MessageRow, OrderRow, ReviewRow } from './types.js';

export const BOT_KEY = 'bot';
export const UNATTRIBUTED_KEY = 'none';
export const DEFAULT_CONVERSION_WINDOW_MS = 3 * 86400_000;

interface Acc {
  conversations: number;
  inquiries: number;
  converted: number;
  botResolved: number;
  handedOver: number;
  firstResponses: number[];
  responses: number[];
  paidOrders: number;
  paidFen: number;
  refunded: number;
  disputes: number;
  byRule: Record<string, number>;
  recommendations: number;
  recommendedInquiries: number;
  complaints: number;
  dsr: { description: number; service: number; logistics: number }[];
}

function emptyAcc(): Acc {
  return { conversations: 0, inquiries: 0, converted: 0, botResolved: 0, handedOver: 0, firstResponses: [], responses: [], paidOrders: 0, paidFen: 0, refunded: 0, disputes: 0, byRule: {}, recommendations: 0, recommendedInquiries: 0, complaints: 0, dsr: [] };
}

function toFigures(a: Acc): Figures {
  const interceptions = Object.values(a.byRule).reduce((s, n) => s + n, 0);
  return {
    conversations: a.conversations,
    inquiries: a.inquiries,
    firstResponseP50: percentile(a.firstResponses, 50),
    firstResponseP90: percentile(a.firstResponses, 90),
    avgResponse: mean(a.responses),
    inquiryConversion: ratio(a.converted, a.inquiries),
    aovFen: a.paidOrders > 0 ? Math.round(a.paidFen / a.paidOrders) : null,
    refundRate: ratio(a.refunded, a.paidOrders),
    disputeRate: ratio(a.disputes, a.paidOrders),
    interceptions,
    interceptionsByRule: { ...a.byRule },
    botResolution: ratio(a.botResolved, a.inquiries),
    handoverRate: ratio(a.handedOver, a.inquiries),
    recommendations: a.recommendations,
    recommendationRate: ratio(a.recommendedInquiries, a.inquiries),
    complaints: a.complaints,
    dsr: a.dsr.length
      ? {
          description: round2(mean(a.dsr.map((d) => d.description)) ?? 0),
          service: round2(mean(a.dsr.map((d) => d.service)) ?? 0),
          logistics: round2(mean(a.dsr.map((d) => d.logistics)) ?? 0),
          reviews: a.dsr.length,
        }
      : null,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * C6 (seed 000: every inquiring buyer gets a recommendation): a reply recommends when it uses the
 * words of a recommendation, or names a listed item the buyer had not named in the chat before.
 */
const RECOMMEND_WORDS = /推荐|建议您|建议亲|搭配|更适合|可以看看|可以考虑|可以选|入手/u;
export function isRecommendation(reply: string, itemTitles: readonly string[], buyerSaid: string): boolean {
  if (RECOMMEND_WORDS.test(reply)) return true;
  return itemTitles.some((t) => t.length >= 2 && reply.includes(t) && !buyerSaid.includes(t));
}

const COMPLAINT_INTENTS = new Set(['complaint']);

export interface FigureInput {
  conversations: readonly ConversationRow[];
  messages: readonly MessageRow[];
  orders: readonly OrderRow[];
  cases: readonly CaseRow[];
  interceptions?: readonly InterceptionRow[];
  /** R4: reviews with DSR stars on the orders above. */
  reviews?: readonly ReviewRow[];
  /** The shops' listed item titles, to recognise a recommendation (C6). */
  itemTitles?: readonly string[];
  conversionWindowMs?: number;
}

export interface FigureResult {
  total: Figures;
  groups: { key: string; figures: Figures }[];
}

/** Response times of one conversation: the first reply and every buyer turn → next reply. */
export function responseTimes(msgs: readonly MessageRow[]): { first: { seconds: number; by: string; at: Date } | null; turns: { seconds: number; by: string; at: Date }[] } {
  const sorted = [...msgs].sort((a, b) => a.seq - b.seq);
  let waitingSince: Date | null = null;
  let first: { seconds: number; by: string; at: Date } | null = null;
  const turns: { seconds: number; by: string; at: Date }[] = [];
  for (const m of sorted) {
    if (m.direction === 'in' && m.authorKind === 'buyer') {
      waitingSince ??= m.createdAt;
    } else if (m.direction === 'out' && (m.authorKind === 'bot' || m.authorKind === 'agent') && waitingSince) {
      const by = m.authorKind === 'bot' ? BOT_KEY : (m.authorId ?? UNATTRIBUTED_KEY);
      const turn = { seconds: Math.max(0, (m.createdAt.getTime() - waitingSince.getTime()) / 1000), by, at: waitingSince };
      first ??= turn;
      turns.push(turn);
      waitingSince = null;
    }
  }
  return { first, turns };
}

export function computeFigures(input: FigureInput, groupBy: GroupBy): FigureResult {
  const total = emptyAcc();
  const groups = new Map<string, Acc>();
  const acc = (key: string): Acc => {
    let a = groups.get(key);
    if (!a) groups.set(key, (a = emptyAcc()));
    return a;
  };
  const both = (key: string, f: (a: Acc) => void) => {
    f(total);
    f(acc(key));
  };
  const window = input.conversionWindowMs ?? DEFAULT_CONVERSION_WINDOW_MS;

  const msgsByConv = new Map<string, MessageRow[]>();
  for (const m of input.messages) {
    const list = msgsByConv.get(m.conversationId);
    if (list) list.push(m);
    else msgsByConv.set(m.conversationId, [m]);
  }

  const convKey = (c: ConversationRow) =>
    groupBy === 'agent' ? (c.assigneeId ?? BOT_KEY) : groupBy === 'shop' ? c.shopId : beijingDayKey(c.createdAt);

  // Conversations that asked something, by shop+buyer, for order attribution.
  const inquiriesByBuyer = new Map<string, ConversationRow[]>();
  for (const c of input.conversations) {
    const msgs = msgsByConv.get(c.id) ?? [];
    const asked = msgs.some((m) => m.authorKind === 'buyer');
    const agentSpoke = msgs.some((m) => m.authorKind === 'agent');
    const key = convKey(c);
    both(key, (a) => {
      a.conversations++;
      if (!asked) return;
      a.inquiries++;
      if (c.handoverReason || agentSpoke || c.assigneeId) a.handedOver++;
      else if (c.status === 'closed') a.botResolved++;
    });
    if (asked) {
      const k = `${c.shopId}|${c.buyerId}`;
      inquiriesByBuyer.set(k, [...(inquiriesByBuyer.get(k) ?? []), c]);
    }
    // C6: recommendations by whoever replied; an inquiry counts once when any reply recommended.
    // Complaints: the conversation's, for its assignee (or the bot).
    let buyerSaid = '';
    let recommended = false;
    for (const m of [...msgs].sort((a, b) => a.seq - b.seq)) {
      if (m.authorKind === 'buyer') {
        buyerSaid += m.text;
        continue;
      }
      if (m.direction !== 'out' || (m.authorKind !== 'bot' && m.authorKind !== 'agent')) continue;
      if (!isRecommendation(m.text, input.itemTitles ?? [], buyerSaid)) continue;
      recommended = true;
      const by = groupBy === 'agent' ? (m.authorKind === 'bot' ? BOT_KEY : (m.authorId ?? UNATTRIBUTED_KEY)) : groupBy === 'shop' ? c.shopId : beijingDayKey(m.createdAt);
      both(by, (a) => a.recommendations++);
    }
    if (asked && recommended) both(key, (a) => a.recommendedInquiries++);
    if (msgs.some((m) => m.authorKind === 'buyer' && m.intent !== null && COMPLAINT_INTENTS.has(m.intent))) both(key, (a) => a.complaints++);
    const { first, turns } = responseTimes(msgs);
    const rkey = (t: { by: string; at: Date }) => (groupBy === 'agent' ? t.by : groupBy === 'shop' ? c.shopId : beijingDayKey(t.at));
    if (first) both(rkey(first), (a) => a.firstResponses.push(first.seconds));
    for (const t of turns) both(rkey(t), (a) => a.responses.push(t.seconds));
    for (const m of msgs) {
      if (m.flaggedRules.length === 0) continue;
      const k = groupBy === 'agent' ? (m.authorKind === 'bot' ? BOT_KEY : (m.authorId ?? UNATTRIBUTED_KEY)) : groupBy === 'shop' ? m.shopId : beijingDayKey(m.createdAt);
      for (const r of m.flaggedRules) both(k, (a) => (a.byRule[r] = (a.byRule[r] ?? 0) + 1));
    }
  }

  for (const i of input.interceptions ?? []) {
    const k = groupBy === 'agent' ? (i.agentId ?? UNATTRIBUTED_KEY) : groupBy === 'shop' ? (i.shopId ?? UNATTRIBUTED_KEY) : beijingDayKey(i.at);
    for (const r of i.rules) both(k, (a) => (a.byRule[r] = (a.byRule[r] ?? 0) + 1));
  }

  const converted = new Set<string>();
  const orderKey = new Map<string, string>();
  for (const o of input.orders) {
    if (!o.paidAt) continue;
    const paidAt = o.paidAt.getTime();
    const candidates = (inquiriesByBuyer.get(`${o.shopId}|${o.buyerId ?? ''}`) ?? []).filter(
      (c) => c.createdAt.getTime() <= paidAt && paidAt - c.createdAt.getTime() <= window,
    );
    const conv = candidates.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (conv && !converted.has(conv.id)) {
      converted.add(conv.id);
      both(convKey(conv), (a) => a.converted++);
    }
    const key = groupBy === 'agent' ? (conv ? convKey(conv) : UNATTRIBUTED_KEY) : groupBy === 'shop' ? o.shopId : beijingDayKey(o.paidAt);
    orderKey.set(o.id, key);
    both(key, (a) => {
      a.paidOrders++;
      a.paidFen += o.paidFen;
      if (o.refundFen > 0) a.refunded++;
    });
  }

  for (const r of input.reviews ?? []) {
    const key = orderKey.get(r.orderId);
    if (key) both(key, (a) => a.dsr.push(r.dsr));
  }

  const refundedByCase = new Set<string>();
  for (const cs of input.cases) {
    const key = orderKey.get(cs.orderId);
    if (!key) continue;
    if (cs.platformDecided) both(key, (a) => a.disputes++);
    const paid = input.orders.find((o) => o.id === cs.orderId);
    // A refund or return case counts as a refund even before the money has moved.
    if (paid && paid.refundFen === 0 && (cs.type === 'refund_only' || cs.type === 'return') && !refundedByCase.has(cs.orderId)) {
      refundedByCase.add(cs.orderId);
      both(key, (a) => a.refunded++);
    }
  }

  return {
    total: toFigures(total),
    groups: [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, a]) => ({ key, figures: toFigures(a) })),
  };
}

/**
 * Per-day groups with every Beijing day of [from, to] present, in order: a day without data is a
 * group of zeros, so a chart's date axis never skips days (issue 15).
 */
export function fillDays(groups: FigureResult['groups'], from: Date, to: Date): FigureResult['groups'] {
  const zero = toFigures(emptyAcc());
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const out: FigureResult['groups'] = [];
  const last = beijingDayKey(to);
  for (let i = 0; i <= 400; i++) {
    const key = beijingDayKey(from, i);
    out.push(byKey.get(key) ?? { key, figures: zero });
    byKey.delete(key);
    if (key >= last) break;
  }
  // Anything outside the range (should not happen) is kept rather than dropped.
  return [...out, ...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}
