// Test helpers: read a fixture (or a string/buffer) through the order-file reader, all batches;
// import one as `dxe import orders` does (the edge opens the file, the use case writes it).
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importOrders } from '../../src/app/orders/import-orders.js';
import { openOrderImport, type OpenOrderImportOptions } from '../../src/channels/order-files/open-import.js';
import { openOrderFile, type OrderEntry, type ReadOptions } from '../../src/channels/order-files/read-order-file.js';
import type { Database } from '../../src/store/open-database.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const fixture = (name: string) => join(FIXTURES, name);

export async function* bufferSource(data: string | Buffer, chunk = 4096): AsyncGenerator<Uint8Array> {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
}

export async function readAll(source: string | AsyncIterable<Uint8Array>, opts: ReadOptions) {
  const reader = await openOrderFile(typeof source === 'string' ? createReadStream(fixture(source)) : source, opts);
  const orders: OrderEntry[] = [];
  for await (const batch of reader.batches) orders.push(...batch);
  const byNo = new Map(orders.map((e) => [e.order.platformOrderNo, e]));
  return { reader, orders, byNo, stats: reader.stats };
}

/** The edge opens and decodes the file, the use case writes its orders: what the CLI does. */
export async function importFile(database: Database, opts: OpenOrderImportOptions & { shopId?: string }) {
  const { shopId, ...open } = opts;
  return importOrders(database, { shopId, source: await openOrderImport(open) });
}
