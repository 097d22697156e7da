// Follow-ups that no order change announces (issue 14), found by the timer loop's sweep:
// - arrival notices (F1) when a logistics scan says the parcel is out for delivery;
// - delay explanations (O7) when tracking has not moved for the profile's stale span, and at once
//   for parcels whose receiver province and days in transit fall in a shop's 物流异常 entry or a
//   courier pause of the holiday calendar (matched by province only; addresses are never logged);
// - reminders to confirm receipt (R7) when a parcel was signed for and receipt is not confirmed;
// - the flows of imported orders (written without a change call) in the last two days.
// Bounded per sweep; each order is planned by the same syncOrderFollowups as a change.
import { followupRules } from '../../core/followups/config.js';
import type { OrderFacts } from '../../core/followups/flows.js';
import type { Database } from '../../store/open-database.js';
import { ordersWithProfiles } from '../shops/shop-profile.js';
import { signingStatuses, syncOrderFollowups } from './schedule.js';
import { PLATFORMS } from '../../core/platforms.js';
import { profileFor } from '../../core/rules/load-profiles.js';
import { orderPhase } from '../../core/orders/order-phase.js';
import { calendarSpans, logisticsCalendar } from '../../core/logistics/calendar.js';
import { spanStatus, transitDisruption, warnsEarly, type DisruptionSpan } from '../../core/logistics/disruptions.js';
import { orderProvince } from '../../core/money/province.js';
import { beijingDayKey } from '../../core/time/beijing-time.js';
import { loadShopDisruptionSpans } from '../shops/disruption-spans.js';

const RECENT = "interval '48 hours'";
/** R7: a signing scan this recent may still call for a 签收未确认提醒 (the reminder waits days). */
const SIGNED_RECENT = "interval '14 days'";
/** R7: a good review this recent may still call for a 入会邀请 (it waits 8 days after the review). */
const REVIEWED_RECENT = "interval '14 days'";

export async function ensureFollowups(database: Database, now: Date, limit = 500): Promise<number> {
  const rules = followupRules();
  const arrivalStatuses = rules.flows.arrival_notice.statuses ?? [];
  const found = new Map<string, Partial<OrderFacts>>();

  const arrivals = await database.query<{ id: string; at: Date | string }>(
    `select o.id, max(le.at) as at from orders o join logistics_events le on le.order_id = o.id
      where o.buyer_id is not null and o.source <> 'demo' and o.shipped_at is not null and o.completed_at is null and o.closed_at is null
        and le.status = any($1::text[]) and le.at > $2::timestamptz - ${RECENT}
        and not exists (select 1 from scheduled_messages s where s.order_id = o.id and s.kind = 'arrival_notice')
      group by o.id limit $3`,
    [arrivalStatuses, now.toISOString(), limit],
  );
  for (const a of arrivals) found.set(a.id, { outForDeliveryAt: new Date(a.at) });

  // O7: shipped, unfinished, and the newest scan (or the shipment) older than the shortest stale
  // span of any profile; each order's own profile decides below.
  const stalled = await database.query<{ id: string; last: Date | string }>(
    `select o.id, greatest(o.shipped_at, (select max(le.at) from logistics_events le where le.order_id = o.id)) as last
       from orders o
      where o.buyer_id is not null and o.source <> 'demo' and o.shipped_at is not null and o.completed_at is null and o.closed_at is null
        and o.shipped_at > $1::timestamptz - interval '60 days'
        and not exists (select 1 from scheduled_messages s where s.order_id = o.id and s.kind = 'delay_notice')
        and greatest(o.shipped_at, (select max(le.at) from logistics_events le where le.order_id = o.id)) < $1::timestamptz - interval '24 hours'
      limit $2`,
    [now.toISOString(), limit],
  );
  const stalledLast = new Map(stalled.map((s) => [s.id, new Date(s.last)]));

  // O7: parcels caught in a disruption told at once (before any scan gap).
  for (const id of await disruptedOrders(database, now, limit)) found.set(id, { ...(found.get(id) ?? {}), disruptedSince: now });

  // R7: shipped, unconfirmed orders signed for lately — a signing scan (Taobao, Tmall, JD have no
  // signed state) or the order's signed state (Pinduoduo, AliExpress; imports skip the change
  // call) — without a 签收未确认提醒 yet. syncOrderFollowups reads when, and each profile decides.
  const signedStates = [...new Set(PLATFORMS.flatMap((p) => {
    const profile = profileFor(p);
    return profile.orders.machine.states.filter((s) => orderPhase(profile, s) === 'signed');
  }))];
  const signed = await database.query<{ id: string }>(
    `select o.id from orders o
      where o.buyer_id is not null and o.source <> 'demo' and o.shipped_at is not null and o.completed_at is null and o.closed_at is null
        and o.shipped_at > $1::timestamptz - interval '60 days'
        and not exists (select 1 from scheduled_messages s where s.order_id = o.id and s.kind = 'confirm_reminder')
        and ((o.state = any($2::text[]) and o.updated_at > $1::timestamptz - ${SIGNED_RECENT})
             or exists (select 1 from logistics_events le where le.order_id = o.id and le.status = any($3::text[]) and le.at > $1::timestamptz - ${SIGNED_RECENT}))
      limit $4`,
    [now.toISOString(), signedStates, signingStatuses(), limit],
  );
  for (const o of signed) if (!found.has(o.id)) found.set(o.id, {});

  // R7 入会邀请: finished orders whose review, written lately, is good and the buyer's latest in the
  // shop, in shops that switched the flow on (it is off by default), without an invitation yet.
  // Reviews come from imports and the bridge, neither a change of the order: found here.
  const reviewedGood = await database.query<{ id: string }>(
    `select o.id from reviews r join orders o on o.id = r.order_id
      where r.rating = 'good' and r.buyer_id is not null and o.buyer_id is not null and o.source <> 'demo' and o.completed_at is not null
        and r.at > $1::timestamptz - ${REVIEWED_RECENT}
        and exists (select 1 from followup_flows f where f.shop_id = r.shop_id and f.flow = 'member_invite' and f.enabled)
        and not exists (select 1 from reviews later where later.shop_id = r.shop_id and later.buyer_id = r.buyer_id
                          and (later.at > r.at or (later.at = r.at and later.id > r.id)))
        and not exists (select 1 from scheduled_messages s where s.order_id = o.id and s.kind = 'member_invite')
      limit $2`,
    [now.toISOString(), limit],
  );
  for (const o of reviewedGood) if (!found.has(o.id)) found.set(o.id, {});

  // Imported orders skip the change call; demo orders are left alone (a demo is not a real buyer).
  const unplanned = await database.query<{ id: string }>(
    `select o.id from orders o
      where o.buyer_id is not null and o.source = 'import' and o.updated_at > $1::timestamptz - ${RECENT}
        and not exists (select 1 from scheduled_messages s where s.order_id = o.id)
      limit $2`,
    [now.toISOString(), limit],
  );
  for (const u of unplanned) if (!found.has(u.id)) found.set(u.id, {});

  const ids = [...new Set([...found.keys(), ...stalledLast.keys()])];
  if (ids.length === 0) return 0;
  const { rows, profiles } = await ordersWithProfiles(database, ids);
  let planned = 0;
  await database.db.transaction(async (tx) => {
    for (const order of rows) {
      const profile = profiles.get(order.shopId);
      if (!profile) continue;
      const extra = { ...(found.get(order.id) ?? {}) };
      const last = stalledLast.get(order.id);
      if (last && now.getTime() - last.getTime() >= profile.logistics.stale_scan_hours * 3_600_000) extra.stalledSince = now;
      if (Object.keys(extra).length === 0 && !found.has(order.id)) continue;
      await syncOrderFollowups(tx, order, profile, now, extra);
      planned += 1;
    }
  });
  return planned;
}

/** A parcel takes days, not weeks: orders shipped longer ago than this are not told of a disruption. */
const DISRUPTION_TRANSIT_DAYS = 20;

/**
 * O7: shipped, unfinished orders without a delay notice whose transit falls in a disruption that
 * lasts today and is told at once — a shop's own 物流异常 entry (its provinces, its courier) or a
 * courier pause of the holiday calendar (every province). Only the receiver's province is read
 * from the region or the start of the address; nothing of it leaves this function.
 */
async function disruptedOrders(database: Database, now: Date, limit: number): Promise<string[]> {
  const today = beijingDayKey(now);
  const pauses = calendarSpans().filter((s) => warnsEarly(s) && spanStatus(s, now) === 'active');
  const shopRows = await database.query<{ shop_id: string; provinces: unknown }>(
    `select shop_id, provinces from logistics_disruptions where from_day <= $1 and to_day >= $1`,
    [today],
  );
  if (pauses.length === 0 && shopRows.length === 0) return [];
  const shopIds = [...new Set(shopRows.map((r) => r.shop_id))];
  // Without a nationwide pause only parcels to the entries' provinces can match: the statement
  // keeps to them (region, or the address's start), so a shop's many other parcels never crowd
  // the affected ones out of the batch.
  const provinces = [...new Set(shopRows.flatMap((r) => (Array.isArray(r.provinces) ? r.provinces.filter((p): p is string => typeof p === 'string') : [])))];
  const candidates = await database.query<{ id: string; shop_id: string; region: string | null; receiver_address: string | null; courier: string | null; shipped_at: Date | string }>(
    `select o.id, o.shop_id, o.region, o.receiver_address, o.courier, o.shipped_at from orders o
      where o.buyer_id is not null and o.source <> 'demo' and o.shipped_at is not null and o.completed_at is null and o.closed_at is null
        and o.shipped_at > $1::timestamptz - interval '${DISRUPTION_TRANSIT_DAYS} days'
        and ($2::boolean or (o.shop_id = any($3::text[])
              and exists (select 1 from unnest($5::text[]) p
                           where o.region like p || '%' or ltrim(replace(coalesce(o.receiver_address, ''), '中国', '')) like p || '%')))
        and not exists (select 1 from scheduled_messages s where s.order_id = o.id and s.kind = 'delay_notice')
      order by o.shipped_at desc
      limit $4`,
    [now.toISOString(), pauses.length > 0, shopIds, limit, provinces],
  );
  const backlog = logisticsCalendar().recovery_backlog_days;
  const spansByShop = new Map<string, DisruptionSpan[]>();
  const out: string[] = [];
  for (const o of candidates) {
    let spans = spansByShop.get(o.shop_id);
    if (!spans) {
      const own = shopIds.includes(o.shop_id) ? await loadShopDisruptionSpans(database, o.shop_id) : [];
      spansByShop.set(o.shop_id, (spans = [...own, ...pauses].filter((s) => warnsEarly(s) && spanStatus(s, now) === 'active')));
    }
    const hit = transitDisruption(spans, { province: orderProvince(o.region, o.receiver_address), courier: o.courier, shippedAt: new Date(o.shipped_at), now }, backlog);
    if (hit) out.push(o.id);
  }
  return out;
}
