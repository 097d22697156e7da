// Finds the header row among the first lines (exports may start with a title line), the
// delimiter (tab or comma) and the format whose required columns that header holds.
import { DxeError } from '../../core/errors.js';
import { normaliseColumn } from '../files/header.js';
import { ORDER_FILE_FORMATS } from './formats/index.js';
import type { OrderFileFormat } from './types.js';


export const HEADER_SEARCH_LINES = 50;

export interface DetectedHeader {
  format: OrderFileFormat;
  delimiter: '\t' | ',';
  /** 1-based line of the header row. */
  headerLine: number;
  /** Offset in the text just after the header row's line break. */
  bodyOffset: number;
  columns: string[];
}

/** A format's required columns as the header's names are compared (English names lose their spaces). */
const requiredOf = (format: OrderFileFormat): string[] => format.required.map(normaliseColumn);

function score(format: OrderFileFormat, names: Set<string>): number {
  return requiredOf(format).every((c) => names.has(c)) ? format.required.length : 0;
}

export function detectHeader(text: string, formatId?: string): DetectedHeader {
  const candidates = formatId ? ORDER_FILE_FORMATS.filter((f) => f.id === formatId) : ORDER_FILE_FORMATS;
  if (candidates.length === 0) {
    throw new DxeError(
      'VALIDATION_FAILED',
      `未知的文件格式“${formatId}”，可选：${ORDER_FILE_FORMATS.map((f) => f.id).join('、')}`,
      { importCode: 'IMPORT_UNKNOWN_FORMAT' },
    );
  }
  const lineEnd = /\r\n|\n|\r/g;
  let start = 0;
  let best: DetectedHeader | undefined;
  let bestScore = 0;
  // The header that came closest (most required columns present), so a file missing one column
  // is told which one instead of "unrecognised format".
  let nearest: { format: OrderFileFormat; missing: string[]; line: number } | undefined;
  for (let line = 1; line <= HEADER_SEARCH_LINES && start < text.length; line++) {
    const m = lineEnd.exec(text);
    const end = m ? m.index : text.length;
    const bodyOffset = m ? m.index + m[0].length : text.length;
    const raw = text.slice(start, end);
    for (const delimiter of ['\t', ','] as const) {
      if (!raw.includes(delimiter)) continue;
      const columns = raw.split(delimiter).map(normaliseColumn);
      const names = new Set(columns);
      for (const format of candidates) {
        const s = score(format, names);
        const missing = format.required.filter((c) => !names.has(normaliseColumn(c)));
        if (s === 0 && missing.length * 2 <= format.required.length && (!nearest || missing.length < nearest.missing.length)) {
          nearest = { format, missing, line };
        }
        if (s > bestScore) {
          bestScore = s;
          best = { format, delimiter, headerLine: line, bodyOffset, columns };
        }
      }
    }
    if (best) return best;
    if (!m) break;
    start = bodyOffset;
  }
  if (nearest) {
    throw new DxeError(
      'VALIDATION_FAILED',
      formatId
        ? `文件表头与指定格式“${nearest.format.nameZh}”不符，缺少必需的列：${nearest.missing.join('、')}`
        : `第 ${nearest.line} 行像是“${nearest.format.nameZh}”的表头，但缺少必需的列：${nearest.missing.join('、')}`,
      { importCode: 'IMPORT_MISSING_COLUMN', missing: nearest.missing },
    );
  }
  const wanted = formatId
    ? `文件表头与指定格式“${candidates[0]?.nameZh}”不符（需要列：${candidates[0]?.required.join('、')}）`
    : `无法识别文件格式：前 ${HEADER_SEARCH_LINES} 行中没有支持的订单导出表头（支持：${ORDER_FILE_FORMATS.map((f) => f.nameZh).join('；')}）`;
  throw new DxeError('VALIDATION_FAILED', wanted, { importCode: 'IMPORT_UNKNOWN_FORMAT' });
}
