// After-sales requests of the workbench (A1, A4–A8, N5, A11): the case board, opening a case,
// moving it through the refund machine, its evidence, shop rates and exposure.
import { z } from 'zod';
import { caseEvidenceItemSchema } from './views.js';

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
  /** The order; may be left out when `reviewId` names a review tied to one. */
  orderId: z.string().min(1, '请选择订单').max(64).optional(),
  /** Issue 15: opened from a bad review (review → order → buyer). */
  reviewId: z.string().min(1).max(64).optional(),
  type: z.enum(CASE_TYPES, { error: '售后类型应为 refund_only、return、exchange 或 repair' }),
  reason: z.string().trim().min(1, '请选择退款原因').max(40),
  amount: z.number({ error: '退款金额应为数字（元）' }).positive('退款金额应大于 0').max(100_000_000),
  note: z.string().max(1000).optional(),
  /** Opened from a chat: the conversation it came from. */
  conversationId: z.string().min(1).max(64).optional(),
}).refine((b) => b.orderId !== undefined || b.reviewId !== undefined, { message: '请选择订单或评价', path: ['orderId'] });
export type OpenCaseBody = z.infer<typeof openCaseBody>;
const field = (label: string, max = 64) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}过长`);
/** A2, seed 001: the parcel carries the order number, the application number, the buyer and a contact. */
export const parcelRecord = z.strictObject({
  platformOrderNo: field('订单编号'),
  applicationNo: field('售后申请编号'),
  buyerName: field('买家姓名'),
  contact: field('联系方式', 40),
  returnTrackingNo: field('退货快递单号').regex(/^[0-9A-Za-z-]+$/, '快递单号只能包含字母、数字和 -'),
  courier: z.string().trim().max(40).optional(),
});
export type ParcelRecord = z.infer<typeof parcelRecord>;
export const DISSATISFACTION_CAUSES = ['unclear', 'seller_fault', 'angry_threatens_bad_review', 'buyer_misuse', 'buyer_abuse'] as const;
/** A2: the inspection; for 3C and branded goods the official service point's check comes first (A10). */
export const inspectionRecord = z.strictObject({
  finding: field('检验结论', 500),
  cause: z.enum(DISSATISFACTION_CAUSES, { error: '请选择问题原因' }).optional(),
  branded: z.boolean().optional(),
  servicePoint: z.string().trim().max(100).optional(),
  serviceReportNo: z.string().trim().max(64).optional(),
});
export type InspectionRecord = z.infer<typeof inspectionRecord>;
export const shipmentRecord = z.strictObject({
  courier: field('快递公司', 40),
  trackingNo: field('快递单号').regex(/^[0-9A-Za-z-]+$/, '快递单号只能包含字母、数字和 -'),
});
export type ShipmentRecord = z.infer<typeof shipmentRecord>;

export const caseTransitionBody = z.strictObject({
  event: z.string().trim().min(1, '请选择操作').max(40),
  note: z.string().max(1000).optional(),
  parcel: parcelRecord.optional(),
  inspection: inspectionRecord.optional(),
  shipment: shipmentRecord.optional(),
});
export type CaseTransitionBody = z.infer<typeof caseTransitionBody>;
/** A11: the evidence bundle as JSON (default) or the HTML page. */
export const evidenceQuery = z.object({ format: z.enum(['json', 'html']).default('json') });
export const exposureQuery = z.object({ shopId: z.string().min(1).max(64).optional() });

/** A11: evidence added to a case — a file (base64), typed text, or messages picked from the buyer's chats. */
export const EVIDENCE_UPLOAD_BODY_LIMIT = 8 * 1024 * 1024;
export const caseEvidenceBody = z.strictObject({
  kind: z.enum(['photo', 'chat_excerpt', 'courier_record'], { error: '凭证类型应为 photo（照片）、chat_excerpt（聊天记录）或 courier_record（快递记录）' }),
  fileName: z.string().trim().max(200, '文件名过长').optional(),
  contentBase64: z.string().max(EVIDENCE_UPLOAD_BODY_LIMIT, '文件过大').optional(),
  text: z.string().max(100_000, '文字过长').optional(),
  messageIds: z.array(z.number().int().positive().max(2 ** 53 - 1)).max(200, '一次最多选择 200 条消息').optional(),
  note: z.string().max(500, '备注过长').optional(),
});
export type CaseEvidenceBody = z.infer<typeof caseEvidenceBody>;
export const caseEvidenceParams = z.object({ id: z.string().min(1).max(64), evidenceId: z.string().min(1).max(64) });

/** POST /cases/:id/evidence: the evidence item as stored (A11). */
export const caseEvidenceAddedSchema = z.object({ evidence: caseEvidenceItemSchema });
