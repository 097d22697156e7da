// Sizes and body measurements (B2 size/fit "with the buyer's measurements"): 身高165 / 165cm /
// 1米65, 体重100斤 / 50kg → 100斤, 腰围2尺1 → 70 cm, 脚长24.5 → 245 mm, S…XXL, 38码.
import type { Measurements } from '../../entities.js';
import { CN_NUM, parseNumber } from './numbers.js';

const LETTER_SIZE = /(?<![a-z\d])(xxxxl|xxxl|xxl|xl|xs|s|m|l|[2-6]xl)(?![a-z])/gi;
const NUMERIC_SIZE = /(?<![\d.])(\d{2}(?:\.5)?)\s*(?:码|号)(?!\d)/g;

function canonicalSize(s: string): string {
  const u = s.toUpperCase();
  const x = /^(X+)L$/.exec(u);
  if (x && x[1]!.length >= 2) return `${x[1]!.length}XL`;
  return u;
}

/** Letter sizes (normalised S, M, L, XL, 2XL…) and numeric shoe/garment sizes ("38"). */
export function extractSizes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LETTER_SIZE)) {
    // A bare s/m/l counts only next to a size word or on its own (not inside "3m长").
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    const single = m[1]!.length === 1;
    if (single && !/^(码|号|的|吗|呢|还|有|可|就|是|合|穿|\s|$|,|\?|和|或|偏|大|小|吧)/.test(after) && after !== '') continue;
    const v = canonicalSize(m[1]!);
    if (!out.includes(v)) out.push(v);
  }
  for (const m of text.matchAll(NUMERIC_SIZE)) {
    const n = Number(m[1]);
    if (n >= 20 && n <= 48 && !out.includes(m[1]!)) out.push(m[1]!);
  }
  return out;
}

const HEIGHT_PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => number]> = [
  [/身高\s*(\d{3})/, (m) => Number(m[1])],
  [/(?<![\d.])(1\d{2})\s*(?:cm|厘米|公分)/, (m) => Number(m[1])],
  [/(?<![\d.])1\.(\d{1,2})\s*(?:米|m)(?![a-z])/, (m) => 100 + Number(m[1]!.padEnd(2, '0'))],
  [/(?<![\d.])1\s*米\s*(\d{1,2})(?!\d)/, (m) => 100 + (m[1]!.length === 1 ? Number(m[1]) * 10 : Number(m[1]))],
  [new RegExp(`一米(${CN_NUM}{1,2})`), (m) => {
    const t = m[1]!;
    const v = t.length === 2 && !t.includes('十') ? parseNumber(t[0]!) * 10 + parseNumber(t[1]!) : parseNumber(t);
    return 100 + (v < 10 ? v * 10 : v);
  }],
  [/(?<![\d.])(1[4-9]\d)(?!\d)\s*[,/ ]?\s*(?:体重)?\s*\d{2,3}(?:\.\d)?\s*(?:斤|kg|公斤|千克)/, (m) => Number(m[1])],
];

function weightJin(text: string): number | undefined {
  let m = /(\d{2,3}(?:\.\d)?)\s*(?:kg|公斤|千克)/.exec(text);
  if (m && Number(m[1]) >= 15 && Number(m[1]) <= 250) return Math.round(Number(m[1]) * 2);
  m = /(\d{2,3}(?:\.\d)?)\s*斤/.exec(text) ?? new RegExp(`(${CN_NUM}{2,5})斤`).exec(text);
  if (m) {
    const v = parseNumber(m[1]!);
    if (v >= 30 && v <= 500) return v;
  }
  m = /体重\s*(\d{2,3})/.exec(text);
  if (m) {
    const v = Number(m[1]);
    return v >= 80 ? v : v * 2; // a bare 体重 under 80 is kilograms
  }
  return undefined;
}

function waistCm(text: string): number | undefined {
  let m = /(?:腰围?)?\s*(\d)\s*尺\s*(\d)?(?!\d)/.exec(text) ?? new RegExp(`(${CN_NUM})尺(${CN_NUM})?`).exec(text);
  if (m && (/腰/.test(text) || /尺\d|尺[一二三四五六七八九]/.test(m[0]))) {
    const chi = parseNumber(m[1]!) + (m[2] ? parseNumber(m[2]) / 10 : 0);
    return Math.round((chi * 100) / 3);
  }
  m = /腰围?\s*(\d{2,3})\s*(cm|厘米)?/.exec(text);
  if (m) return Number(m[1]) < 45 ? Math.round(Number(m[1]) * 2.54) : Number(m[1]);
  return undefined;
}

export function extractMeasurements(text: string): Measurements {
  const out: Measurements = {};
  for (const [re, f] of HEIGHT_PATTERNS) {
    const m = text.match(re);
    if (m) {
      const v = f(m);
      if (v >= 50 && v <= 230) {
        out.heightCm = v;
        break;
      }
    }
  }
  const w = weightJin(text);
  if (w !== undefined) out.weightJin = w;
  const waist = waistCm(text);
  if (waist !== undefined) out.waistCm = waist;
  const bust = /胸围\s*(\d{2,3})/.exec(text);
  if (bust) out.bustCm = Number(bust[1]);
  const foot = /脚长\s*(\d{2,3}(?:\.\d)?)\s*(mm|毫米|cm|厘米)?/.exec(text);
  if (foot) {
    const v = Number(foot[1]);
    out.footLengthMm = foot[2] === 'mm' || foot[2] === '毫米' || v > 100 ? Math.round(v) : Math.round(v * 10);
  }
  return out;
}
