// C8: a freight or price change on an unpaid order (seed 004: 买家拍下后先不要付款，卖家修改好运费
// 后再支付). The order update paths (a bridge's sync, an order-export import) compare the order's
// amounts before and after; a change while the order is unpaid is written to the order's history
// as the event `price_changed` with this note, and the bot reads the latest one.
import { orderPhase } from './order-phase.js';

export const PRICE_CHANGED_EVENT = 'price_changed';
/**
 * C8: an agent marked the unpaid order as awaiting a 改价 (the buyer asked outside the chat, by
 * phone or on the platform's own messenger), and the agent's end to that wait. Both are order
 * history rows, like the 改价 itself.
 */
export const PRICE_CHANGE_AWAITED_EVENT = 'price_change_awaited';
export const PRICE_CHANGE_AWAIT_CLEARED_EVENT = 'price_change_await_cleared';

/** C8: an agent's latest mark and latest end of the wait on an order (null: none). */
export interface AgentPriceChangeMarks {
  markedAtMs: number | null;
  clearedAtMs: number | null;
}
const NO_MARKS: AgentPriceChangeMarks = { markedAtMs: null, clearedAtMs: null };

/** C8: an order unpaid before and after an update (a new price then is a 改价, not a refund). */
export function unpaidBothWays(profile: Parameters<typeof orderPhase>[0], before: string, after: string): boolean {
  return orderPhase(profile, before) === 'unpaid' && orderPhase(profile, after) === 'unpaid';
}

/** Amounts as stored: a total of 0 is an order whose amounts were never reported (the column default). */
export function knownAmounts(total: number, shipping: number): OrderAmounts {
  return total > 0 ? { total, shipping } : { total: null, shipping: null };
}

/** Amounts in minor units (fen for CNY); null: not known. */
export interface OrderAmounts {
  total: number | null;
  shipping: number | null;
}

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)}${currency === 'CNY' ? ' 元' : ` ${currency}`}`;

/**
 * The Chinese note of what changed between `before` and `after` (an `after` amount left undefined
 * was not reported and so did not change); null when neither the total nor the freight changed.
 * An amount unknown before (null) is not a change: the first report of an amount is not a 改价.
 */
export function priceChangeNote(before: OrderAmounts, after: Partial<OrderAmounts>, currency = 'CNY'): string | null {
  const parts: string[] = [];
  const cmp = (label: string, was: number | null, now: number | null | undefined) => {
    if (now === undefined || now === null || was === null || was === now) return;
    parts.push(`${label} ${money(was, currency)} → ${money(now, currency)}`);
  };
  cmp('订单金额', before.total, after.total);
  cmp('运费', before.shipping, after.shipping);
  return parts.length ? `未付款订单改价：${parts.join('；')}` : null;
}

/**
 * C8: whether a 催付 should say the price was changed — the order's latest 改价 came after the
 * buyer's last message (the buyer has not written since, so may not know the new amount).
 */
export function repricedSinceBuyerSpoke(changedAtMs: number | null, lastBuyerMessageAtMs: number | null): boolean {
  return changedAtMs !== null && (lastBuyerMessageAtMs === null || changedAtMs > lastBuyerMessageAtMs);
}

/** A buyer's words asking the seller to change the price or the freight (改价/改运费). */
export const PRICE_CHANGE_WORDS = ['改价', '改下价', '改一下价', '改个价', '改运费', '改下运费', '修改价格', '改一下运费', '运费改'] as const;
const PRICE_CHANGE_ASK = new RegExp(PRICE_CHANGE_WORDS.join('|'), 'u');
const DAY_MS = 86_400_000;

export function asksPriceChange(text: string): boolean {
  return PRICE_CHANGE_ASK.test(text);
}

/**
 * C8: whether the seller is still to change an unpaid order's price or freight — the buyer asked
 * for it (from a day before the order was placed: the change is agreed first, then the buyer
 * places the order, seed 004), or an agent marked the order as awaiting one (counted exactly like
 * a buyer's request at the time of the mark), and since the latest request neither the order's
 * history shows a 改价 nor an agent ended the wait (取消等待改价 ends every request made before it).
 */
export function priceChangePending(
  orderedAtMs: number,
  buyerTexts: readonly { text: string; atMs: number }[],
  changedAtMs: number | null,
  marks: AgentPriceChangeMarks = NO_MARKS,
): boolean {
  const asked = buyerTexts.filter((t) => t.atMs >= orderedAtMs - DAY_MS && asksPriceChange(t.text)).map((t) => t.atMs);
  if (marks.markedAtMs !== null) asked.push(marks.markedAtMs);
  if (asked.length === 0) return false;
  const resolved = Math.max(changedAtMs ?? -Infinity, marks.clearedAtMs ?? -Infinity);
  return resolved < Math.max(...asked);
}

/** C8: whether an agent's mark is what holds the order now (its latest mark, not ended, no 改价 since). */
export function agentMarkStands(changedAtMs: number | null, marks: AgentPriceChangeMarks): boolean {
  if (marks.markedAtMs === null) return false;
  return Math.max(changedAtMs ?? -Infinity, marks.clearedAtMs ?? -Infinity) < marks.markedAtMs;
}
