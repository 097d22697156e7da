// A8 pushed to supervisors (issue 15): after a case closes, the shop's month is recounted; a
// refund or dispute rate at or over its threshold (rules: refunds.rates, seed 004's 4 ‰) raises
// an alert row once per shop, Beijing month, scope (the shop or one item) and kind, and only the
// request that inserted the row emits the `rates.alert` event — so the alert appears once, not on
// every request or every later close. Reading the rates (GET /shops/:id/rates) raises nothing.
import type { Database } from '../../store/open-database.js';
import { rateAlerts } from '../../store/schema/index.js';
import type { EventBus } from '../events/event-bus.js';
import { transact } from '../events/outbox.js';
import { shopRates } from './cases.js';

export interface RaisedAlert {
  shopId: string;
  month: string;
  itemId: string | null;
  title: string;
  kind: 'dispute' | 'refund';
  messageZh: string;
}

export async function raiseRateAlerts(deps: { database: Database; bus: EventBus }, shopId: string, now: Date): Promise<RaisedAlert[]> {
  const rates = await shopRates(deps.database, shopId, now);
  const candidates = [rates.shop, ...rates.items].flatMap((line) =>
    line.alerts.map((a) => ({ shopId, month: rates.month, itemId: line.itemId, title: line.title, kind: a.kind, messageZh: a.messageZh, perMille: line.disputePerMille, refundRate: line.refundRate })),
  );
  if (candidates.length === 0) return [];
  return transact(deps, async (tx, emit) => {
    const raised: RaisedAlert[] = [];
    for (const c of candidates) {
      const inserted = await tx
        .insert(rateAlerts)
        .values({ shopId, month: c.month, scope: c.itemId ?? '', kind: c.kind, messageZh: c.messageZh, raisedAt: now })
        .onConflictDoNothing()
        .returning({ id: rateAlerts.id });
      if (inserted.length === 0) continue;
      raised.push({ shopId, month: c.month, itemId: c.itemId, title: c.title, kind: c.kind, messageZh: c.messageZh });
      emit({
        type: 'rates.alert',
        shopId,
        data: { month: c.month, itemId: c.itemId, title: c.title, kind: c.kind, messageZh: c.itemId ? `${c.title}：${c.messageZh}` : c.messageZh, disputePerMille: c.perMille, refundRate: c.refundRate },
      });
    }
    return raised;
  });
}
