// O7: a shop's 物流异常 (暴雪、台风、暴雨、疫情管控、大促爆仓、节假日、其他), entered by its
// supervisors and admins in 设置 › 物流异常 and read by everyone who may see the shop. Each write
// commits with its audit row (A11) and drops the cached shop context here and in the other
// processes (shop.changed), so the bot's tracking answer and the delay notice name it at once.
// The holiday calendar (rules/logistics-calendar.yaml) is listed beside the entries.
import { and, asc, eq, sql } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import { PROVINCES } from '../../core/money/province.js';
import {
  disruptionErrors,
  MAX_DISRUPTIONS,
  normalizedDisruption,
  type DisruptionBody,
  type DisruptionsView,
  type DisruptionView,
} from '../../core/contract/logistics-disruptions.js';
import { logisticsCalendar } from '../../core/logistics/calendar.js';
import { disruptionPhrase, spanStatus } from '../../core/logistics/disruptions.js';
import { beijingDayKey } from '../../core/time/beijing-time.js';
import type { Database, Tx } from '../../store/open-database.js';
import { logisticsDisruptions } from '../../store/schema/index.js';
import { appendAuditIn } from '../audit/audit-log.js';
import { assertShopAccess } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import { transact } from '../events/outbox.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { spanOfRow } from '../shops/disruption-spans.js';
import { invalidateShopContext } from '../shops/shop-context.js';
import { settingsAudit, shopEditor } from './access.js';

type Row = typeof logisticsDisruptions.$inferSelect;

function view(r: Row, now: Date): DisruptionView {
  const span = spanOfRow(r);
  return {
    id: r.id,
    provinces: span.provinces ? [...span.provinces] : [],
    from: r.fromDay,
    to: r.toDay,
    cause: span.cause,
    note: r.note,
    courier: r.courier,
    phraseZh: `受${disruptionPhrase(span)}影响`,
    status: spanStatus(span, now),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy,
  };
}

export async function listDisruptions(database: Database, p: Principal, shopId: string, now: Date): Promise<DisruptionsView> {
  assertShopAccess(p, shopId);
  const rows = await database.db
    .select()
    .from(logisticsDisruptions)
    .where(eq(logisticsDisruptions.shopId, shopId))
    .orderBy(asc(logisticsDisruptions.fromDay), asc(logisticsDisruptions.createdAt));
  const calendar = logisticsCalendar();
  const today = beijingDayKey(now);
  return {
    shopId,
    items: rows.map((r) => view(r, now)),
    calendar: calendar.spans
      .filter((s) => s.to >= today)
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
      .map((s) => ({ name: s.name, from: s.from, to: s.to, impact: s.impact, note: s.source.note ?? null })),
    provinces: [...PROVINCES],
  };
}

/** VALIDATION_FAILED with `details.fields` (stable code, path, Chinese reason) when the entry does not fit. */
function checked(input: DisruptionBody) {
  const errors = disruptionErrors(input);
  if (errors.length > 0) {
    throw new DxeError('VALIDATION_FAILED', `物流异常有误：${errors.slice(0, 5).map((e) => e.messageZh).join('；')}`, { fields: errors });
  }
  return normalizedDisruption(input);
}

async function write(
  deps: UseCaseDeps,
  p: Principal,
  shopId: string,
  action: 'created' | 'updated' | 'deleted',
  run: (tx: Tx) => Promise<Row | null>,
): Promise<Row | null> {
  const row = await transact({ database: deps.database, bus: deps.bus }, async (tx, emit) => {
    const r = await run(tx);
    if (!r) throw new DxeError('NOT_FOUND', '找不到该物流异常记录');
    // The audit names the provinces and days, never a buyer or an address.
    await appendAuditIn(
      tx,
      settingsAudit(p, deps.now, `settings.logistics_disruption.${action}`, { kind: 'shop', id: shopId }, {
        id: r.id, provinces: r.provinces, from: r.fromDay, to: r.toDay, cause: r.cause, courier: r.courier,
      }),
    );
    emit({ type: 'shop.changed', shopId, data: { what: 'logistics_disruptions' } });
    return r;
  });
  invalidateShopContext(deps.database, shopId);
  return row;
}

export async function createDisruption(deps: UseCaseDeps, p: Principal, shopId: string, input: DisruptionBody): Promise<DisruptionView> {
  shopEditor(p, shopId);
  const e = checked(input);
  const row = await write(deps, p, shopId, 'created', async (tx) => {
    const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(logisticsDisruptions).where(eq(logisticsDisruptions.shopId, shopId));
    if (Number(n?.n ?? 0) >= MAX_DISRUPTIONS) {
      throw new DxeError('VALIDATION_FAILED', `每个店铺最多保存 ${MAX_DISRUPTIONS} 条物流异常，请先删除已结束的记录`, {
        fields: [{ code: 'DISRUPTION_TOO_MANY', path: '', messageZh: `每个店铺最多保存 ${MAX_DISRUPTIONS} 条物流异常` }],
      });
    }
    const [r] = await tx
      .insert(logisticsDisruptions)
      .values({ shopId, provinces: e.provinces, fromDay: e.from, toDay: e.to, cause: e.cause, note: e.note, courier: e.courier, updatedBy: p.agentId ?? null, createdAt: deps.now, updatedAt: deps.now })
      .returning();
    return r ?? null;
  });
  return view(row!, deps.now);
}

export async function updateDisruption(deps: UseCaseDeps, p: Principal, shopId: string, id: string, input: DisruptionBody): Promise<DisruptionView> {
  shopEditor(p, shopId);
  const e = checked(input);
  const row = await write(deps, p, shopId, 'updated', async (tx) => {
    const [r] = await tx
      .update(logisticsDisruptions)
      .set({ provinces: e.provinces, fromDay: e.from, toDay: e.to, cause: e.cause, note: e.note, courier: e.courier, updatedBy: p.agentId ?? null, updatedAt: deps.now })
      .where(and(eq(logisticsDisruptions.id, id), eq(logisticsDisruptions.shopId, shopId)))
      .returning();
    return r ?? null;
  });
  return view(row!, deps.now);
}

export async function deleteDisruption(deps: UseCaseDeps, p: Principal, shopId: string, id: string): Promise<{ ok: true }> {
  shopEditor(p, shopId);
  await write(deps, p, shopId, 'deleted', async (tx) => {
    const [r] = await tx
      .delete(logisticsDisruptions)
      .where(and(eq(logisticsDisruptions.id, id), eq(logisticsDisruptions.shopId, shopId)))
      .returning();
    return r ?? null;
  });
  return { ok: true };
}
