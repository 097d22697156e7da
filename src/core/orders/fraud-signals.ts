// Fraud signals before shipping (O4, seed 004 防骗篇): the order's real payment state decides,
// never the buyer's word. Flags pressure on an unpaid order, payment screenshots, "Alipay"
// mails from free mailboxes, and buyer names that read like a status or a quantity.
import { normalizeStateName } from '../rules/machines.js';
import type { Profile } from '../rules/schema.js';
import { paidState } from './order-machine.js';

export type FraudKind = 'unpaid_pressure' | 'payment_screenshot' | 'fake_alipay_mail' | 'status_like_name' | 'quantity_like_name';

export interface FraudSignal {
  kind: FraudKind;
  detailZh: string;
}

export interface FraudCheckInput {
  /** The order's state as the platform reports it. */
  orderState: string;
  buyerName: string;
  /** Recent messages from the buyer (and accounts chatting about the same order). */
  messages: readonly string[];
  /** How many accounts are chatting about this order at once (scammers come in twos and threes). */
  accountsChatting?: number | undefined;
  /** Sender addresses of mails the buyer points to as proof of payment. */
  paymentMailSenders?: readonly string[] | undefined;
  /** The buyer sent an image presented as proof of payment. */
  sentPaymentImage?: boolean | undefined;
}

export interface FraudCheck {
  /** Paid according to the order state, the only thing that counts. */
  paid: boolean;
  signals: FraudSignal[];
  /** Ship only when paid; otherwise the advice says why not. */
  mayShip: boolean;
  adviceZh: string;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return (at >= 0 ? address.slice(at + 1) : address).trim().toLowerCase();
}

export function checkFraud(input: FraudCheckInput, profile: Pick<Profile, 'orders'>): FraudCheck {
  const f = profile.orders.fraud;
  const paid = normalizeStateName(input.orderState) === paidState(profile);
  const signals: FraudSignal[] = [];
  const text = input.messages.join('\n');
  const pressure = f.pressure_words.filter((w) => text.includes(w));
  if (!paid && (pressure.length > 0 || (input.accountsChatting ?? 1) > 1)) {
    signals.push({
      kind: 'unpaid_pressure',
      detailZh: `订单未付款，但买家催发货${pressure.length > 0 ? `（${pressure.join('、')}）` : ''}${(input.accountsChatting ?? 1) > 1 ? `，且有 ${input.accountsChatting} 个账号同时咨询` : ''}`,
    });
  }
  const shot = f.screenshot_words.filter((w) => text.includes(w));
  if (input.sentPaymentImage || shot.length > 0) {
    signals.push({ kind: 'payment_screenshot', detailZh: '买家用截图证明付款：截图可伪造，以后台交易状态为准' });
  }
  const free = (input.paymentMailSenders ?? []).filter((a) => f.free_mail_domains.includes(domainOf(a)));
  if (free.length > 0) {
    signals.push({ kind: 'fake_alipay_mail', detailZh: `“付款通知”邮件来自免费邮箱（${free.join('、')}），支付宝不会用这类邮箱发信` });
  }
  const name = normalizeStateName(input.buyerName);
  const statusWords = f.status_like_name_words.filter((w) => name.includes(normalizeStateName(w)));
  if (statusWords.length > 0) {
    signals.push({ kind: 'status_like_name', detailZh: `买家名像交易状态（含「${statusWords.join('、')}」），与付款无关` });
  }
  if (new RegExp(f.quantity_name_pattern).test(input.buyerName)) {
    signals.push({ kind: 'quantity_like_name', detailZh: '买家名像购买数量（如“1500件”），实际数量以商品下方显示为准' });
  }
  return {
    paid,
    signals,
    mayShip: paid,
    adviceZh: paid
      ? signals.length > 0
        ? '后台显示已付款，可以发货；但请核对数量与收货信息。'
        : '后台显示已付款，可以发货。'
      : '后台交易状态未显示付款，不要发货；无论买家如何催促，以“已卖出的宝贝”中的交易状态为准。',
  };
}
