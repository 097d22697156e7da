// Phone numbers in pieces (D2, issue 11): "后四位是5678，前面是138 1234", 一三八 / ①③⑧ / 幺 read
// as digits, recombined across the whole reply. Digit runs that are quantities (prices, sizes,
// dates, counts) or sit after an order or tracking word are not pieces of a phone number.
import type { TextView } from './normalize.js';

export interface DigitRun {
  s: number;
  e: number;
  text: string;
}

/** Units after a number that make it a quantity, not a piece of a phone number. */
const UNIT_AFTER = /^(?:元|块|毛|角|分钱|天|日|号(?!码)|月|年|周|件|个|只|双|条|包|箱|瓶|套|张|cm|mm|m(?![a-z])|kg|g(?![a-z])|斤|克|码(?!是)|%|折|小时|分钟|秒|岁|米|ml|l(?![a-z])|寸|层|楼|栋|室|单元|期|次|人|份|位(?!是|数)|点|w|k|度|折|倍|寸|款|色|号码?段|x|xl|s(?![a-z])|days?|usd|dollars?|pcs|items?|yuan|rmb|cny)/;
/** Words before a number that make it an order, tracking or model number, or money. */
const CONTEXT_BEFORE = /(?:订单|单号|运单|快递|物流|编号|流水|型号|货号|款号|批号|条码|序列号|工号|金额|价格|原价|现价|售价|总价|合计|实付|尺码|尺寸|身高|体重|腰围|胸围|面积|容量|时间|日期|order|tracking|waybill|model|sku|price|size|no|id|[a-z])$/;
const HINT = /后[1-9几]位|前[1-9几]位|尾号|开头|后面(是|为)?|前面(是|为)?|中间(是|为)?|手机|电话|号码|联系|打我|拨|call|phone|number|digits/;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

export function digitRuns(v: TextView): DigitRun[] {
  const d = v.digits;
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < d.length) {
    if (!isDigit(d.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < d.length && isDigit(d.charCodeAt(j))) j++;
    const before = d.slice(Math.max(0, i - 6), i);
    const after = d.slice(j, j + 6);
    // A decimal point, a currency sign or a date separator in the original text marks a quantity.
    const o0 = v.cStart[i] ?? 0;
    const o1 = v.cEnd[j - 1] ?? 0;
    const prevCh = v.text[o0 - 1] ?? '';
    const nextCh = v.text[o1] ?? '';
    const quantity =
      UNIT_AFTER.test(after) || CONTEXT_BEFORE.test(before) || /[¥￥$.:：/\-~]/.test(prevCh) || /^[.:/~\-]\d/.test(v.text.slice(o1, o1 + 2)) || nextCh === '%';
    if (!quantity) runs.push({ s: i, e: j, text: d.slice(i, j) });
    i = j;
  }
  return runs;
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * A mobile number assembled from two or three digit runs: in reading order when the pieces are
 * close together, in any order when the reply talks about digits (后四位, 前面是, 尾号…).
 * Returns compact [start, end) covering the pieces, or undefined.
 */
export function splitPhone(v: TextView): [number, number] | undefined {
  const runs = digitRuns(v).filter((r) => r.text.length >= 2 && r.text.length <= 9);
  if (runs.length < 2 || runs.length > 8) return undefined;
  const hinted = HINT.test(v.digits);
  const n = runs.length;
  const span = (rs: DigitRun[]): [number, number] => [Math.min(...rs.map((r) => r.s)), Math.max(...rs.map((r) => r.e))];
  const gapsOk = (rs: DigitRun[]): boolean => rs.every((r, k) => k === 0 || r.s - (rs[k - 1]?.e ?? 0) <= 4);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const ra = runs[a];
      const rb = runs[b];
      if (!ra || !rb) continue;
      const two = [ra, rb];
      if (MOBILE.test(ra.text + rb.text) && (hinted || (a < b && gapsOk(two)))) return span(two);
      for (let c = 0; c < n; c++) {
        if (c === a || c === b) continue;
        const rc = runs[c];
        if (!rc) continue;
        const three = [ra, rb, rc];
        if (!MOBILE.test(ra.text + rb.text + rc.text)) continue;
        if (hinted || (a < b && b < c && gapsOk(three))) return span(three);
      }
    }
  }
  return undefined;
}
