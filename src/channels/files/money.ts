// Amounts in a currency (issue 15): cross-border exports (AliExpress) write "US $12.34", "€ 5.00"
// (commas are thousands separators) or a bare number beside a currency column. Read as {currency, minor} — integer minor units of
// that currency — and never converted here.
import { RowError } from './cells.js';

/** Minor-unit exponent by ISO 4217 code; codes not listed have 2 (cents). */
const EXPONENT: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0, VND: 0, ISK: 0, HUF: 2, KWD: 3, BHD: 3 };
export const minorExponent = (currency: string): number => EXPONENT[currency] ?? 2;

/** Signs and words the exports put before or after an amount → ISO 4217. */
const SIGNS: [RegExp, string][] = [
  [/^(US\s*\$|USD|\$)/i, 'USD'],
  [/^(€|EUR)/i, 'EUR'],
  [/^(£|GBP)/i, 'GBP'],
  [/^(RUB|₽|руб\.?)/i, 'RUB'],
  [/^(CNY|RMB|¥|￥)/i, 'CNY'],
  [/^(JPY|JP\s*¥)/i, 'JPY'],
  [/^(KRW|₩)/i, 'KRW'],
  [/^(BRL|R\$)/i, 'BRL'],
  [/^(AUD|AU\s*\$|A\$)/i, 'AUD'],
  [/^(CAD|CA\s*\$|C\$)/i, 'CAD'],
];

/** An ISO 4217 code as a column states it ("usd", "US $" → USD); undefined when not one. */
export function currencyCode(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  for (const [re, code] of SIGNS) if (re.test(v) && v.replace(re, '').trim() === '') return code;
  return /^[A-Za-z]{3}$/.test(v) ? v.toUpperCase() : undefined;
}

export interface Money {
  currency: string;
  minor: number;
}

/**
 * "US $12.34" → {USD, 1234}; "12.34" with fallback USD → {USD, 1234}. A sign that contradicts
 * the fallback (a USD column holding "€ 3") is an error, not a conversion. Empty → undefined.
 */
export function parseMoney(value: string, column: string, fallback?: string): Money | undefined {
  let v = value.trim();
  if (v === '' || v === '-' || v === '--') return undefined;
  let currency: string | undefined;
  for (const [re, code] of SIGNS) {
    const m = re.exec(v);
    if (m) {
      currency = code;
      v = v.slice(m[0].length).trim();
      break;
    }
  }
  const suffix = /\s*([A-Za-z]{3})$/.exec(v);
  if (!currency && suffix) {
    currency = suffix[1]!.toUpperCase();
    v = v.slice(0, suffix.index).trim();
  }
  if (currency && fallback && currency !== fallback) {
    throw new RowError(`“${column}”的币种 ${currency} 与订单币种 ${fallback} 不一致：${value}`);
  }
  currency ??= fallback;
  if (!currency) throw new RowError(`“${column}”没有标明币种：${value}`);
  v = v.replace(/[\s,]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d*))?$/.exec(v);
  if (!m) throw new RowError(`“${column}”不是有效金额：${value}`);
  const exp = minorExponent(currency);
  const decimals = (m[3] ?? '').replace(/0+$/, '');
  if (decimals.length > exp) throw new RowError(`“${column}”金额精度超过 ${currency} 的最小单位：${value}`);
  const minor = Number(m[2]) * 10 ** exp + Number(decimals.padEnd(exp, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > 2_147_483_647) throw new RowError(`“${column}”金额过大：${value}`);
  return { currency, minor: m[1] ? -minor : minor };
}

/** 1234 USD → "USD 12.34" (for summaries: the amount as it was, no conversion). */
export function formatMinor(minor: number, currency: string): string {
  const exp = minorExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** exp);
  const frac = exp ? `.${String(abs % 10 ** exp).padStart(exp, '0')}` : '';
  return `${currency} ${sign}${whole}${frac}`;
}
