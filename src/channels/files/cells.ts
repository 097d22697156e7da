// Reading one cell of an export: the cleaning every platform needs (="…" wrapping, Excel's
// leading apostrophe, stray spaces) and the typed readers (money in fen, Beijing time, counts).
// Readers throw RowError with a Chinese reason; the reader turns it into a {line, reason} entry.
import { parseBeijingLocal } from '../../core/time/beijing-time.js';

export class RowError extends Error {
  override readonly name = 'RowError';
}

/** Header or cell text as a person means it: no BOM, no ="…", no surrounding spaces. */
export function cleanCell(value: string | undefined): string {
  if (value === undefined) return '';
  let v = value.trim();
  if (v.charCodeAt(0) === 0xfeff) v = v.slice(1).trim();
  if (v.startsWith('="') && v.endsWith('"') && v.length >= 3) v = v.slice(2, -1).trim();
  else if (v.startsWith('=') && /^=\d+$/.test(v)) v = v.slice(1);
  // Excel's text marker before long numbers and phone numbers: '13800000000, '138****0000.
  if (v.startsWith("'") && /^'[\d*+]/.test(v)) v = v.slice(1);
  if (v.startsWith('\t')) v = v.trim();
  return v;
}

const MONEY = /^(-)?(\d+)(?:\.(\d*))?$/;
const MAX_FEN = 2_147_483_647;

/** "178.8" → 17880; accepts ¥/￥, 元, thousands separators. Empty → undefined. */
export function parseFen(value: string, column: string): number | undefined {
  const v = value.replace(/[¥￥,，\s]/g, '').replace(/元$/, '');
  if (v === '' || v === '-' || v === '--') return undefined;
  const m = MONEY.exec(v);
  if (!m) throw new RowError(`“${column}”不是有效金额：${value}`);
  const decimals = (m[3] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) throw new RowError(`“${column}”金额精度超过分：${value}`);
  const fen = Number(m[2]) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) throw new RowError(`“${column}”金额过大：${value}`);
  return m[1] ? -fen : fen;
}

/** Beijing wall-clock time ("2016/5/23 22:02", "2020-02-21 00:00:00") → Date (+08:00). */
export function parseBeijingTime(value: string, column: string): Date | undefined {
  const v = value.trim();
  if (v === '' || v === '-' || v === '--' || v === 'null') return undefined;
  const at = parseBeijingLocal(v);
  if (!at) throw new RowError(`“${column}”不是有效时间：${value}`);
  return at;
}

/** A whole count ("1", "2件"). Empty → undefined. */
export function parseCount(value: string, column: string): number | undefined {
  const v = value.replace(/[件个\s]/g, '');
  if (v === '') return undefined;
  if (!/^\d{1,9}$/.test(v)) throw new RowError(`“${column}”不是有效数量：${value}`);
  return Number(v);
}

const ORDER_NO = /^[0-9A-Za-z_-]{1,64}$/;

export function checkOrderNo(value: string, column: string): string {
  if (value === '') throw new RowError(`“${column}”为空`);
  if (!ORDER_NO.test(value)) throw new RowError(`“${column}”格式不正确：${value}`);
  return value;
}

/** A title or summary line ("合计", "共 12 条") rather than an order. */
export function looksLikeSummary(firstCell: string): boolean {
  return /^(合计|总计|汇总|小计|共\s*\d|总数|统计|导出时间|数据截止)/.test(firstCell) || /^(grand\s+)?total\b|^summary\b/i.test(firstCell);
}
