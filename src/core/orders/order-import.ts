// What an order import passes inward (O2): the edge (channels/order-files) opens and decodes a
// marketplace's export and hands the use case normalised orders in batches; the use case
// (app/orders/import-orders.ts) upserts them. Both sides share these types from core, so the app
// never imports a channel.
import { normalizeStateName } from '../rules/machines.js';
import type { Platform } from '../platforms.js';
import type { Profile } from '../rules/schema.js';
import { ORDER_PHASES, orderPhase, phaseRank, stateForPhase, type OrderPhase } from './order-phase.js';

export type { Platform } from '../platforms.js';

/**
 * Where in the common flow an export says an order is. The names are part of each order's
 * digest (raw[format].h): renaming them would make every stored order look changed on re-import.
 */
export const STATE_KEYS = ['awaitingPayment', 'awaitingShipment', 'shipped', 'signed', 'completed', 'closed'] as const;
export type OrderStateKey = (typeof STATE_KEYS)[number];

/** The reading an export gives → the order phase (core/orders/order-phase.ts). */
export const PHASE_OF_STATE_KEY: Record<OrderStateKey, OrderPhase> = {
  awaitingPayment: 'unpaid',
  awaitingShipment: 'paid',
  shipped: 'shipped',
  signed: 'signed',
  completed: 'succeeded',
  closed: 'closed',
};

export interface NormalisedLine {
  /** Stable within the order (sub-order no., SKU…): re-imports update the same line. */
  key: string;
  title: string;
  sku?: string;
  colour?: string;
  size?: string;
  qty: number;
  /** Unit price in fen. */
  priceFen: number;
  state?: OrderStateKey;
  stateWord?: string;
}

export interface NormalisedOrder {
  platformOrderNo: string;
  /** Where in the common flow the order is; the profile names it (importedStateName). */
  state: OrderStateKey;
  /** The export's own state word, used when it is a state of the profile. */
  stateWord?: string;
  /**
   * ISO 4217 code of every amount of this order and its lines; undefined = CNY. For another
   * currency the *Fen fields hold that currency's minor units (cents), never yuan: the use case
   * stores them in orders.*_minor with the code and leaves the CNY columns at 0 (issue 15).
   */
  currency?: string;
  /** Money in integer minor units (fen for CNY); undefined = the file does not say (an update keeps the stored value). */
  totalFen?: number;
  paidFen?: number;
  refundFen?: number;
  shippingFen?: number;
  orderedAt?: Date;
  paidAt?: Date;
  shippedAt?: Date;
  completedAt?: Date;
  closedAt?: Date;
  buyerAccount?: string;
  /** Receiver fields exactly as exported: masked values (张**, 138****0000) stay masked. */
  receiverName?: string;
  receiverPhone?: string;
  receiverAddress?: string;
  /** Province short name. */
  region?: string;
  courier?: string;
  trackingNo?: string;
  buyerNote?: string;
  sellerNote?: string;
  /** 'summary': one line standing for the whole order (order list); 'detail': real sub-orders. */
  lineSource: 'none' | 'summary' | 'detail';
  lines: NormalisedLine[];
  /** Platform-specific columns worth keeping, by their export name. */
  extra: Record<string, string | number>;
}

export interface LineError {
  line: number;
  reason: string;
}

/** One order of a file, as the use case receives it. */
export interface ImportEntry {
  /** Line of the order's first row in the file. */
  line: number;
  order: NormalisedOrder;
  /** A digest of what the file says about the order: equal digests mean nothing changed. */
  digest: string;
}

/** An opened, decoded order file, read batch by batch (a batch never splits one order). */
export interface OrderImportSource {
  /** The platform the file was read for (its format belongs to it). */
  platform: Platform;
  /** The file format's id (digests are kept per format). */
  format: string;
  encoding: string;
  fileName: string;
  batches: AsyncIterable<ImportEntry[]>;
  /** Rows rejected and why; filled while batches are read. */
  stats: { rejected: number; errorCount: number; errors: LineError[] };
  /** SHA-256 (hex) of the file's bytes, complete once every batch has been read. */
  sha256(): string;
}

/**
 * The profile's state name for an export's reading (O1): the export's own word when it is a
 * state of the profile (JD 完成, PDD 已签收, 交易关闭), else the profile's state for the phase, or
 * for the nearest earlier phase the machine has (a machine without a signed state: shipped).
 */
export function importedStateName(profile: Pick<Profile, 'orders'>, key: OrderStateKey, word?: string): string {
  if (word && orderPhase(profile, word) !== null) return normalizeStateName(word);
  for (let rank = phaseRank(PHASE_OF_STATE_KEY[key]); rank >= 0; rank--) {
    const state = stateForPhase(profile, ORDER_PHASES[rank]!);
    if (state !== null) return state;
  }
  return normalizeStateName(profile.orders.machine.initial);
}
