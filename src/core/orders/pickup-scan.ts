// O3, seed 001: "商家的发货时间，以快递公司系统内记录的时间为准" — the ship time is the courier's
// record, not the moment the seller clicks 发货. A courier scan (pickup, or any later scan of a
// moving parcel) gives the real ship time; an order marked shipped with no scan after the
// profile's window is flagged 虚假发货 risk, and its late-shipment exposure is computed from the
// courier's time (none yet: still unshipped for the platform).
import { lateShipmentExposure, type Exposure } from '../money/exposure.js';
import { majorText } from '../money/fen.js';
import type { Profile } from '../rules/schema.js';
import type { OrderPhase } from './order-phase.js';
import { formatBeijing } from '../time/beijing-time.js';

type PickupProfile = Pick<Profile, 'shipping' | 'late_shipment'>;

/** Whether a logistics status is a courier scan that proves the parcel left the seller. */
export function isCourierScan(profile: Pick<Profile, 'shipping'>, status: string): 'pickup' | 'moving' | null {
  const s = status.trim().toLowerCase();
  const p = profile.shipping.pickup;
  if (p.pickup_statuses.some((x) => x.toLowerCase() === s)) return 'pickup';
  if (p.moving_statuses.some((x) => x.toLowerCase() === s)) return 'moving';
  return null;
}

export interface PickupFacts {
  phase: OrderPhase | null;
  paidAt: string | null;
  /** When the seller marked the order shipped. */
  shippedAt: string | null;
  /** The courier's first scan, null when none. */
  pickedUpAt: string | null;
  agreedShipBy: string | null;
  paidAmountYuan: number;
  /** O2: the currency of `paidAmountYuan` (major units of it); CNY when absent. */
  currency?: string | undefined;
  now: string;
}

export interface FakeShipmentRisk {
  kind: 'fake_shipment';
  /** When the window for a pickup scan ran out. */
  windowEndedAt: string;
  windowHours: number;
  reasonZh: string;
  /** Late-shipment exposure with the courier's time as the ship time. */
  exposure: Exposure;
}

/**
 * 虚假发货 risk: marked shipped, not yet signed for or finished, and no courier scan within the
 * window after the mark. Null when the order is fine (or was never marked shipped).
 */
export function fakeShipmentRisk(profile: PickupProfile, f: PickupFacts): FakeShipmentRisk | null {
  if (f.phase !== 'shipped' || f.shippedAt === null || f.pickedUpAt !== null) return null;
  const hours = profile.shipping.pickup.scan_within_hours;
  const end = Date.parse(f.shippedAt) + hours * 3_600_000;
  if (Date.parse(f.now) <= end) return null;
  const exposure = lateShipmentExposure(
    { paidAmountYuan: f.paidAmountYuan, paidAt: f.paidAt, shippedAt: null, now: f.now, agreedShipBy: f.agreedShipBy, currency: f.currency },
    profile,
  );
  const windowEndedAt = new Date(end).toISOString();
  const money = exposure.late
    ? `；按快递记录仍未发货，已超过发货时限，延迟发货赔付 ${majorText(exposure.payNow.compensation + exposure.payNow.platformRepay, f.currency)}`
    : exposure.atDeadline
      ? `；若到 ${formatBeijing(new Date(Date.parse(exposure.atDeadline.at)).toISOString())}（北京时间）仍无揽收记录，将按延迟发货赔付 ${majorText(exposure.atDeadline.cost.compensation, f.currency)}`
      : '';
  return {
    kind: 'fake_shipment',
    windowEndedAt,
    windowHours: hours,
    reasonZh: `标记发货后 ${hours} 小时内没有快递揽收记录，存在虚假发货风险（发货时间以快递公司系统记录为准）${money}。请核实包裹是否已交给快递，或尽快补发。`,
    exposure,
  };
}
