// Ship-by deadline (O3): the agreed date for presale/custom items, else payment time plus the
// profile's hours. An unpaid order has no deadline: the clock starts at payment.
import { DxeError } from '../errors.js';
import { HOUR, parseInstant, type Instant } from '../rules/instant.js';
import type { Profile } from '../rules/schema.js';

export interface ShipByOrder {
  /** ISO 8601; null or absent while unpaid. */
  paidAt?: string | null | undefined;
  /** An agreed ship-by date (presale, custom items) replaces the profile's hours. */
  agreedShipBy?: string | null | undefined;
}

export function requireInstant(text: string, field: string): Instant {
  const parsed = parseInstant(text);
  if (!parsed) throw new DxeError('VALIDATION_FAILED', `${field} 不是有效的 ISO 8601 时间: ${text}`);
  return parsed;
}

export function shipByDeadline(
  order: ShipByOrder,
  profile: Pick<Profile, 'shipping'>,
): Instant | null {
  if (order.paidAt === null || order.paidAt === undefined) return null;
  const paid = requireInstant(order.paidAt, 'paid_at');
  if (order.agreedShipBy && profile.shipping.agreed_date_overrides) {
    return requireInstant(order.agreedShipBy, 'agreed_ship_by');
  }
  return { ms: paid.ms + profile.shipping.ship_by_hours * HOUR, offsetMin: paid.offsetMin };
}
