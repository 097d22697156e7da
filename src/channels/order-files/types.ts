// The shape of an importer (a format: header → normalised orders). The normalised order record
// itself is core's (core/orders/order-import.ts), shared with the use case that writes it.
import type { NormalisedOrder, Platform } from '../../core/orders/order-import.js';

export type { NormalisedLine, NormalisedOrder, Platform } from '../../core/orders/order-import.js';

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
