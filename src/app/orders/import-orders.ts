// Use case: import a marketplace's own order export file (O2). The edge (channels/order-files,
// called by `dxe import orders`) opens and decodes the file and hands over normalised orders in
// batches (core's OrderImportSource); this writes each batch of up to 1,000 orders with a few
// set-based statements (unnest arrays, so one statement per table per batch). The whole import is
// one transaction: a fatal error (undecodable file part-way, database failure) leaves nothing
// behind; a bad row is reported as {line, reason} and skipped. Re-importing a file changes nothing:
// orders are matched on (shop_id, platform_order_no) and a digest of what the file says about the
// order (kept in orders.raw[format].h) tells unchanged rows from changed ones. A changed state
// appends an order_events row with actor 'import' (O1). An import that fails creates nothing: when
// the platform has no shop yet, the shop is created inside the same transaction, just before the
// first accepted rows are written — a file that is refused, or whose rows are all rejected,
// leaves no empty shop behind (issue 15).
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { DxeError } from '../../core/errors.js';
import { isPlatform } from '../../core/platforms.js';
import {
  importedStateName,
  type ImportEntry,
  type LineError,
  type NormalisedOrder,
  type OrderImportSource,
  type Platform,
} from '../../core/orders/order-import.js';
import { stateRank } from '../../core/orders/order-phase.js';
import { knownAmounts, PRICE_CHANGED_EVENT, priceChangeNote, unpaidBothWays } from '../../core/orders/price-change.js';
import type { Profile } from '../../core/rules/schema.js';
import type { Database, Db } from '../../store/open-database.js';
import { shopProfile } from '../shops/shop-profile.js';

const optionsSchema = z.object({
  /** The shop; omitted = the platform's first shop, created with the first accepted rows if none. */
  shopId: z.string().min(1).optional(),
  source: z.custom<OrderImportSource>((v) => v !== null && typeof v === 'object' && 'batches' in v && 'format' in v),
  now: z.date().optional(),
});

export type ImportOrdersOptions = z.input<typeof optionsSchema>;

export interface ImportOrdersResult {
  imported: number;
  updated: number;
  skipped: number;
  errors: LineError[];
  /** All rejected lines, including those beyond the errors list. */
  errorCount: number;
  format: string;
  encoding: string;
  batchId: string;
  /** The shop the orders went to; undefined when none existed and no row was accepted. */
  shopId?: string;
  /**
   * Orders read in a currency other than CNY, per currency, with their order amounts summed in
   * that currency's minor units — shown as they are, never converted (issue 15).
   */
  currencies: CurrencyTotal[];
}

export interface CurrencyTotal {
  currency: string;
  orders: number;
  totalMinor: number;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Prepared = { id: string; buyerId: string | null; order: NormalisedOrder; state: string; raw: string; hasDetail: boolean };

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);
const currencyOf = (o: NormalisedOrder): string => o.currency ?? 'CNY';
/** CNY fen for the *_fen columns: the amount itself for a CNY order, 0 (never a conversion) otherwise. */
const fen = (o: NormalisedOrder, minor: number | undefined): number | null =>
  minor === undefined ? null : currencyOf(o) === 'CNY' ? minor : 0;
const COLS: [string, string, (p: Prepared) => unknown][] = [
  ['id', 'text', (p) => p.id],
  ['no', 'text', (p) => p.order.platformOrderNo],
  ['buyer_id', 'text', (p) => p.buyerId],
  ['buyer_account', 'text', (p) => p.order.buyerAccount ?? null],
  ['state', 'text', (p) => p.state],
  ['currency', 'text', (p) => currencyOf(p.order)],
  ['total_fen', 'int', (p) => fen(p.order, p.order.totalFen)],
  ['paid_fen', 'int', (p) => fen(p.order, p.order.paidFen)],
  ['refund_fen', 'int', (p) => fen(p.order, p.order.refundFen)],
  ['shipping_fen', 'int', (p) => fen(p.order, p.order.shippingFen)],
  ['total_minor', 'int8', (p) => p.order.totalFen ?? null],
  ['paid_minor', 'int8', (p) => p.order.paidFen ?? null],
  ['refund_minor', 'int8', (p) => p.order.refundFen ?? null],
  ['shipping_minor', 'int8', (p) => p.order.shippingFen ?? null],
  ['ordered_at', 'timestamptz', (p) => iso(p.order.orderedAt)],
  ['paid_at', 'timestamptz', (p) => iso(p.order.paidAt)],
  ['shipped_at', 'timestamptz', (p) => iso(p.order.shippedAt)],
  ['completed_at', 'timestamptz', (p) => iso(p.order.completedAt)],
  ['closed_at', 'timestamptz', (p) => iso(p.order.closedAt)],
  ['receiver_name', 'text', (p) => p.order.receiverName ?? null],
  ['receiver_phone', 'text', (p) => p.order.receiverPhone ?? null],
  ['receiver_address', 'text', (p) => p.order.receiverAddress ?? null],
  ['region', 'text', (p) => p.order.region ?? null],
  ['courier', 'text', (p) => p.order.courier ?? null],
  ['tracking_no', 'text', (p) => p.order.trackingNo ?? null],
  ['buyer_note', 'text', (p) => p.order.buyerNote ?? null],
  ['seller_note', 'text', (p) => p.order.sellerNote ?? null],
  ['raw', 'jsonb', (p) => p.raw],
];
const MONEY = new Set(['total_fen', 'paid_fen', 'refund_fen', 'shipping_fen']);
const DATA_COLS = COLS.filter(([c]) => c !== 'id' && c !== 'no' && c !== 'raw').map(([c]) => c);

function unnest(rows: readonly unknown[][], types: readonly string[], names: readonly string[]): SQL {
  const arrays = types.map((t, i) => sql`${sql.param(rows.map((r) => r[i]))}::${sql.raw(t)}[]`);
  return sql`unnest(${sql.join(arrays, sql`, `)}) AS s(${sql.raw(names.join(', '))})`;
}

function ordersSource(rows: Prepared[]): SQL {
  return unnest(rows.map((p) => COLS.map(([, , get]) => get(p))), COLS.map(([, t]) => t), COLS.map(([c]) => c));
}

async function select(tx: Tx, query: SQL): Promise<Record<string, unknown>[]> {
  const res: unknown = await tx.execute(query);
  const rows: unknown = res !== null && typeof res === 'object' && 'rows' in res ? res.rows : undefined;
  return Array.isArray(rows) ? rows.filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object') : [];
}

interface BatchContext {
  shopId: string;
  /** How the shop comes to exist when the import starts without one (first accepted rows). */
  createShop?: (tx: Tx) => Promise<string>;
  format: string;
  batchId: string;
  note: string;
  now: Date;
  profile: Profile;
}

async function buyerIds(tx: Tx, shopId: string, accounts: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(accounts)];
  if (unique.length === 0) return new Map();
  await tx.execute(sql`INSERT INTO buyers (id, shop_id, platform_account, nickname)
    SELECT s.id, ${shopId}, s.account, s.account FROM ${unnest(unique.map((a) => [randomUUID(), a]), ['text', 'text'], ['id', 'account'])}
    ON CONFLICT (shop_id, platform_account) DO NOTHING`);
  const res = await select(tx, sql`SELECT id, platform_account FROM buyers
    WHERE shop_id = ${shopId} AND platform_account = ANY(${sql.param(unique)}::text[])`);
  return new Map(res.map((r) => [String(r.platform_account), String(r.id)]));
}

async function writeBatch(tx: Tx, ctx: BatchContext, entries: ImportEntry[]): Promise<{ created: number; changed: number; same: number }> {
  const nos = entries.map((e) => e.order.platformOrderNo);
  // has_detail: some format already wrote real sub-order lines (raw[format].d), so an order list's
  // summary line must not be added (order_lines has no index on order_id to ask it there).
  const found = await select(tx, sql`SELECT id, platform_order_no, state, currency, coalesce(total_minor, total_fen) AS total, coalesce(shipping_minor, shipping_fen) AS shipping,
      raw -> ${ctx.format} ->> 'h' AS h,
      (SELECT bool_or(e.value -> 'd' IS NOT NULL) FROM jsonb_each(coalesce(raw, '{}'::jsonb)) e) AS has_detail FROM orders
    WHERE shop_id = ${ctx.shopId} AND platform_order_no = ANY(${sql.param(nos)}::text[])`);
  const existing = new Map(found.map((r) => [String(r.platform_order_no), r]));
  const fresh: Prepared[] = [];
  const changed: (Prepared & { from: string })[] = [];
  const priceChanges: string[][] = [];
  let same = 0;
  for (const { line, order, digest: h } of entries) {
    const prev = existing.get(order.platformOrderNo);
    if (prev && prev.h === h) {
      same++;
      continue;
    }
    const detail = order.lineSource === 'detail';
    // An unpaid order's payment deadline where the profile has a window (C8; AliExpress: 20 days).
    const payHours = ctx.profile.service.pay_window_hours;
    const payBy = order.state === 'awaitingPayment' && order.orderedAt && payHours !== null
      ? new Date(order.orderedAt.getTime() + payHours * 3_600_000).toISOString() : undefined;
    const raw = JSON.stringify({
      [ctx.format]: { h, line, word: order.stateWord, cols: order.extra, ...(detail ? { d: 1 } : {}), ...(payBy ? { payBy } : {}) },
    });
    let state = importedStateName(ctx.profile, order.state, order.stateWord);
    if (!prev) {
      fresh.push({ id: randomUUID(), buyerId: null, order, state, raw, hasDetail: detail });
      continue;
    }
    const from = String(prev.state);
    const [was, now] = [stateRank(ctx.profile, from), stateRank(ctx.profile, state)];
    if (was !== null && now !== null && now < was) state = from; // never backwards
    changed.push({ id: String(prev.id), buyerId: null, order, state, raw, from, hasDetail: detail || prev.has_detail === true });
    // C8: a new price or freight for an order still unpaid is a 改价 (the export shows the changed amounts).
    const note = unpaidBothWays(ctx.profile, from, state)
      ? priceChangeNote(knownAmounts(Number(prev.total ?? 0), Number(prev.shipping ?? 0)), { total: order.totalFen, shipping: order.shippingFen }, String(prev.currency ?? 'CNY'))
      : null;
    if (note) priceChanges.push([String(prev.id), from, state, PRICE_CHANGED_EVENT, note]);
  }
  const written = [...fresh, ...changed];
  const buyers = await buyerIds(tx, ctx.shopId, written.flatMap((p) => (p.order.buyerAccount ? [p.order.buyerAccount] : [])));
  for (const p of written) p.buyerId = p.order.buyerAccount ? (buyers.get(p.order.buyerAccount) ?? null) : null;
  if (fresh.length) {
    const values = DATA_COLS.map((c) => (MONEY.has(c) ? `coalesce(s.${c}, 0)` : `s.${c}`)).join(', ');
    await tx.execute(sql`INSERT INTO orders (id, shop_id, platform_order_no, ${sql.raw(DATA_COLS.join(', '))}, raw, source, updated_at, created_at)
      SELECT s.id, ${ctx.shopId}, s.no, ${sql.raw(values)}, s.raw, 'import', ${ctx.now}, ${ctx.now} FROM ${ordersSource(fresh)}`);
  }
  if (changed.length) {
    const sets = DATA_COLS.map((c) => (c === 'state' ? 'state = s.state' : `${c} = coalesce(s.${c}, o.${c})`)).join(', ');
    await tx.execute(sql`UPDATE orders o SET ${sql.raw(sets)}, raw = coalesce(o.raw, '{}'::jsonb) || s.raw, updated_at = ${ctx.now}
      FROM ${ordersSource(changed)} WHERE o.id = s.id`);
  }
  // Only changes are events (O1); a new order's first state is its row (source 'import', the
  // batch in import_batches). Writing an event per new order cost a third of the import time
  // (one foreign-key check per row) for nothing the order row does not already say.
  const events = changed.filter((p) => p.from !== p.state).map((p) => [p.id, p.from, p.state, 'import_state_change']);
  if (events.length) {
    await tx.execute(sql`INSERT INTO order_events (order_id, at, from_state, to_state, event, actor_kind, actor_id, note)
      SELECT s.order_id, ${ctx.now}, s.from_state, s.to_state, s.event, 'import', ${ctx.batchId}, ${ctx.note}
      FROM ${unnest(events, ['text', 'text', 'text', 'text'], ['order_id', 'from_state', 'to_state', 'event'])}`);
  }
  if (priceChanges.length) {
    await tx.execute(sql`INSERT INTO order_events (order_id, at, from_state, to_state, event, actor_kind, actor_id, note)
      SELECT s.order_id, ${ctx.now}, s.from_state, s.to_state, s.event, 'import', ${ctx.batchId}, s.note
      FROM ${unnest(priceChanges, ['text', 'text', 'text', 'text', 'text'], ['order_id', 'from_state', 'to_state', 'event', 'note'])}`);
  }
  await writeLines(tx, ctx, written);
  return { created: fresh.length, changed: changed.length, same };
}

/** Sub-order lines replace an order list's one summary line; a summary never hides real lines. */
async function writeLines(tx: Tx, ctx: BatchContext, written: Prepared[]): Promise<void> {
  const summaries = written.filter((p) => p.order.lineSource === 'detail').map((p) => `${p.id}:summary`);
  if (summaries.length) {
    await tx.execute(sql`DELETE FROM order_lines WHERE id = ANY(${sql.param(summaries)}::text[])`);
  }
  const rows = written.flatMap((p) =>
    (p.order.lineSource === 'summary' && p.hasDetail ? [] : p.order.lines).map((l, i) => [
      `${p.id}:${l.key}`, p.id, i + 1, l.sku ?? null, l.title, l.colour ?? null, l.size ?? null, l.qty,
      currencyOf(p.order) === 'CNY' ? l.priceFen : 0, l.priceFen,
      l.state ? importedStateName(ctx.profile, l.state, l.stateWord) : null,
    ]),
  );
  if (rows.length === 0) return;
  const types = ['text', 'text', 'int', 'text', 'text', 'text', 'text', 'int', 'int', 'int8', 'text'];
  const names = ['id', 'order_id', 'line_no', 'sku', 'title', 'colour', 'size', 'qty', 'price_fen', 'price_minor', 'state'];
  await tx.execute(sql`INSERT INTO order_lines (id, order_id, line_no, sku, title, colour, size, qty, price_fen, price_minor, state)
    SELECT s.id, s.order_id, s.line_no, s.sku, s.title, s.colour, s.size, s.qty, s.price_fen, s.price_minor, s.state FROM ${unnest(rows, types, names)}
    ON CONFLICT (id) DO UPDATE SET line_no = excluded.line_no, sku = excluded.sku, title = excluded.title,
      colour = excluded.colour, size = excluded.size, qty = excluded.qty, price_fen = excluded.price_fen,
      price_minor = excluded.price_minor, state = excluded.state`);
}

/** What `dxe import orders` prints (docs/cli-contracts.md §4), whether it imported itself or through a running server. */
export function importSummary(result: ImportOrdersResult) {
  return {
    imported: result.imported,
    updated: result.updated,
    skipped: result.skipped,
    errors: result.errors,
    errorCount: result.errorCount,
    format: result.format,
    encoding: result.encoding,
    // Only for files in another currency than CNY: the amounts as read, with their code.
    ...(result.currencies.length ? { currencies: result.currencies } : {}),
  };
}

export async function importOrders(database: Database, options: ImportOrdersOptions): Promise<ImportOrdersResult> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new DxeError('VALIDATION_FAILED', `导入参数有误：${parsed.error.issues.map((i) => i.message).join('；')}`);
  }
  const { source } = parsed.data;
  const shopId = await findImportShop(database, source.platform, parsed.data.shopId);
  const profile = shopProfile(shopId ? await importShop(database, shopId, source.platform) : { platform: source.platform, ruleOverrides: null });
  const startedAt = parsed.data.now ?? new Date();
  const batchId = randomUUID();
  const ctx: BatchContext = {
    shopId: shopId ?? '',
    ...(shopId ? {} : { createShop: (tx: Tx) => createImportShop(tx, source.platform) }),
    format: source.format, batchId, note: `导入文件 ${source.fileName}`, now: startedAt, profile,
  };
  const totals = { imported: 0, updated: 0, same: 0 };
  const foreign = new Map<string, CurrencyTotal>();
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`dxe-import:${shopId ?? `new:${source.platform}`}`}))`);
      // Fresh statistics, refreshed as the table doubles: PGlite has no autovacuum, and with stale
      // ones the planner looks orders up through the (shop_id, state) index, scanning the whole
      // shop per batch (quadratic: 1M rows took 10× the CPU of 250k).
      const analyze = async () => {
        await tx.execute(sql`ANALYZE orders, buyers`);
        const rows = await select(tx, sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'orders'::regclass`);
        return Math.max(0, Number(rows[0]?.n ?? 0));
      };
      let analyzedAt = await analyze();
      let insertedSince = 0;
      for await (const entries of source.batches) {
        if (entries.length === 0) continue;
        if (ctx.createShop) {
          ctx.shopId = await ctx.createShop(tx);
          ctx.createShop = undefined;
        }
        for (const { order } of entries) {
          if (!order.currency || order.currency === 'CNY') continue;
          const t = foreign.get(order.currency) ?? { currency: order.currency, orders: 0, totalMinor: 0 };
          t.orders++;
          t.totalMinor += order.totalFen ?? 0;
          foreign.set(order.currency, t);
        }
        const r = await writeBatch(tx, ctx, entries);
        insertedSince += r.created;
        if (insertedSince >= Math.max(10_000, analyzedAt)) {
          analyzedAt = await analyze();
          insertedSince = 0;
        }
        totals.imported += r.created;
        totals.updated += r.changed;
        totals.same += r.same;
      }
      // No shop and nothing accepted: nothing to record against, and nothing is created.
      if (!ctx.shopId) return;
      await tx.execute(sql`INSERT INTO import_batches (id, shop_id, platform, format, file_name, file_sha256, imported, updated, skipped, errors, started_at, finished_at)
        VALUES (${batchId}, ${ctx.shopId}, ${source.platform}, ${source.format}, ${source.fileName}, ${source.sha256()}, ${totals.imported},
          ${totals.updated}, ${totals.same + source.stats.rejected}, ${JSON.stringify(source.stats.errors)}::jsonb, ${startedAt}, ${new Date()})`);
    });
  } catch (err) {
    if (err instanceof DxeError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new DxeError('INTERNAL', `导入失败，已全部回滚，未写入任何订单：${message}`, { importCode: 'IMPORT_DATABASE_FAILED' });
  }
  return {
    imported: totals.imported,
    updated: totals.updated,
    skipped: totals.same + source.stats.rejected,
    errors: source.stats.errors,
    errorCount: source.stats.errorCount,
    format: source.format,
    encoding: source.encoding,
    batchId,
    ...(ctx.shopId ? { shopId: ctx.shopId } : {}),
    currencies: [...foreign.values()],
  };
}

const SHOP_NAMES: Record<Platform, string> = {
  taobao: '淘宝店铺',
  tmall: '天猫店铺',
  jd: '京东店铺',
  pdd: '拼多多店铺',
  aliexpress: '速卖通店铺',
};

interface ImportShopRow {
  platform: string;
  ruleOverrides: unknown;
}

/** The shop's rules row; its platform must be the file's. */
async function importShop(database: Database, shopId: string, platform: Platform): Promise<ImportShopRow> {
  const rows = await database.query<{ platform: string; rule_overrides: unknown }>(
    'SELECT platform, rule_overrides FROM shops WHERE id = $1',
    [shopId],
  );
  if (!rows[0]) throw new DxeError('NOT_FOUND', `店铺不存在：${shopId}`);
  if (rows[0].platform !== platform) {
    throw new DxeError('VALIDATION_FAILED', `店铺属于平台 ${rows[0].platform}，与 --platform ${platform} 不符`);
  }
  return { platform: rows[0].platform, ruleOverrides: rows[0].rule_overrides };
}

/** O4 from the browser: the platform of the shop an upload goes to (an upload never creates a shop). */
export async function shopPlatformOf(database: Database, shopId: string): Promise<Platform> {
  const rows = await database.query<{ platform: string }>('SELECT platform FROM shops WHERE id = $1', [shopId]);
  const platform = rows[0]?.platform;
  if (!platform || !isPlatform(platform)) throw new DxeError('NOT_FOUND', `店铺不存在：${shopId}`);
  return platform;
}

/**
 * The shop an order import goes to without creating one: the given id (checked: it exists and is
 * on the platform), else the platform's first shop, else undefined (importOrders then creates it
 * with the first accepted rows, in the import's transaction).
 */
export async function findImportShop(database: Database, platform: Platform, shopId?: string): Promise<string | undefined> {
  if (shopId) {
    await importShop(database, shopId, platform);
    return shopId;
  }
  const existing = await database.query<{ id: string }>(
    'SELECT id FROM shops WHERE platform = $1 ORDER BY created_at, id LIMIT 1',
    [platform],
  );
  return existing[0]?.id;
}

/** A new shop named from the platform, in the first organisation (or a new one), inside tx. */
export async function createImportShop(tx: Tx, platform: Platform): Promise<string> {
  const orgs = await select(tx, sql`SELECT id FROM organisations ORDER BY created_at, id LIMIT 1`);
  let org = orgs[0] ? String(orgs[0].id) : undefined;
  if (!org) {
    org = randomUUID();
    await tx.execute(sql`INSERT INTO organisations (id, name) VALUES (${org}, ${'我的店铺'})`);
  }
  const id = randomUUID();
  await tx.execute(sql`INSERT INTO shops (id, org_id, platform, name) VALUES (${id}, ${org}, ${platform}, ${SHOP_NAMES[platform]})`);
  return id;
}

/**
 * The shop an import goes to: the given id, else the platform's first shop, else a new one
 * (named from the platform, in the first organisation or a new one) so an import works on an
 * empty data directory. A given shop must be on the platform, checked before the file is opened.
 */
export async function resolveImportShop(database: Database, platform: Platform, shopId?: string): Promise<string> {
  if (shopId) {
    await importShop(database, shopId, platform);
    return shopId;
  }
  const existing = await database.query<{ id: string }>(
    'SELECT id FROM shops WHERE platform = $1 ORDER BY created_at, id LIMIT 1',
    [platform],
  );
  if (existing[0]) return existing[0].id;
  let org = (await database.query<{ id: string }>('SELECT id FROM organisations ORDER BY created_at, id LIMIT 1'))[0]?.id;
  if (!org) {
    org = randomUUID();
    await database.query('INSERT INTO organisations (id, name) VALUES ($1, $2)', [org, '我的店铺']);
  }
  const id = randomUUID();
  await database.query('INSERT INTO shops (id, org_id, platform, name) VALUES ($1, $2, $3, $4)', [
    id, org, platform, SHOP_NAMES[platform],
  ]);
  return id;
}
