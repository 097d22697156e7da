// The one normalised order record every importer produces, and the shape of an importer.
import type { OrderStateKey } from './order-states.js';

import type { Platform } from '../../core/platforms.js';

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
  /** Where in the common flow the order is; the profile names it (profile-states.ts). */
  state: OrderStateKey;
  /** The export's own state word, used when it is a state of the profile. */
  stateWord?: string;
  /** Money in integer fen; undefined = the file does not say (an update keeps the stored value). */
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

/** One data row, cells looked up by (trimmed) header name. */
export interface Row {
  line: number;
  /** Cleaned cell text; '' when the column is absent or empty. */
  get(column: string | readonly string[]): string;
  has(column: string): boolean;
  /** The first column's cleaned text (to recognise summary lines). */
  first(): string;
}

export interface OrderFileFormat {
  id: string;
  /** Shown to people. */
  nameZh: string;
  platforms: readonly Platform[];
  /** Header names (trimmed) that must all be present for the format to be recognised. */
  required: readonly string[];
  /** Several rows may belong to one order (sub-orders, settlement lines). */
  grouped: boolean;
  /** The order number of a row (throws RowError). */
  orderNo(row: Row): string;
  toOrder(row: Row): NormalisedOrder;
  /** Combine two rows of the same order (grouped formats); default: the later row wins. */
  merge?(a: NormalisedOrder, b: NormalisedOrder): NormalisedOrder;
}
