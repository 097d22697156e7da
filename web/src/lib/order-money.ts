// The side panel's money (issue 15): an order's amount in its own currency (未付款 with the order
// price while unpaid) and the money at stake per currency, closed and unpaid orders left out.
import { money, t } from '../i18n.js';
import type { OrderSummary } from './types.js';

/**
 * Issue 15: the money at stake per currency — what buyers paid on orders that are not closed and
 * not unpaid, less refunds. A closed order is over; an unpaid one holds no money. Currencies are
 * summed apart, never mixed.
 */
export function moneyAtStake(orders: OrderSummary[]): { currency: string; minor: number }[] {
  const by = new Map<string, number>();
  for (const o of orders) {
    if (o.phase === 'closed' || o.phase === 'unpaid') continue;
    const currency = o.currency ?? 'CNY';
    const paid = currency === 'CNY' ? (o.paidFen ?? 0) : (o.paidMinor ?? 0);
    const refund = currency === 'CNY' ? (o.refundFen ?? 0) : (o.refundMinor ?? 0);
    by.set(currency, (by.get(currency) ?? 0) + Math.max(0, paid - refund));
  }
  if (by.size === 0) by.set('CNY', 0);
  return [...by].map(([currency, minor]) => ({ currency, minor }));
}

/** One order's amount: the paid amount, or 未付款 with the order price for an unpaid order. */
export function orderAmount(o: OrderSummary): string {
  const currency = o.currency ?? 'CNY';
  const total = currency === 'CNY' ? o.totalFen : (o.totalMinor ?? null);
  const paid = currency === 'CNY' ? o.paidFen : (o.paidMinor ?? null);
  const unpaid = o.phase === 'unpaid' || (o.phase === undefined && !paid);
  if (unpaid) return t('side.unpaid', { v: money(total, currency) });
  return money(paid || total, currency);
}

