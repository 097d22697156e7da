// AliExpress seller centre order export, in English (issue 15, O2): one row per product of an order,
// order-level columns repeated. Amounts stay in the order's currency (a "Currency" column, or the
// sign in the cell: "US $12.34"), as minor units with their ISO 4217 code — never converted to
// yuan. No seller-backend export header was found to copy (see docs/cli-contracts.md §4): the
// column names are the export's English labels as the project reads them, with the Open API's
// field names (order_id, gmt_create, gmt_pay_success, order_amount, logistics_amount…) accepted as
// alternatives. Times are read on the Beijing clock unless they carry an offset.
import { currencyCode, parseMoney } from '../../files/money.js';
import { RowError } from '../../files/cells.js';
import type { OrderStateKey } from '../order-states.js';
import type { NormalisedOrder, OrderFileFormat, Row } from '../types.js';
import { count, extras, orderNo, text, time } from './fields.js';

/** English labels and Open API status codes → the common flow (lower-cased, spaces squashed). */
const STATES: Record<string, OrderStateKey> = {
  awaitingpayment: 'awaitingPayment',
  waitingforbuyerpayment: 'awaitingPayment',
  place_order_success: 'awaitingPayment',
  awaitingshipment: 'awaitingShipment',
  waitingforyourshipment: 'awaitingShipment',
  wait_seller_send_goods: 'awaitingShipment',
  partialshipment: 'awaitingShipment',
  seller_part_send_goods: 'awaitingShipment',
  shipped: 'shipped',
  awaitingbuyerconfirmation: 'shipped',
  awaitingdelivery: 'shipped',
  wait_buyer_accept_goods: 'shipped',
  delivered: 'signed',
  fund_processing: 'signed',
  completed: 'completed',
  finished: 'completed',
  finish: 'completed',
  closed: 'closed',
  cancelled: 'closed',
  canceled: 'closed',
  ordercancelled: 'closed',
  in_cancel: 'closed',
};

function aliState(word: string): OrderStateKey {
  const state = STATES[word.toLowerCase().replace(/[\s-]+/g, '')];
  if (!state) throw new RowError(word ? `未知的订单状态（Order Status）：${word}` : '“Order Status”为空');
  return state;
}

const COL = {
  no: ['Order ID', 'Order No.', 'Order Number', 'order_id'],
  status: ['Order Status', 'Status', 'order_status'],
  amount: ['Order Amount', 'Total Amount', 'order_amount'],
  currency: ['Currency', 'currency'],
  shipping: ['Shipping Cost', 'Logistics Amount', 'Shipping Fee', 'logistics_amount'],
  refund: ['Refund Amount', 'refund_amount'],
  unit: ['Unit Price', 'Product Price', 'product_price'],
  qty: ['Quantity', 'Product Count', 'product_count'],
  product: ['Product Name', 'Product Information', 'Product Title', 'product_name'],
  sku: ['SKU Code', 'Seller SKU', 'SKU', 'sku_code'],
  productId: ['Product ID', 'product_id'],
  ordered: ['Order Time', 'Order Date', 'Created Time', 'gmt_create'],
  paid: ['Payment Time', 'Paid Time', 'gmt_pay_success'],
  shipped: ['Shipping Time', 'Shipped Time', 'gmt_send_goods'],
  completed: ['Completed Time', 'gmt_trade_end'],
  buyer: ['Buyer Name', 'Buyer', 'buyer_login_id'],
  country: ['Buyer Country', 'Country', 'Ship To Country', 'country'],
  receiver: ['Receiver Name', 'Contact Person'],
  phone: ['Receiver Phone', 'Mobile', 'Phone'],
  address: ['Shipping Address', 'Receiver Address', 'Address'],
  courier: ['Shipping Company', 'Logistics Service', 'Carrier'],
  tracking: ['Tracking Number', 'Tracking No.', 'logistics_no'],
  buyerNote: ['Buyer Message', 'Order Remarks', 'memo'],
} as const;

const KEPT = ['Dispute Status', 'Issue Status', 'issue_status', 'Payment Method', 'Handling Time', 'Product ID', 'Store Name'];

function toOrder(row: Row): NormalisedOrder {
  const stated = row.get(COL.currency);
  const declared = stated ? currencyCode(stated) : undefined;
  if (stated && !declared) throw new RowError(`“Currency”不是有效的币种代码：${stated}`);
  const total = parseMoney(row.get(COL.amount), 'Order Amount', declared);
  const currency = declared ?? total?.currency;
  if (!currency) throw new RowError('“Order Amount”为空，且没有“Currency”列：无法确定币种');
  const amount = (c: readonly string[], label: string) => parseMoney(row.get(c), label, currency)?.minor;
  const shippingMinor = amount(COL.shipping, 'Shipping Cost');
  const qty = count(row, COL.qty) ?? 1;
  const unit = amount(COL.unit, 'Unit Price');
  const title = row.get(COL.product);
  const stateWord = row.get(COL.status);
  const state = aliState(stateWord);
  const paidAt = time(row, COL.paid);
  const country = text(row, COL.country);
  return {
    platformOrderNo: orderNo(row, 'Order ID'),
    state,
    stateWord,
    currency,
    totalFen: total?.minor,
    // The order amount is what the buyer paid once paid; nothing is paid before.
    paidFen: state === 'awaitingPayment' ? 0 : total?.minor,
    refundFen: amount(COL.refund, 'Refund Amount'),
    shippingFen: shippingMinor,
    orderedAt: time(row, COL.ordered),
    paidAt,
    shippedAt: time(row, COL.shipped),
    completedAt: time(row, COL.completed),
    buyerAccount: text(row, COL.buyer),
    receiverName: text(row, COL.receiver),
    receiverPhone: text(row, COL.phone),
    receiverAddress: text(row, COL.address),
    // The destination country stands for the region (follow-ups read the buyer's time zone from it).
    region: country,
    courier: text(row, COL.courier),
    trackingNo: text(row, COL.tracking),
    buyerNote: text(row, COL.buyerNote),
    lineSource: title ? 'detail' : 'none',
    lines: title
      ? [{ key: `ae:${row.get(COL.productId) || row.get(COL.sku) || title}`, title, sku: text(row, COL.sku), qty, priceFen: unit ?? 0 }]
      : [],
    extra: extras(row, KEPT),
  };
}

function merge(a: NormalisedOrder, b: NormalisedOrder): NormalisedOrder {
  return { ...b, lines: [...a.lines.filter((l) => !b.lines.some((m) => m.key === l.key)), ...b.lines] };
}

export const aliexpressOrderList: OrderFileFormat = {
  id: 'aliexpress-order-list',
  nameZh: '速卖通 订单导出（英文）',
  platforms: ['aliexpress'],
  required: ['Order ID', 'Order Status', 'Order Amount'],
  grouped: true,
  orderNo: (row: Row) => orderNo(row, 'Order ID'),
  toOrder,
  merge,
};
