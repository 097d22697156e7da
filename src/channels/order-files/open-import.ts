// The edge of an order import (O2): opens a marketplace's export (a path or a byte stream), decodes
// it with the streaming reader, and hands the use case (app/orders/import-orders.ts) what it needs
// — normalised orders in batches, each with its digest, the format and encoding, and the file's
// SHA-256 — as core's OrderImportSource. Progress (bytes and rows read) is told after each batch.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { DxeError } from '../../core/errors.js';
import type { ImportEntry, OrderImportSource } from '../../core/orders/order-import.js';
import { PLATFORMS } from '../../core/platforms.js';
import { fingerprint, openOrderFile } from './read-order-file.js';

export interface ImportProgress {
  bytes: number;
  totalBytes?: number;
  rows: number;
  /** Known for a workbook (read whole before its rows): progress is then counted in rows. */
  totalRows?: number;
}

const optionsSchema = z
  .object({
    platform: z.enum(PLATFORMS),
    filePath: z.string().min(1).optional(),
    stream: z.custom<AsyncIterable<Uint8Array>>((v) => v !== null && typeof v === 'object' && Symbol.asyncIterator in v).optional(),
    fileName: z.string().optional(),
    format: z.string().optional(),
    batchSize: z.number().int().min(1).max(5000).optional(),
    onProgress: z.custom<(p: ImportProgress) => void>((v) => typeof v === 'function').optional(),
  })
  .refine((o) => Boolean(o.filePath) !== Boolean(o.stream), { message: '需要 filePath 或 stream 之一' });

export type OpenOrderImportOptions = z.input<typeof optionsSchema>;

function openPath(filePath: string): { source: AsyncIterable<Uint8Array>; totalBytes: number } {
  try {
    const totalBytes = statSync(filePath).size;
    return { source: createReadStream(filePath, { highWaterMark: 256 * 1024 }), totalBytes };
  } catch {
    throw new DxeError('NOT_FOUND', `找不到文件：${filePath}`, { importCode: 'IMPORT_FILE_NOT_FOUND' });
  }
}

/** The largest order export a browser may upload (O4): a busy shop's month as CSV; larger files go through `dxe import orders`. */
export const ORDER_UPLOAD_LIMIT = 50 * 1024 * 1024;

/** The content types an upload may carry: the file's bytes, whatever the browser calls them. */
export const ORDER_UPLOAD_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/**
 * An order export uploaded from the browser (the raw body), opened as `dxe import orders` opens a
 * file (CSV GBK/UTF-8 or .xlsx, recognised by content). Empty or oversized bodies are refused
 * before anything is read.
 */
export async function openUploadedOrders(platform: OpenOrderImportOptions['platform'], bytes: Uint8Array, fileName?: string): Promise<OrderImportSource> {
  if (bytes.length === 0) throw new DxeError('VALIDATION_FAILED', '上传的文件是空的，请选择订单导出文件（CSV 或 Excel .xlsx）', { importCode: 'IMPORT_EMPTY' });
  if (bytes.length > ORDER_UPLOAD_LIMIT) {
    throw new DxeError('PAYLOAD_TOO_LARGE', `文件超过 ${ORDER_UPLOAD_LIMIT / 1024 / 1024} MB，请分成几个文件上传，或用 dxe import orders 导入`);
  }
  async function* once(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  return openOrderImport({ platform, stream: once(), fileName: fileName && fileName.trim() ? fileName.trim() : '上传的文件' });
}

/** Opens and recognises the file (decoding, header, format: errors carry details.importCode). */
export async function openOrderImport(options: OpenOrderImportOptions): Promise<OrderImportSource> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new DxeError('VALIDATION_FAILED', `导入参数有误：${parsed.error.issues.map((i) => i.message).join('；')}`);
  }
  const opts = parsed.data;
  const { source, totalBytes } = opts.filePath ? openPath(opts.filePath) : { source: opts.stream!, totalBytes: undefined };
  const sha = createHash('sha256');
  let bytes = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      sha.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  }
  const reader = await openOrderFile(counted(), { platform: opts.platform, format: opts.format, batchSize: opts.batchSize });
  // Asked for the next batch = the previous one is written: that is when progress is told.
  async function* batches(): AsyncGenerator<ImportEntry[]> {
    for await (const batch of reader.batches) {
      yield batch.map(({ line, order }) => ({ line, order, digest: fingerprint(order) }));
      opts.onProgress?.({ bytes, totalBytes, rows: reader.stats.rows, ...(reader.totalRows !== undefined ? { totalRows: reader.totalRows } : {}) });
    }
  }
  let digest: string | undefined;
  return {
    platform: opts.platform,
    format: reader.format.id,
    encoding: reader.encoding,
    fileName: opts.fileName ?? (opts.filePath ? basename(opts.filePath) : 'stream'),
    batches: batches(),
    stats: reader.stats,
    sha256: () => (digest ??= sha.digest('hex')),
  };
}
