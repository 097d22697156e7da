// Late shipment (N1, N2, O3) exactly as EVAL §3 reads it: late means the ship time (or now,
// while unshipped) is strictly after the deadline; the compensation is the profile's rate of
// the paid amount within its minimum and cap; points are what the platform charges when the
// seller has not paid before it rules.
import { shipByDeadline, requireInstant } from '../orders/ship-by.js';
import { formatInstant } from '../rules/instant.js';
import type { LateShipmentTerms, Profile } from '../rules/schema.js';
import { clampFen, fenToYuan, percentOf, yuanToFen, type Fen } from './fen.js';

export interface LateShipmentInput {
  paidAmountYuan: number;
  paidAt: string | null;
  shippedAt: string | null;
  now: string;
  agreedShipBy?: string | null | undefined;
  /**
   * O2: the currency of `paidAmountYuan` (which then holds major units of it); CNY when absent.
   * The profile's floor and cap are yuan: they are not applied to another currency (nothing here
   * converts), only the rate is.
   */
  currency?: string | undefined;
}

export interface LateShipmentResult {
  late: boolean;
  /** ISO, in the offset style of the input; null for an unpaid order. */
  deadline: string | null;
  deadlineMs: number | null;
  compensationFen: Fen;
  /** Yuan, 2 decimals. */
  compensation: number;
  points: number;
  paidIn: LateShipmentTerms['paid_in'];
}

/** O2: the terms for an amount in `currency` — the yuan floor and cap only apply to yuan. */
export function termsInCurrency<T extends Pick<LateShipmentTerms, 'min_yuan' | 'cap_yuan'>>(terms: T, currency = 'CNY'): T {
  return currency === 'CNY' ? terms : { ...terms, min_yuan: 0, cap_yuan: null };
}

export function lateCompensationFen(paidFen: Fen, terms: Pick<LateShipmentTerms, 'rate_pct' | 'min_yuan' | 'cap_yuan'>): Fen {
  if (terms.rate_pct === 0) return 0;
  const cap = terms.cap_yuan === null ? null : yuanToFen(terms.cap_yuan);
  return clampFen(percentOf(paidFen, terms.rate_pct), yuanToFen(terms.min_yuan), cap);
}

export function lateShipment(
  input: LateShipmentInput,
  profile: Pick<Profile, 'shipping' | 'late_shipment'>,
): LateShipmentResult {
  const terms = profile.late_shipment;
  const deadline = shipByDeadline({ paidAt: input.paidAt, agreedShipBy: input.agreedShipBy }, profile);
  if (deadline === null) {
    return { late: false, deadline: null, deadlineMs: null, compensationFen: 0, compensation: 0, points: 0, paidIn: terms.paid_in };
  }
  const shipMs = input.shippedAt ? requireInstant(input.shippedAt, 'shipped_at').ms : requireInstant(input.now, 'now').ms;
  const late = shipMs > deadline.ms;
  const compensationFen = late ? lateCompensationFen(yuanToFen(input.paidAmountYuan), termsInCurrency(terms, input.currency)) : 0;
  // An agreed date is the deadline as the seller and buyer wrote it.
  const agreed = input.agreedShipBy && profile.shipping.agreed_date_overrides ? input.agreedShipBy.trim() : null;
  return {
    late,
    deadline: agreed ?? formatInstant(deadline.ms, deadline.offsetMin),
    deadlineMs: deadline.ms,
    compensationFen,
    compensation: fenToYuan(compensationFen),
    points: late ? terms.points_if_unpaid_before_ruling : 0,
    paidIn: terms.paid_in,
  };
}
