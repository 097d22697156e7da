// Typed reads of a row's cells for the format mappings.
import { checkOrderNo, parseBeijingTime, parseCount, parseFen } from '../../files/cells.js';
import type { Row } from '../types.js';

type Column = string | readonly string[];
const label = (c: Column): string => (typeof c === 'string' ? c : (c[0] ?? ''));

export const money = (row: Row, c: Column): number | undefined => parseFen(row.get(c), label(c));
export const time = (row: Row, c: Column): Date | undefined => parseBeijingTime(row.get(c), label(c));
export const count = (row: Row, c: Column): number | undefined => parseCount(row.get(c), label(c));
export const text = (row: Row, c: Column): string | undefined => row.get(c) || undefined;
export const orderNo = (row: Row, c: string): string => checkOrderNo(row.get(c), c);

/** Non-empty cells of the listed columns, kept in orders.raw. */
export function extras(row: Row, columns: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const v = row.get(c);
    if (v) out[c] = v;
  }
  return out;
}

/** "颜色分类:红色;尺码:XL" → {colour, size}; unknown shapes give nothing. */
export function colourSize(spec: string | undefined): { colour?: string; size?: string } {
  if (!spec) return {};
  const out: { colour?: string; size?: string } = {};
  for (const part of spec.split(/[;；,，\s]+/)) {
    const m = /^([^:：]+)[:：](.+)$/.exec(part);
    if (!m) continue;
    const key = m[1] ?? '';
    if (/颜色|色/.test(key)) out.colour = m[2];
    else if (/尺码|尺寸|码/.test(key)) out.size = m[2];
  }
  return out;
}

export const sum = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
