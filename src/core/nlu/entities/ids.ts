// Long identifiers: phone numbers, tracking numbers, order numbers and item ids (B2 logistics,
// order lookups). Phones are personal data: callers must mask them before logging or display.

export interface IdEntities {
  orderNos: string[];
  trackingNos: string[];
  phones: string[];
  itemIds: string[];
}

/** Mobile numbers, also written 138 1234 5678 or 138-1234-5678. */
const PHONE = /(?<![\d])(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})(?![\d])/g;
/** Courier prefixes: SF 顺丰, YT 圆通, JT 极兔, JD/JDV 京东, DPK 德邦, YD 韵达, ZT 中通. */
const TRACKING_PREFIXED = /(?<![a-z\d])((?:sf|yt|jt|jdv[a-z]|jd|dpk|yd|zt|sto)\d{10,15})(?!\d)/gi;
/** Universal postal format (EMS and international): EA123456789CN. */
const TRACKING_UPU = /(?<![a-z\d])([a-z]{2}\d{9}[a-z]{2})(?![a-z\d])/gi;
/** Pinduoduo order: 201123-123456789012345. */
const PDD_ORDER = /(?<!\d)(\d{6}-\d{12,15})(?!\d)/g;
const DIGIT_RUN = /(?<![\d-])(\d{10,19})(?![\d-])/g;
const ORDER_HINT = /订单|单号|order|京东|jd/i;
const TRACKING_HINT = /快递|运单|物流|邮件|包裹/;

export function extractIds(text: string): IdEntities {
  const out: IdEntities = { orderNos: [], trackingNos: [], phones: [], itemIds: [] };
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (list: string[], value: string, s: number, e: number) => {
    if (!free(s, e)) return;
    taken.push([s, e]);
    if (!list.includes(value)) list.push(value);
  };
  for (const m of text.matchAll(TRACKING_PREFIXED)) add(out.trackingNos, m[1]!.toUpperCase(), m.index, m.index + m[0].length);
  for (const m of text.matchAll(TRACKING_UPU)) add(out.trackingNos, m[1]!.toUpperCase(), m.index, m.index + m[0].length);
  for (const m of text.matchAll(PDD_ORDER)) add(out.orderNos, m[1]!, m.index, m.index + m[0].length);
  for (const m of text.matchAll(PHONE)) {
    const digits = m[1]!.replace(/\D/g, '');
    if (digits.length === 11) add(out.phones, digits, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(DIGIT_RUN)) {
    const d = m[1]!;
    const s = m.index;
    const e = s + m[0].length;
    const before = text.slice(Math.max(0, s - 8), s);
    if (TRACKING_HINT.test(before) && !/订单/.test(before)) add(out.trackingNos, d, s, e);
    // A number the buyer calls an order is one (AliExpress: 16 digits after "order").
    else if (/订单|order/i.test(before)) add(out.orderNos, d, s, e);
    else if (d.length >= 18) add(out.orderNos, d, s, e); // Taobao/Tmall: 18–19 digits
    else if (/^7[3-8]\d{12}$|^77\d{13}$|^(?:43|46|31)\d{11}$/.test(d)) add(out.trackingNos, d, s, e); // 中通/申通/韵达
    else if (d.length <= 12 && ORDER_HINT.test(before)) add(out.orderNos, d, s, e); // JD: 10–12 digits
    else if (d.length >= 11 && d.length <= 12) add(out.itemIds, d, s, e); // Taobao item ids
    else if (d.length >= 13) add(out.trackingNos, d, s, e);
    else add(out.orderNos, d, s, e);
  }
  return out;
}
