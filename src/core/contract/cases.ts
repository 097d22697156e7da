// After-sales requests of the workbench (A1, A4–A8, N5, A11): the case board, opening a case,
// moving it through the refund machine, its evidence, shop rates and exposure.
import { z } from 'zod';

export const CASE_TYPES = ['refund_only', 'return', 'exchange', 'repair'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const caseIdParams = z.object({ id: z.string().min(1).max(64) });
export const caseShopParams = z.object({ shopId: z.string().min(1).max(64) });
export const caseBoardQuery = z.object({
  state: z.string().max(40).optional(),
  shopId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const openCaseBody = z.strictObject({
  orderId: z.string().min(1, '请选择订单').max(64),
  type: z.enum(CASE_TYPES, { error: '售后类型应为 refund_only、return、exchange 或 repair' }),
  reason: z.string().trim().min(1, '请选择退款原因').max(40),
  amount: z.number({ error: '退款金额应为数字（元）' }).positive('退款金额应大于 0').max(100_000_000),
  note: z.string().max(1000).optional(),
});
export type OpenCaseBody = z.infer<typeof openCaseBody>;
export const caseTransitionBody = z.strictObject({
  event: z.string().trim().min(1, '请选择操作').max(40),
  note: z.string().max(1000).optional(),
});
export type CaseTransitionBody = z.infer<typeof caseTransitionBody>;
/** A11: the evidence bundle as JSON (default) or the HTML page. */
export const evidenceQuery = z.object({ format: z.enum(['json', 'html']).default('json') });
export const exposureQuery = z.object({ shopId: z.string().min(1).max(64).optional() });
