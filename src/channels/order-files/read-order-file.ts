// The streaming reader shared by all formats: bytes → text (decode.ts) → header and format
// (detect-header.ts) → records (csv-tokenizer.ts) → normalised orders, yielded in batches.
// An Excel workbook (.xlsx, recognised by its ZIP signature, whatever the file is called) gives
// its first sheet's rows instead of the text records (files/xlsx.ts); the rest is the same.
// Only one batch is held at a time, so memory stays flat however long the file is. Rows of one
// order (grouped formats) that follow each other are never split across batches.
import { createHash } from 'node:crypto';
import { DxeError } from '../../core/errors.js';
import { cleanCell, looksLikeSummary, RowError } from '../files/cells.js';
import { CsvTokenizer, type CsvRecord } from '../files/csv-tokenizer.js';
import { decodeStream, type TextEncodingName } from '../files/decode.js';
import { readXlsxRows } from '../files/xlsx.js';
import { normaliseColumn } from '../files/header.js';
import { detectHeader, HEADER_SEARCH_LINES } from './detect-header.js';
import type { LineError } from '../../core/orders/order-import.js';
import type { NormalisedOrder, OrderFileFormat, Platform, Row } from './types.js';

export type { LineError } from '../../core/orders/order-import.js';

export interface OrderEntry {
  /** Line of the order's first row in the file. */
  line: number;
  order: NormalisedOrder;
}

export interface ReadOptions {
  platform: Platform;
  format?: string;
  /** Orders per batch (default 1,000). */
  batchSize?: number;
  /** Errors kept in the list (the count goes on). Default 1,000. */
  maxErrors?: number;
}

export interface OrderFileReader {
  format: OrderFileFormat;
  /** The text encoding, or 'xlsx' for an Excel workbook. */
  encoding: TextEncodingName | 'xlsx';
  /** Data rows after the header, when known before reading (workbooks): for a progress bar. */
  totalRows?: number;
  delimiter: '\t' | ',';
  headerLine: number;
  batches: AsyncGenerator<OrderEntry[]>;
  /** Filled while batches are read. */
  stats: { rows: number; rejected: number; errorCount: number; errors: LineError[] };
}

/** Column names as the formats write them → the header's normalised names (memoised). */
const normalised = new Map<string, string>();
function columnKey(name: string): string {
  let key = normalised.get(name);
  if (key === undefined) {
    key = normaliseColumn(name);
    normalised.set(name, key);
  }
  return key;
}

function makeRow(columns: Map<string, number>, record: CsvRecord): Row {
  const get = (column: string | readonly string[]): string => {
    if (typeof column === 'string') {
      const i = columns.get(columnKey(column));
      return i === undefined ? '' : cleanCell(record.fields[i]);
    }
    for (const c of column) {
      const v = get(c);
      if (v) return v;
    }
    return '';
  };
  return { line: record.line, get, has: (c) => columns.has(columnKey(c)), first: () => cleanCell(record.fields[0]) };
}

const defaultMerge = (_a: NormalisedOrder, b: NormalisedOrder): NormalisedOrder => b;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** The first chunk(s) of a stream, put back in front of the rest. */
async function peek(source: AsyncIterable<Uint8Array>, n: number): Promise<{ first: Buffer; all: AsyncIterable<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < n) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    taken.push(next.value);
    size += next.value.length;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* taken;
    if (ended) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { first: Buffer.concat(taken), all: all() };
}

/** A workbook's rows as the text path would give them: a head for detection, then records. */
async function openWorkbook(source: AsyncIterable<Uint8Array>) {
  const parts: Buffer[] = [];
  for await (const chunk of source) parts.push(Buffer.from(chunk));
  const rows = readXlsxRows(Buffer.concat(parts));
  // Detection reads lines of text: each row joined by tabs (header cells hold no tabs).
  const head = rows.slice(0, HEADER_SEARCH_LINES).map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
  return { rows, head };
}

export async function openOrderFile(source: AsyncIterable<Uint8Array>, opts: ReadOptions): Promise<OrderFileReader> {
  const peeked = await peek(source, 4);
  const isXlsx = ZIP_SIGNATURE.every((b, i) => peeked.first[i] === b);
  const workbook = isXlsx ? await openWorkbook(peeked.all) : undefined;
  const decoded = workbook ? undefined : await decodeStream(peeked.all);
  let head = workbook?.head ?? '';
  let newlines = 0;
  let done = Boolean(workbook);
  while (decoded && newlines <= HEADER_SEARCH_LINES) {
    const next = await decoded.chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
    newlines += next.value.split('\n').length - 1;
  }
  // A workbook row is one line: force the tab reading of the joined head.
  const header = detectHeader(workbook ? head.replace(/,/g, ' ') : head, opts.format);
  const { format } = header;
  if (!format.platforms.includes(opts.platform)) {
    throw new DxeError(
      'VALIDATION_FAILED',
      `文件是“${format.nameZh}”，不能导入到平台 ${opts.platform}（适用平台：${format.platforms.join('、')}）`,
      { importCode: 'IMPORT_PLATFORM_MISMATCH' },
    );
  }
  const columns = new Map<string, number>();
  header.columns.forEach((name, i) => {
    if (name && !columns.has(name)) columns.set(name, i);
  });
  const minFields = Math.max(...format.required.map((c) => (columns.get(columnKey(c)) ?? 0) + 1));
  const batchSize = opts.batchSize ?? 1000;
  const maxErrors = opts.maxErrors ?? 1000;
  const merge = format.merge ?? defaultMerge;
  const stats: OrderFileReader['stats'] = { rows: 0, rejected: 0, errorCount: 0, errors: [] };
  const reject = (line: number, reason: string) => {
    stats.rejected++;
    stats.errorCount++;
    if (stats.errors.length < maxErrors) stats.errors.push({ line, reason });
  };

  async function* records(): AsyncGenerator<CsvRecord[]> {
    if (workbook) {
      const { rows } = workbook;
      workbook.rows = [];
      for (let i = header.headerLine; i < rows.length; i += 1000) {
        yield rows.slice(i, i + 1000).map((fields, k) => ({ line: i + k + 1, fields }));
      }
      return;
    }
    const tokenizer = new CsvTokenizer(header.delimiter, header.headerLine + 1);
    let out: CsvRecord[] = [];
    tokenizer.feed(head.slice(header.bodyOffset), out);
    head = '';
    if (out.length) yield out;
    if (!done) {
      for (;;) {
        const next = await decoded!.chunks.next();
        if (next.done) break;
        out = [];
        tokenizer.feed(next.value, out);
        if (out.length) yield out;
      }
    }
    out = [];
    tokenizer.finish(out);
    if (out.length) yield out;
  }

  async function* batches(): AsyncGenerator<OrderEntry[]> {
    let batch = new Map<string, OrderEntry>();
    let lastNo = '';
    for await (const chunk of records()) {
      for (const record of chunk) {
        if (record.fields.every((f) => f.trim() === '')) continue;
        stats.rows++;
        const row = makeRow(columns, record);
        if (record.unterminated) {
          reject(record.line, '引号未闭合，此行到文件末尾无法解析');
          continue;
        }
        if (looksLikeSummary(row.first())) {
          stats.rejected++;
          continue;
        }
        if (record.fields.length < minFields) {
          reject(record.line, `列数不足：表头有 ${header.columns.length} 列，此行只有 ${record.fields.length} 列`);
          continue;
        }
        let no: string;
        let order: NormalisedOrder;
        try {
          no = format.orderNo(row);
          order = format.toOrder(row);
        } catch (err) {
          if (err instanceof RowError) {
            reject(record.line, err.message);
            continue;
          }
          throw err;
        }
        if (no !== lastNo && batch.size >= batchSize) {
          yield [...batch.values()];
          batch = new Map();
        }
        lastNo = no;
        const prev = batch.get(no);
        batch.set(no, prev ? { line: prev.line, order: merge(prev.order, order) } : { line: record.line, order });
      }
    }
    if (batch.size) yield [...batch.values()];
  }

  return {
    format,
    encoding: decoded ? decoded.encoding : 'xlsx',
    ...(workbook ? { totalRows: Math.max(0, workbook.rows.length - header.headerLine) } : {}),
    delimiter: header.delimiter,
    headerLine: header.headerLine,
    batches: batches(),
    stats,
  };
}

/** A digest of what the file says about one order: equal digests mean nothing changed. */
export function fingerprint(order: NormalisedOrder): string {
  return createHash('sha1').update(JSON.stringify(order)).digest('base64url');
}
