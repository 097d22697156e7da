// D8: when a promise made in chat is due and whether the order's events kept it. Pure: the caller
// passes the promise, the facts of the order it is tied to and the time.
//
// The rules (docs/requirements.md D8):
// - Any promise on an order that was closed before it shipped is void (作废): nothing is owed.
// - delivery_time that names shipping (今天发货, 48小时内发出): due at the stated time (今天/当天 →
//   end of that Beijing day, 明天 → end of the next, N小时 → N hours after the promise, N天 →
//   end of the Beijing day N days later), else at the order's ship-by; kept when the order shipped
//   by then, broken when it shipped later or had not shipped when the time came.
// - delivery_time that names arrival (3天到, 明天送达): due at the stated time; kept when the order
//   was signed for or succeeded by then, broken otherwise. No stated time: ship-by, as shipping.
// - courier (发顺丰): due at ship-by; kept when the order shipped with the named courier, broken when
//   it shipped with another; shipped without a courier on record: the agent settles it.
// - gift, freight, discount and other: nothing in the order shows them, so the agent marks them
//   kept; due at ship-by (they go in the parcel or the price), broken when still unconfirmed then.
// - invoice: due the profile's promises.invoice_days_after_success after the order succeeded (the
//   shop issues after receipt), kept when the agent marks it, broken when still unconfirmed then.
// The promise figures (invoice days, warning hours) are project defaults, not platform figures:
// rules/common.yaml `promises` (D8), passed in by the caller.
// - return: due when the platform's after-sales window after success ends; kept then (the buyer
//   could use it), unless the agent marked it broken before.
// - repair (warranty beyond the after-sales window): the agent settles it; no due time.
// An agent may mark any open promise kept or broken at any time; that ends the automatic checks.
import { startOfBeijingDay } from '../time/beijing-time.js';
import type { OrderPhase } from './order-phase.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type PromiseTest = 'ship' | 'arrive' | 'courier' | 'confirm' | 'invoice' | 'window' | 'agent';

export interface PromiseFacts {
  kind: string;
  text: string;
  createdAt: Date;
}

export interface OrderFacts {
  phase: OrderPhase | null;
  shippedAt: Date | null;
  /** When the buyer signed for it or the trade succeeded. */
  arrivedAt: Date | null;
  completedAt: Date | null;
  courier: string | null;
  /** The ship-by instant (O3), null while unpaid. */
  shipBy: Date | null;
  /** Days after success during which after-sales may be requested (the profile's figure). */
  aftersalesWindowDays: number;
  /** Days after success an invoice promised in chat is due (profile `promises`, a D8 project default). */
  invoiceDaysAfterSuccess: number;
}

export interface PromiseTerm {
  test: PromiseTest;
  /** The time the promise itself names, if any. */
  statedBy: Date | null;
  /** The courier the promise names (courier promises). */
  courier: string | null;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const COURIERS = ['顺丰', '圆通', '中通', '申通', '韵达', 'EMS', '京东', '邮政', '极兔', '百世', '德邦', 'DHL', 'FedEx', 'UPS', '菜鸟'];

function numberIn(s: string): number | null {
  const d = /(\d+)/.exec(s);
  if (d) return Number(d[1]);
  const c = /([一二两三四五六七八九十]+)/.exec(s);
  if (!c) return null;
  const t = c[1]!;
  if (t === '十') return 10;
  if (t.startsWith('十')) return 10 + (CN_DIGITS[t[1]!] ?? 0);
  if (t.endsWith('十')) return (CN_DIGITS[t[0]!] ?? 1) * 10;
  if (t.length === 3 && t[1] === '十') return (CN_DIGITS[t[0]!] ?? 1) * 10 + (CN_DIGITS[t[2]!] ?? 0);
  return CN_DIGITS[t[0]!] ?? null;
}

/** The time a delivery promise names, counted from when it was made. */
export function statedTime(text: string, madeAt: Date): Date | null {
  const s = text.toLowerCase();
  if (/今天|当天|今日|today/.test(s)) return startOfBeijingDay(madeAt, 1);
  if (/明天|明日|tomorrow/.test(s)) return startOfBeijingDay(madeAt, 2);
  if (/后天/.test(s)) return startOfBeijingDay(madeAt, 3);
  const hours = /([\d一二两三四五六七八九十]+)\s*(个)?\s*(小时|hours?)/.exec(s);
  if (hours) {
    const n = numberIn(hours[1]!);
    if (n) return new Date(madeAt.getTime() + n * HOUR);
  }
  const days = /([\d一二两三四五六七八九十]+)\s*(个)?\s*(天|日|days?)/.exec(s);
  if (days) {
    const n = numberIn(days[1]!);
    if (n) return startOfBeijingDay(madeAt, n + 1);
  }
  return null;
}

export function promiseTerm(p: PromiseFacts): PromiseTerm {
  switch (p.kind) {
    case 'delivery_time': {
      const ship = /发货|发出|寄出|出库|ship|dispatch/i.test(p.text);
      const by = statedTime(p.text, p.createdAt);
      return { test: ship || !by ? 'ship' : 'arrive', statedBy: by, courier: null };
    }
    case 'courier': {
      const lower = p.text.toLowerCase();
      return { test: 'courier', statedBy: null, courier: COURIERS.find((c) => lower.includes(c.toLowerCase())) ?? null };
    }
    case 'invoice':
      return { test: 'invoice', statedBy: null, courier: null };
    case 'return':
      return { test: 'window', statedBy: null, courier: null };
    case 'repair':
      return { test: 'agent', statedBy: null, courier: null };
    default:
      return { test: 'confirm', statedBy: null, courier: null };
  }
}

/** When the promise is judged; null while that is not known yet (no ship-by before payment…). */
export function promiseDue(p: PromiseFacts, o: OrderFacts): Date | null {
  const term = promiseTerm(p);
  switch (term.test) {
    case 'ship':
      return term.statedBy ?? o.shipBy;
    case 'arrive':
      return term.statedBy;
    case 'courier':
    case 'confirm':
      return o.shipBy;
    case 'invoice':
      return o.completedAt ? new Date(o.completedAt.getTime() + o.invoiceDaysAfterSuccess * DAY) : null;
    case 'window':
      return o.completedAt ? new Date(o.completedAt.getTime() + o.aftersalesWindowDays * DAY) : null;
    case 'agent':
      return null;
  }
}

/**
 * When to warn the agent: `warnBeforeHours` (profile `promises.warn_before_hours`, a D8 project
 * default) before due, or at 3/4 of a shorter term.
 */
export function promiseWarnAt(p: PromiseFacts, due: Date, warnBeforeHours: number): Date {
  const span = due.getTime() - p.createdAt.getTime();
  return new Date(Math.max(p.createdAt.getTime() + span * 0.75, due.getTime() - warnBeforeHours * HOUR));
}

export interface PromiseJudgement {
  state: 'open' | 'kept' | 'broken' | 'void';
  /** Why (Chinese, for the agent). */
  note: string;
  dueAt: Date | null;
}

const fmt = (d: Date) => d.toISOString();

/** The promise's state from the order's facts at `now` (open promises only are judged). */
export function judgePromise(p: PromiseFacts, o: OrderFacts, now: Date): PromiseJudgement {
  const term = promiseTerm(p);
  const dueAt = promiseDue(p, o);
  const past = dueAt !== null && now.getTime() >= dueAt.getTime();
  if (o.phase === 'closed' && !o.shippedAt) return { state: 'void', note: '订单未发货即关闭，承诺作废', dueAt };
  switch (term.test) {
    case 'ship':
      if (o.shippedAt && dueAt) {
        return o.shippedAt.getTime() <= dueAt.getTime()
          ? { state: 'kept', note: '已在承诺时间内发货', dueAt }
          : { state: 'broken', note: `发货晚于承诺时间（应于 ${fmt(dueAt)} 前）`, dueAt };
      }
      if (o.shippedAt) return { state: 'kept', note: '已发货', dueAt };
      return past ? { state: 'broken', note: '承诺时间已过，订单仍未发货', dueAt } : { state: 'open', note: '', dueAt };
    case 'arrive':
      if (o.arrivedAt && dueAt) {
        return o.arrivedAt.getTime() <= dueAt.getTime()
          ? { state: 'kept', note: '已在承诺时间内送达', dueAt }
          : { state: 'broken', note: '送达晚于承诺时间', dueAt };
      }
      return past ? { state: 'broken', note: '承诺时间已过，订单仍未送达', dueAt } : { state: 'open', note: '', dueAt };
    case 'courier':
      if (o.shippedAt && o.courier && term.courier) {
        return o.courier.toLowerCase().includes(term.courier.toLowerCase())
          ? { state: 'kept', note: `已按承诺使用${term.courier}发货`, dueAt }
          : { state: 'broken', note: `承诺${term.courier}，实际用${o.courier}发货`, dueAt };
      }
      if (!o.shippedAt && past) return { state: 'broken', note: '发货时限已过，订单仍未发货', dueAt };
      return { state: 'open', note: '', dueAt };
    case 'confirm':
    case 'invoice':
      return past ? { state: 'broken', note: '到期仍未确认兑现', dueAt } : { state: 'open', note: '', dueAt };
    case 'window':
      return past ? { state: 'kept', note: '售后期已过，承诺期间未被拒绝', dueAt } : { state: 'open', note: '', dueAt };
    case 'agent':
      return { state: 'open', note: '', dueAt };
  }
}
