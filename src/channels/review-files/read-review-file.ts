// The edge of a review import (issue 13): opens a platform's review export — CSV (GBK or UTF-8,
// comma or tab, decoded by the order importer's streaming decoder) or an Excel workbook (.xlsx) —
// finds the header row, and hands the intake normalised reviews in batches. A bad row becomes
// {line, reason}; progress (bytes and rows) is told after each batch.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DxeError } from '../../core/errors.js';
import type { Platform } from '../../core/platforms.js';
import { ratingFromWord, type NormalisedReview, type ReviewImportSource, type ReviewLineError } from '../../core/reviews/review-import.js';
import { cleanCell, looksLikeSummary, parseBeijingTime, RowError } from '../files/cells.js';
import { CsvTokenizer, type CsvRecord } from '../files/csv-tokenizer.js';
import { decodeStream } from '../files/decode.js';
import { mapReviewHeader, type ColumnMap } from './columns.js';
import { readXlsxRows } from '../files/xlsx.js';

const HEADER_SEARCH_ROWS = 30;
const MAX_ERRORS = 200;

export interface ReviewImportProgress {
  bytes: number;
  totalBytes?: number | undefined;
  rows: number;
}

export interface OpenReviewImportOptions {
  platform: Platform;
  filePath: string;
  batchSize?: number;
  onProgress?: (p: ReviewImportProgress) => void;
}

function stars(value: string, column: string): number | undefined {
  const v = value.replace(/[星分\s]/g, '');
  if (v === '' || v === '-') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 1 || n > 5) throw new RowError(`“${column}”应为 1–5 星：${value}`);
  return Math.round(n);
}

/** One data row → a review (or a follow-up of one). */
export function reviewFromRow(cells: readonly string[], map: ColumnMap, line: number): NormalisedReview {
  const cell = (f: keyof ColumnMap): string => (map[f] === undefined ? '' : cleanCell(cells[map[f] ?? -1]));
  const text = cell('text');
  const atText = cell('at');
  const at = parseBeijingTime(atText, '评价时间');
  if (!at) throw new RowError('“评价时间”为空');
  const orderNo = cell('orderNo') || undefined;
  const itemId = cell('itemId') || undefined;
  const buyerAccount = cell('buyer') || undefined;
  const ratingWord = cell('rating');
  const kindWord = `${cell('kind')} ${ratingWord}`;
  const isFollowUpRow = /追评|追加/.test(kindWord) || cell('kind') === '是';
  const given = cell('reviewId');
  const reviewId =
    given ||
    `h:${createHash('sha1').update(JSON.stringify([orderNo ?? '', itemId ?? '', buyerAccount ?? '', atText, isFollowUpRow ? text : ''])).digest('hex').slice(0, 24)}`;
  if (!given && !orderNo) throw new RowError('没有评价ID，也没有订单编号');
  const d = stars(cell('description'), '描述相符');
  const s = stars(cell('service'), '服务态度');
  const l = stars(cell('logistics'), '物流服务');
  if ([d, s, l].some((x) => x !== undefined) && [d, s, l].some((x) => x === undefined)) {
    throw new RowError('店铺评分（描述相符、服务态度、物流服务）应三项都有或都没有');
  }
  const followUpText = cell('followUpText');
  const review: NormalisedReview = {
    reviewId,
    orderNo,
    itemId,
    itemTitle: cell('itemTitle') || undefined,
    sku: cell('sku') || undefined,
    buyerAccount,
    rating: ratingFromWord(ratingWord),
    stars: stars(cell('stars'), '评分'),
    dsr: d !== undefined && s !== undefined && l !== undefined ? { description: d, service: s, logistics: l } : undefined,
    text,
    at,
    followUp: followUpText ? { text: followUpText, at: parseBeijingTime(cell('followUpAt'), '追评时间') } : undefined,
    sellerReply: cell('reply') || undefined,
    sellerReplyAt: parseBeijingTime(cell('replyAt'), '回复时间'),
  };
  if (isFollowUpRow) review.followUpOf = { reviewId: cell('parentId') || undefined, orderNo, itemId };
  void line;
  return review;
}

async function* csvRows(filePath: string, counter: (n: number) => void, info: { encoding: string }): AsyncGenerator<{ line: number; cells: string[] }> {
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(filePath, { highWaterMark: 256 * 1024 })) {
      const b = chunk as Buffer;
      counter(b.length);
      yield b;
    }
  }
  const decoded = await decodeStream(bytes());
  info.encoding = decoded.encoding;
  let tokenizer: CsvTokenizer | undefined;
  let pending = '';
  const out: CsvRecord[] = [];
  for await (const text of decoded.chunks) {
    if (!tokenizer) {
      pending += text;
      const firstLines = pending.split('\n').slice(0, 5).join('\n');
      if (pending.length < 4096 && !pending.includes('\n')) continue;
      const tabs = (firstLines.match(/\t/g) ?? []).length;
      const commas = (firstLines.match(/,/g) ?? []).length;
      tokenizer = new CsvTokenizer(tabs > commas ? '\t' : ',');
      tokenizer.feed(pending, out);
      pending = '';
    } else tokenizer.feed(text, out);
    for (const r of out.splice(0)) yield { line: r.line, cells: r.fields };
  }
  if (!tokenizer) {
    tokenizer = new CsvTokenizer((pending.match(/\t/g) ?? []).length > (pending.match(/,/g) ?? []).length ? '\t' : ',');
    tokenizer.feed(pending, out);
  }
  tokenizer.feed('\n', out);
  for (const r of out.splice(0)) if (r.fields.some((f) => f.trim() !== '')) yield { line: r.line, cells: r.fields };
}

export async function openReviewImport(options: OpenReviewImportOptions): Promise<ReviewImportSource> {
  let totalBytes: number;
  try {
    totalBytes = statSync(options.filePath).size;
  } catch {
    throw new DxeError('NOT_FOUND', `找不到文件：${options.filePath}`, { importCode: 'IMPORT_FILE_NOT_FOUND' });
  }
  const head = Buffer.alloc(4);
  const fd = openSync(options.filePath, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  const info = { encoding: 'xlsx' };
  const isXlsx = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  let bytes = 0;
  const rowsIter: AsyncIterator<{ line: number; cells: string[] }> = isXlsx
    ? (async function* () {
        const buf = readFileSync(options.filePath);
        bytes = buf.length;
        const rows = readXlsxRows(buf);
        for (let i = 0; i < rows.length; i++) {
          const cells = rows[i] ?? [];
          if (cells.some((c) => c.trim() !== '')) yield { line: i + 1, cells };
        }
      })()
    : csvRows(options.filePath, (n) => (bytes += n), info);
  // Find the header among the first rows.
  let map: ColumnMap | undefined;
  let headerLine = 0;
  for (let k = 0; k < HEADER_SEARCH_ROWS && !map; k++) {
    const next = await rowsIter.next();
    if (next.done) break;
    map = mapReviewHeader(next.value.cells);
    headerLine = next.value.line;
  }
  if (!map) {
    throw new DxeError(
      'VALIDATION_FAILED',
      '找不到评价表头：文件需要“评价内容”和“评价时间”两列，以及“评价ID”或“订单编号”（支持的列名见 docs/review-import.md）',
      { importCode: 'IMPORT_UNKNOWN_FORMAT' },
    );
  }
  const columns = map;
  const stats = { rows: 0, rejected: 0, errors: [] as ReviewLineError[] };
  const batchSize = options.batchSize ?? 1000;
  async function* batches(): AsyncGenerator<Array<{ line: number; review: NormalisedReview }>> {
    let batch: Array<{ line: number; review: NormalisedReview }> = [];
    for (;;) {
      const next = await rowsIter.next();
      if (next.done) break;
      const { line, cells } = next.value;
      if (looksLikeSummary(cleanCell(cells[0]))) continue;
      stats.rows++;
      try {
        batch.push({ line, review: reviewFromRow(cells, columns, line) });
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        stats.rejected++;
        if (stats.errors.length < MAX_ERRORS) stats.errors.push({ line, reason: err.message });
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
        options.onProgress?.({ bytes, totalBytes, rows: stats.rows });
      }
    }
    if (batch.length) yield batch;
    options.onProgress?.({ bytes: totalBytes, totalBytes, rows: stats.rows });
  }
  void headerLine;
  return {
    platform: options.platform,
    fileName: basename(options.filePath),
    format: isXlsx ? 'xlsx' : 'csv',
    get encoding() {
      return info.encoding;
    },
    batches: batches(),
    stats,
  };
}

/** The largest review export a browser may upload (issue 13): about 100,000 reviews as CSV. */
export const REVIEW_UPLOAD_LIMIT = 30 * 1024 * 1024;

/**
 * A review export uploaded from the browser (raw body): written to a private temporary file so
 * the same reader as `dxe import reviews` opens it (CSV GBK/UTF-8 or .xlsx, found by content),
 * and removed afterwards whatever happens.
 */
export async function withUploadedReviewFile<T>(bytes: Buffer, fn: (filePath: string) => Promise<T>): Promise<T> {
  if (bytes.length === 0) throw new DxeError('VALIDATION_FAILED', '上传的文件是空的，请选择评价导出文件（CSV 或 Excel .xlsx）', { importCode: 'IMPORT_EMPTY' });
  if (bytes.length > REVIEW_UPLOAD_LIMIT) throw new DxeError('PAYLOAD_TOO_LARGE', `文件超过 ${REVIEW_UPLOAD_LIMIT / 1024 / 1024} MB，请分成几个文件上传，或用 dxe import reviews 导入`);
  const dir = await mkdtemp(join(tmpdir(), 'dxe-review-upload-'));
  try {
    const file = join(dir, 'upload');
    await writeFile(file, bytes, { mode: 0o600 });
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
