// Use case: reviews come in (issue 13; R1–R8) — from a platform's export file (dxe import
// reviews) or one at a time from the bridge. Each review is analysed on arrival (R8 sentiment,
// score and causes; R6 flags), linked to its order, buyer and item where the data allows, and
// written once per (shop, platform review id): importing a file twice adds nothing, and a later
// export that carries a follow-up (追评) or a seller reply the row lacks fills it in. A follow-up
// that comes as its own row is attached to its first review. Batches are written with a few
// set-based statements (unnest), the whole file in one transaction.
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { analyzeReview, type ReviewAnalysis } from '../../core/reviews/analyze.js';
import type { Rating } from '../../core/reviews/credit.js';
import { ratingFromStars, starsFromRating, type NormalisedReview, type ReviewImportSource, type ReviewLineError } from '../../core/reviews/review-import.js';
import type { Database, Db } from '../../store/open-database.js';
import { createImportShop, findImportShop } from '../orders/import-orders.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface IntakeCounts {
  imported: number;
  updated: number;
  skipped: number;
  errors: ReviewLineError[];
}

async function select(tx: Tx, query: SQL): Promise<Record<string, unknown>[]> {
  const res: unknown = await tx.execute(query);
  const rows: unknown = res !== null && typeof res === 'object' && 'rows' in res ? res.rows : undefined;
  return Array.isArray(rows) ? rows.filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object') : [];
}

function unnest(rows: readonly unknown[][], types: readonly string[], names: readonly string[]): SQL {
  const arrays = types.map((t, i) => sql`${sql.param(rows.map((r) => r[i]))}::${sql.raw(t)}[]`);
  return sql`unnest(${sql.join(arrays, sql`, `)}) AS s(${sql.raw(names.join(', '))})`;
}

/** The rating a review counts as (R1): the platform's word, else its stars, else what the text says. */
export function ratingOf(r: NormalisedReview, a: ReviewAnalysis): Rating {
  if (r.rating) return r.rating;
  if (r.stars !== undefined) return ratingFromStars(r.stars);
  if (a.sentiment === 'positive') return 'good';
  return a.score < 0.2 ? 'bad' : 'neutral';
}

const analysisOf = (text: string, stars: number | undefined, platform: string): ReviewAnalysis =>
  analyzeReview({ text, ...(stars !== undefined ? { rating: stars } : {}), platform });

interface Linked {
  orderId: string | null;
  buyerId: string | null;
  paidFen: number | null;
}

async function links(tx: Tx, shopId: string, reviews: readonly NormalisedReview[]): Promise<Map<string, Linked>> {
  const out = new Map<string, Linked>();
  const nos = [...new Set(reviews.flatMap((r) => (r.orderNo ? [r.orderNo] : [])))];
  const byNo = new Map<string, Record<string, unknown>>();
  if (nos.length) {
    for (const o of await select(tx, sql`SELECT id, platform_order_no, buyer_id, paid_fen FROM orders
      WHERE shop_id = ${shopId} AND platform_order_no = ANY(${sql.param(nos)}::text[])`)) {
      byNo.set(String(o.platform_order_no), o);
    }
  }
  // Buyers named by the export but without an order here: known by their account (made if new).
  const accounts = [...new Set(reviews.flatMap((r) => (r.buyerAccount && !(r.orderNo && byNo.get(r.orderNo)?.buyer_id) ? [r.buyerAccount] : [])))];
  const buyerByAccount = new Map<string, string>();
  if (accounts.length) {
    await tx.execute(sql`INSERT INTO buyers (id, shop_id, platform_account, nickname)
      SELECT s.id, ${shopId}, s.account, s.account FROM ${unnest(accounts.map((a) => [randomUUID(), a]), ['text', 'text'], ['id', 'account'])}
      ON CONFLICT (shop_id, platform_account) DO NOTHING`);
    for (const b of await select(tx, sql`SELECT id, platform_account FROM buyers
      WHERE shop_id = ${shopId} AND platform_account = ANY(${sql.param(accounts)}::text[])`)) {
      buyerByAccount.set(String(b.platform_account), String(b.id));
    }
  }
  for (const r of reviews) {
    const o = r.orderNo ? byNo.get(r.orderNo) : undefined;
    const buyerId = (o?.buyer_id as string | null | undefined) ?? (r.buyerAccount ? (buyerByAccount.get(r.buyerAccount) ?? null) : null);
    out.set(r.reviewId, { orderId: o ? String(o.id) : null, buyerId, paidFen: o?.paid_fen === undefined || o.paid_fen === null ? null : Number(o.paid_fen) });
  }
  return out;
}

const COLS: Array<[string, string]> = [
  ['id', 'text'],
  ['order_id', 'text'],
  ['buyer_id', 'text'],
  ['item_id', 'text'],
  ['rating', 'text'],
  ['text', 'text'],
  ['dsr', 'text'],
  ['at', 'timestamptz'],
  ['follow_up_text', 'text'],
  ['follow_up_at', 'timestamptz'],
  ['seller_reply', 'text'],
  ['flags', 'text'],
  ['platform_review_id', 'text'],
  ['platform_order_no', 'text'],
  ['buyer_account', 'text'],
  ['item_title', 'text'],
  ['sku', 'text'],
  ['stars', 'int'],
  ['sentiment', 'text'],
  ['score', 'float4'],
  ['causes', 'text'],
  ['follow_up', 'text'],
  ['seller_reply_at', 'timestamptz'],
  ['paid_fen', 'int'],
  ['status', 'text'],
];
const JSONB = new Set(['dsr', 'flags', 'causes', 'follow_up']);

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);

export interface WriteContext {
  shopId: string;
  platform: string;
  source: 'import' | 'bridge';
  now: Date;
}

/** Writes one batch; follow-up rows after the first reviews they may follow. */
export async function writeReviewBatch(tx: Tx, ctx: WriteContext, entries: ReadonlyArray<{ line: number; review: NormalisedReview }>): Promise<IntakeCounts> {
  const counts: IntakeCounts = { imported: 0, updated: 0, skipped: 0, errors: [] };
  const firsts = entries.filter((e) => !e.review.followUpOf);
  const follows = entries.filter((e) => e.review.followUpOf);
  // Within one batch a review id counts once (the last row wins, as a later export would).
  const unique = new Map<string, { line: number; review: NormalisedReview }>();
  for (const e of firsts) {
    if (unique.has(e.review.reviewId)) counts.skipped++;
    unique.set(e.review.reviewId, e);
  }
  const list = [...unique.values()].map((e) => e.review);
  if (list.length) {
    const linked = await links(tx, ctx.shopId, list);
    const rows = list.map((r) => {
      // The buyer's verdict: their stars, else the platform's rating word (好评 reads as 5 stars).
      const a = analysisOf(r.text, r.stars ?? (r.rating ? starsFromRating(r.rating) : undefined), ctx.platform);
      const f = r.followUp ? analysisOf(r.followUp.text, undefined, ctx.platform) : undefined;
      const l = linked.get(r.reviewId);
      const flags = [...new Set([...a.flags, ...(f?.flags ?? [])])];
      return [
        randomUUID(), l?.orderId ?? null, l?.buyerId ?? null, r.itemId ?? null, ratingOf(r, a), r.text,
        r.dsr ? JSON.stringify(r.dsr) : null, iso(r.at), r.followUp?.text ?? null, iso(r.followUp?.at),
        r.sellerReply ?? null, JSON.stringify(flags), r.reviewId, r.orderNo ?? null, r.buyerAccount ?? null,
        r.itemTitle ?? null, r.sku ?? null, r.stars ?? null, a.sentiment, a.score, JSON.stringify(a.causes),
        r.followUp && f ? JSON.stringify({ text: r.followUp.text, at: iso(r.followUp.at), ...f }) : null,
        iso(r.sellerReplyAt), l?.paidFen ?? null, r.sellerReply ? 'replied' : 'new',
      ];
    });
    const names = COLS.map(([c]) => c);
    const values = names.map((c) => (JSONB.has(c) ? `s.${c}::jsonb` : `s.${c}`)).join(', ');
    const res = await select(tx, sql`INSERT INTO reviews (${sql.raw(names.join(', '))}, shop_id, platform, source, created_at, updated_at)
      SELECT ${sql.raw(values)}, ${ctx.shopId}, ${ctx.platform}, ${ctx.source}, ${ctx.now}, ${ctx.now}
      FROM ${unnest(rows, COLS.map(([, t]) => t), names)}
      ON CONFLICT (shop_id, platform_review_id) DO UPDATE SET
        follow_up_text = coalesce(reviews.follow_up_text, excluded.follow_up_text),
        follow_up_at = coalesce(reviews.follow_up_at, excluded.follow_up_at),
        follow_up = coalesce(reviews.follow_up, excluded.follow_up),
        flags = (SELECT coalesce(jsonb_agg(DISTINCT f), '[]'::jsonb) FROM jsonb_array_elements_text(reviews.flags || excluded.flags) f),
        seller_reply = coalesce(reviews.seller_reply, excluded.seller_reply),
        seller_reply_at = coalesce(reviews.seller_reply_at, excluded.seller_reply_at),
        order_id = coalesce(reviews.order_id, excluded.order_id),
        buyer_id = coalesce(reviews.buyer_id, excluded.buyer_id),
        paid_fen = coalesce(reviews.paid_fen, excluded.paid_fen),
        updated_at = excluded.updated_at
      WHERE (reviews.follow_up_text IS NULL AND excluded.follow_up_text IS NOT NULL)
         OR (reviews.seller_reply IS NULL AND excluded.seller_reply IS NOT NULL)
         OR (reviews.order_id IS NULL AND excluded.order_id IS NOT NULL)
      RETURNING (xmax = 0) AS inserted`);
    for (const r of res) {
      if (r.inserted === true) counts.imported++;
      else counts.updated++;
    }
    counts.skipped += list.length - res.length;
  }
  for (const { line, review: r } of follows) {
    const of = r.followUpOf ?? {};
    const parent = (
      await select(tx, of.reviewId
        ? sql`SELECT id, follow_up_text FROM reviews WHERE shop_id = ${ctx.shopId} AND platform_review_id = ${of.reviewId}`
        : sql`SELECT id, follow_up_text FROM reviews WHERE shop_id = ${ctx.shopId} AND platform_order_no = ${of.orderNo ?? ''}
            AND (${of.itemId ?? null}::text IS NULL OR item_id = ${of.itemId ?? null}) ORDER BY at LIMIT 1`)
    )[0];
    if (!parent) {
      counts.errors.push({ line, reason: '追评找不到对应的初评（同一订单/评价ID 的初评应在文件中或已导入）' });
      continue;
    }
    if (parent.follow_up_text === r.text) {
      counts.skipped++;
      continue;
    }
    const f = analysisOf(r.text, undefined, ctx.platform);
    await tx.execute(sql`UPDATE reviews SET follow_up_text = ${r.text}, follow_up_at = ${r.at},
      follow_up = ${JSON.stringify({ text: r.text, at: iso(r.at), ...f })}::jsonb,
      flags = (SELECT coalesce(jsonb_agg(DISTINCT x), '[]'::jsonb) FROM jsonb_array_elements_text(flags || ${JSON.stringify(f.flags)}::jsonb) x),
      updated_at = ${ctx.now} WHERE id = ${String(parent.id)}`);
    counts.updated++;
  }
  return counts;
}

export interface ImportReviewsResult extends IntakeCounts {
  errorCount: number;
  format: string;
  encoding: string;
  rows: number;
}

/**
 * `dxe import reviews`: the whole file in one transaction; a failure leaves nothing behind. Without
 * `shopId` the platform's first shop is used, and when there is none a shop is created inside the
 * transaction with the first accepted reviews, so a refused or empty file creates no shop (as the
 * order import, issue 15).
 */
export async function importReviews(
  database: Database,
  options: { shopId?: string | undefined; source: ReviewImportSource; now?: Date },
): Promise<ImportReviewsResult> {
  const { source } = options;
  // Checks --shop (exists, same platform) or finds the platform's first shop; creates none.
  let shopId = await findImportShop(database, source.platform, options.shopId);
  const now = options.now ?? new Date();
  const totals: IntakeCounts = { imported: 0, updated: 0, skipped: 0, errors: [] };
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`dxe-review-import:${shopId ?? `new:${source.platform}`}`}))`);
      for await (const batch of source.batches) {
        if (!batch.length) continue;
        shopId ??= await createImportShop(tx, source.platform);
        const c = await writeReviewBatch(tx, { shopId, platform: source.platform, source: 'import', now }, batch);
        totals.imported += c.imported;
        totals.updated += c.updated;
        totals.skipped += c.skipped;
        totals.errors.push(...c.errors);
      }
    });
  } catch (err) {
    if (err instanceof DxeError) throw err;
    throw new DxeError('INTERNAL', `导入失败，已全部回滚，未写入任何评价：${err instanceof Error ? err.message : String(err)}`, { importCode: 'IMPORT_DATABASE_FAILED' });
  }
  const errors = [...source.stats.errors, ...totals.errors].sort((a, b) => a.line - b.line);
  return {
    imported: totals.imported,
    updated: totals.updated,
    skipped: totals.skipped + source.stats.rejected + totals.errors.length,
    errors: errors.slice(0, 200),
    errorCount: source.stats.rejected + totals.errors.length,
    format: source.format,
    encoding: source.encoding,
    rows: source.stats.rows,
  };
}

/** The bridge's live review: one review, idempotent on its id. */
export async function ingestReview(database: Database, ctx: Omit<WriteContext, 'source'>, review: NormalisedReview): Promise<{ created: boolean; updated: boolean; reviewId: string }> {
  const c = await database.db.transaction((tx) => writeReviewBatch(tx, { ...ctx, source: 'bridge' }, [{ line: 1, review }]));
  if (c.errors.length) throw new DxeError('NOT_FOUND', c.errors[0]?.reason ?? '追评找不到对应的初评');
  const row = (await database.query<{ id: string }>('SELECT id FROM reviews WHERE shop_id = $1 AND platform_review_id = $2', [ctx.shopId, review.followUpOf?.reviewId ?? review.reviewId]))[0];
  return { created: c.imported > 0, updated: c.updated > 0, reviewId: row?.id ?? '' };
}
