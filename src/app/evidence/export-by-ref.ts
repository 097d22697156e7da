// A11 from the command line: `dxe evidence REF` names an order by its id or platform order no., or
// an after-sales case by its id (the case's order, marked with the case). The operator at the
// machine sees personal data unmasked; the export is audited like any other.
import { eq, or } from 'drizzle-orm';
import { DxeError } from '../../core/errors.js';
import type { Database } from '../../store/open-database.js';
import { aftersalesCases, orders, shops } from '../../store/schema/index.js';
import { exportEvidence, type EvidenceFile, type Exporter } from './build-bundle.js';

export async function exportEvidenceByRef(
  database: Database,
  ref: string,
  who: Omit<Exporter, 'orgId'>,
  now: Date,
): Promise<{ file: EvidenceFile; platformOrderNo: string }> {
  const { db } = database;
  const found = await db
    .select({ id: orders.id, no: orders.platformOrderNo, orgId: shops.orgId })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(or(eq(orders.id, ref), eq(orders.platformOrderNo, ref)));
  let caseId: string | undefined;
  if (found.length === 0) {
    const viaCase = await db
      .select({ id: orders.id, no: orders.platformOrderNo, orgId: shops.orgId, caseId: aftersalesCases.id })
      .from(aftersalesCases)
      .innerJoin(orders, eq(orders.id, aftersalesCases.orderId))
      .innerJoin(shops, eq(shops.id, orders.shopId))
      .where(eq(aftersalesCases.id, ref));
    if (viaCase[0]) {
      found.push(viaCase[0]);
      caseId = viaCase[0].caseId;
    }
  }
  if (found.length === 0) throw new DxeError('NOT_FOUND', `找不到订单或售后单：${ref}`);
  if (found.length > 1) throw new DxeError('CONFLICT', `订单号 ${ref} 在多个店铺中存在，请改用订单 id：${found.map((f) => f.id).join('、')}`);
  const order = found[0]!;
  const file = await exportEvidence(database, order.id, { ...who, orgId: order.orgId }, now, { caseId });
  return { file, platformOrderNo: order.no };
}
