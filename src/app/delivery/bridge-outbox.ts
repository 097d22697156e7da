// Reply delivery to a bridge's callback URL as a row-based outbox (DESIGN convention 5): a row per
// reply message, written in the transaction that stored the message (deliver.ts). A worker takes
// due rows in batches (issue 9, throughput): ONE statement claims a batch with SKIP LOCKED (several
// `dxe serve` processes never send one row twice) and returns each row's body; the POSTs run with
// bounded concurrency (one conversation's replies in order, one after the other); ONE statement
// records every outcome of the batch. A failed POST is retried with back-off and never holds up
// the other rows of its batch. The process that queued replies nudges its worker
// (nudgeDeliveries), so a reply goes out within milliseconds instead of at the next poll, and the
// replies queued meanwhile by concurrent requests go out in the same batch.
import type { Database, Tx } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';

/** After this many failed attempts a delivery is given up (state `failed`, visible to the lead). */
export const MAX_ATTEMPTS = 8;
/** A claimed row is invisible to other workers this long while its POST runs. */
const LEASE_MS = 60_000;
/** Rows one batch claims. */
export const DELIVERY_BATCH = 200;
/** POSTs in flight at once (conversations in parallel; one conversation's replies in order). */
const CONCURRENCY = 16;

export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

export async function queueBridgeDeliveries(
  tx: Tx,
  shopId: string,
  callbackUrl: string,
  messageIds: number[],
  now: Date,
): Promise<void> {
  if (messageIds.length === 0) return;
  await tx
    .insert(t.deliveries)
    .values(messageIds.map((messageId) => ({ shopId, messageId, callbackUrl, nextAttemptAt: now })));
}

/** Sends one JSON body to a URL; the edge's HTTP client implements it (src/channels/bridge). */
export type PostJson = (url: string, body: unknown) => Promise<{ ok: boolean; status: number }>;

export interface DeliveryRun {
  delivered: number;
  retried: number;
  failed: number;
}

/** A claimed row with what its body needs (null fields: the message is gone). */
interface ClaimedRow {
  id: number;
  callback_url: string;
  attempts: number;
  message_id: number | null;
  shop_id: string | null;
  conversation_id: string | null;
  seq: number | null;
  text: string | null;
  author_kind: string | null;
  created_at: string | Date | null;
  platform_account: string | null;
}

// Claim and read in one statement: the due rows (oldest first, skipping rows another worker
// holds) get a lease, and come back joined with their message and the buyer's account.
const CLAIM_SQL = `
with due as (
  select id from deliveries
   where state = 'pending' and next_attempt_at <= $1::timestamptz
   order by id limit $2::int
   for update skip locked
), claimed as (
  update deliveries d set next_attempt_at = $3::timestamptz
    from due where d.id = due.id
  returning d.id, d.message_id, d.callback_url, d.attempts
)
select c.id::float8 as id, c.callback_url, c.attempts, m.id::float8 as message_id, m.shop_id, m.conversation_id, m.seq,
       m.text, m.author_kind, m.created_at, b.platform_account
  from claimed c
  left join messages m on m.id = c.message_id
  left join conversations cv on cv.id = m.conversation_id
  left join buyers b on b.id = cv.buyer_id
 order by c.id`;

// Every outcome of a batch in one statement.
const RECORD_SQL = `
update deliveries d
   set state = v.state, attempts = v.attempts, last_error = v.last_error,
       next_attempt_at = coalesce(v.next_at, d.next_attempt_at)
  from jsonb_to_recordset($1::jsonb) as v(id bigint, state text, attempts int, last_error text, next_at timestamptz)
 where d.id = v.id`;

/** The JSON a bridge receives for one reply (docs/openapi-bridge.yaml, ReplyDelivery). */
function payloadOf(row: ClaimedRow) {
  if (row.message_id === null) return null;
  return {
    shop_id: row.shop_id,
    conversation_id: row.conversation_id,
    buyer_account_id: row.platform_account,
    message: {
      id: Number(row.message_id),
      seq: Number(row.seq),
      text: row.text,
      author: row.author_kind,
      created_at: new Date(row.created_at!).toISOString(),
    },
  };
}

interface Outcome {
  id: number;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_error: string | null;
  next_at: string | null;
}

async function postOne(row: ClaimedRow, post: PostJson): Promise<string | null> {
  try {
    const body = payloadOf(row);
    if (!body) return 'message not found';
    const res = await post(row.callback_url, body);
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Claim a batch of due deliveries, POST each, record the outcomes. */
export async function deliverDueReplies(opts: {
  database: Database;
  now: Date;
  post: PostJson;
  limit?: number;
}): Promise<DeliveryRun> {
  const { database, now, post } = opts;
  const claimed = await database.query<ClaimedRow>(CLAIM_SQL, [
    now.toISOString(),
    opts.limit ?? DELIVERY_BATCH,
    new Date(now.getTime() + LEASE_MS).toISOString(),
  ]);
  const run: DeliveryRun = { delivered: 0, retried: 0, failed: 0 };
  if (claimed.length === 0) return run;

  // One conversation's replies in their order; conversations side by side, CONCURRENCY at a time.
  const lanes = new Map<string, ClaimedRow[]>();
  for (const row of claimed) {
    const key = row.conversation_id ?? `row:${row.id}`;
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = []));
    lane.push(row);
  }
  const errors = new Map<number, string | null>();
  const queue = [...lanes.values()];
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        for (const row of lane) errors.set(Number(row.id), await postOne(row, post));
      }
    }),
  );

  const outcomes: Outcome[] = claimed.map((row) => {
    const id = Number(row.id);
    const error = errors.get(id) ?? null;
    const attempts = row.attempts + 1;
    if (!error) {
      run.delivered++;
      return { id, state: 'delivered', attempts, last_error: null, next_at: null };
    }
    if (attempts >= MAX_ATTEMPTS) {
      run.failed++;
      return { id, state: 'failed', attempts, last_error: error, next_at: null };
    }
    run.retried++;
    return { id, state: 'pending', attempts, last_error: error, next_at: new Date(now.getTime() + backoffMs(attempts)).toISOString() };
  });
  await database.query(RECORD_SQL, [JSON.stringify(outcomes)]);
  return run;
}

// Nudges: the process that just queued replies wakes its own worker.
const wakers = new WeakMap<Database, Set<() => void>>();

/** Tells this process's delivery worker that replies were queued (no-op when none runs here). */
export function nudgeDeliveries(database: Database): void {
  for (const wake of wakers.get(database) ?? []) wake();
}

/**
 * The worker of a `dxe serve` process; returns a stop function that waits for the running batch.
 * It runs a batch when nudged (replies queued here) and, when `intervalMs` is not null, every
 * interval (retries, and rows another process queued and could not send); while batches come back
 * full it goes on at once.
 */
export function startDeliveryLoop(opts: {
  database: Database;
  now: () => Date;
  post: PostJson;
  /** Poll interval; null: only when nudged. */
  intervalMs?: number | null;
  /** How long a nudge waits for more replies to join its batch. */
  gatherMs?: number;
  onError?: (err: unknown) => void;
}): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let scheduled: NodeJS.Timeout | null = null;
  const batch = async () => {
    do {
      again = false;
      try {
        const r = await deliverDueReplies({ database: opts.database, now: opts.now(), post: opts.post });
        if (r.delivered + r.retried + r.failed >= DELIVERY_BATCH) again = true;
      } catch (err) {
        opts.onError?.(err);
      }
    } while (again && !stopped);
  };
  const kick = () => {
    scheduled = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = batch().finally(() => {
      running = null;
    });
  };
  const wake = () => {
    if (stopped || scheduled) return;
    if (running) {
      again = true;
      return;
    }
    scheduled = setTimeout(kick, opts.gatherMs ?? 2);
  };
  let set = wakers.get(opts.database);
  if (!set) wakers.set(opts.database, (set = new Set()));
  set.add(wake);
  const interval = opts.intervalMs === undefined ? 1000 : opts.intervalMs;
  const timer = interval === null ? null : setInterval(kick, interval);
  timer?.unref();
  return async () => {
    stopped = true;
    set.delete(wake);
    if (timer) clearInterval(timer);
    if (scheduled) clearTimeout(scheduled);
    await running;
  };
}
