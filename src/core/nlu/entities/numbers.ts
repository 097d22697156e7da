// Chinese numerals (十, 二十五, 两百, 一百五, 三块五) and money amounts (B2 price/bargain figures).

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

export const CN_NUM = '[零〇一幺二两俩三四五六七八九十百千万]';

/** Value of a Chinese numeral string, or NaN. "一百五" = 150, "两千三" = 2300, "十二" = 12. */
export function parseChineseNumber(s: string): number {
  if (s.length === 0) return NaN;
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastUnit = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      if (d === 0) lastUnit = 1; // 一百零五: the next digit is a unit digit
      continue;
    }
    const u = UNITS[ch];
    if (u === undefined) return NaN;
    if (u === 10000) {
      total += (section + Math.max(digit, 0)) * u;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * u;
    }
    lastUnit = u;
    digit = -1;
  }
  if (digit >= 0) {
    // "一百五" / "两千三": a trailing digit after a unit means one order lower.
    section += lastUnit >= 100 && lastUnit < 10000 ? digit * (lastUnit / 10) : digit;
  }
  return total + section;
}

/** Parses "35", "3.5", "三十五" to a number (NaN if neither). */
export function parseNumber(s: string): number {
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : parseChineseNumber(s);
}

const NUM = `(\\d+(?:\\.\\d+)?|${CN_NUM}+)`;
const AMOUNT_PATTERNS: RegExp[] = [
  new RegExp(`[¥￥]\\s*(\\d+(?:\\.\\d+)?)`, 'g'),
  new RegExp(`${NUM}\\s*(?:元|块钱|rmb|大洋|块(?:([一二三四五六七八九]|\\d)(?![个件斤包只盒箱瓶袋份双条\\d]))?)(?![a-z\\d])`, 'g'),
];

/** Money amounts in yuan: ¥35, 35元, 35块, 十块, 三块五 (3.5). */
export function extractAmounts(text: string): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (const re of AMOUNT_PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      let v = parseNumber(m[1]!);
      const jiao = m[2];
      if (jiao !== undefined) v += parseNumber(jiao) / 10;
      if (Number.isFinite(v) && v > 0 && !seen.has(v)) {
        seen.add(v);
        out.push(Math.round(v * 100) / 100);
      }
    }
  }
  return out;
}
