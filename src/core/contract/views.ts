// The replies the workbench reads, as zod schemas: the server's routes type their replies with
// these views (a read model that drifts from them fails the typecheck) and web/src types its API
// calls with z.infer of them instead of hand-written interfaces. A read model may return more than
// a view names (TypeScript allows extra fields): the contract names the fields both sides rely on.
import { orderDisruptionViewSchema } from './logistics-disruptions.js';
import { correctionViewSchema } from './corrections.js';
import { z } from 'zod';
import type { Figures } from '../metrics/types.js';
import { conversationSummarySchema } from './conversations.js';
import { guardInterventionSchema, messageViewSchema } from './messages.js';

export {
  guardInterventionSchema,
  guardVerdictSchema,
  violationSchema,
  type GuardInterventionView,
  type GuardVerdictView,
  type ViolationView,
} from './messages.js';

export const ROLES = ['admin', 'supervisor', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export const shopViewSchema = z.object({ id: z.string(), name: z.string(), platform: z.string() });
export type ShopView = z.infer<typeof shopViewSchema>;

/** GET /me: who is calling and the shops they may see. Integration tokens have no agent id. */
export const meViewSchema = z.object({
  agent: z.object({
    id: z.string().optional(),
    displayName: z.string(),
    role: z.enum([...ROLES, 'integration']),
    shopIds: z.array(z.string()),
  }),
  shops: z.array(shopViewSchema),
  /** Issue 15: the workbench tabs this person's role may use (core/contract/workbench-tabs.ts). */
  tabs: z.array(z.string()),
});
export type MeView = z.infer<typeof meViewSchema>;

export const loginReplySchema = z.object({
  token: z.string(),
  agent: z.object({
    id: z.string(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    agentNo: z.string().nullable(),
    shopIds: z.array(z.string()),
  }),
});
export type LoginReply = z.infer<typeof loginReplySchema>;


export const buyerProfileSchema = z.object({
  id: z.string(),
  platformAccount: z.string(),
  nickname: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  occupation: z.string().nullable(),
  tags: z.array(z.string()).nullable(),
  notes: z.string().nullable(),
  /** True when phone and address are masked for the caller's role. */
  masked: z.boolean(),
});
export type BuyerProfileView = z.infer<typeof buyerProfileSchema>;

export const orderLineViewSchema = z.object({
  title: z.string(),
  qty: z.number(),
  colour: z.string().nullable(),
  size: z.string().nullable(),
});
export const orderSummarySchema = z.object({
  id: z.string(),
  platformOrderNo: z.string(),
  state: z.string(),
  totalFen: z.number().nullable(),
  paidFen: z.number().nullable(),
  refundFen: z.number().nullable(),
  orderedAt: z.string().nullable(),
  lines: z.array(orderLineViewSchema),
  /** Issue 15: where the order is (unpaid … closed), read from the shop's machine (core/orders/order-phase). */
  phase: z.enum(['unpaid', 'paid', 'shipped', 'signed', 'succeeded', 'closed']).nullable().optional(),
  /** Issue 15: ISO 4217 code of the amounts; `*Minor` in that currency's minor units (never converted). */
  currency: z.string().optional(),
  totalMinor: z.number().nullable().optional(),
  paidMinor: z.number().nullable().optional(),
  refundMinor: z.number().nullable().optional(),
});
export type OrderSummaryView = z.infer<typeof orderSummarySchema>;

/** A case as the conversation detail lists it. */
export const caseSummarySchema = z.object({
  id: z.string(),
  orderId: z.string(),
  type: z.string(),
  /** The platform machine's state name (Chinese in the profiles). */
  state: z.string(),
  reason: z.string().nullable(),
  amountFen: z.number().nullable(),
  openedAt: z.string(),
});
export type CaseSummaryView = z.infer<typeof caseSummarySchema>;

export const chatPromiseSchema = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string(),
  state: z.enum(['open', 'kept', 'broken', 'void']),
  orderId: z.string().nullable().optional(),
  messageId: z.number().nullable().optional(),
  createdAt: z.string(),
  /** D8: when it is judged, how it was settled, and the points breaking it costs. */
  dueAt: z.string().nullable().optional(),
  settledAt: z.string().nullable().optional(),
  settledNote: z.string().nullable().optional(),
  points: z.number().optional(),
});
export type ChatPromiseView = z.infer<typeof chatPromiseSchema>;

/** GET /conversations/:id: the chat with the side panel's buyer, orders, cases and promises. */
export const conversationDetailSchema = z.object({
  conversation: conversationSummarySchema,
  messages: z.array(messageViewSchema),
  buyer: buyerProfileSchema.optional(),
  orders: z.array(orderSummarySchema),
  cases: z.array(caseSummarySchema),
  promises: z.array(chatPromiseSchema),
  suggestions: z.array(z.string()),
  /** Bot answers the guard dropped entirely, with the hand-over they caused (issue 11). */
  guardBlocks: z.array(guardInterventionSchema).optional(),
  /** Issue 12: agents' relabels of the intent the bot read in this chat's buyer messages. */
  corrections: z.array(correctionViewSchema).optional(),
});
export type ConversationDetailView = z.infer<typeof conversationDetailSchema>;

/** POST /conversations/:id/messages: the stored messages (a long reply is split, C4). */
export const agentReplyResultSchema = z.object({ messages: z.array(messageViewSchema) });
/** Take / hand back / escalate / close: the conversation as it is now (null if it is gone). */
export const conversationActionReplySchema = z.object({ conversation: conversationSummarySchema.nullable() });
export type ConversationActionReply = z.infer<typeof conversationActionReplySchema>;
export type AgentReplyResult = z.infer<typeof agentReplyResultSchema>;

// Settings lists (C12, O5, C7, B1, agents, API tokens).
export const standardAnswerViewSchema = z.object({ intent: z.string(), variants: z.array(z.string()) });
export const standardAnswersViewSchema = z.object({ items: z.array(standardAnswerViewSchema) });
export type StandardAnswerView = z.infer<typeof standardAnswerViewSchema>;

export const itemViewSchema = z.object({
  id: z.string(),
  sku: z.string(),
  title: z.string(),
  category: z.string(),
  priceFen: z.number(),
  listed: z.boolean(),
  /** D5: the item's own 包邮 promise; null follows the shop. */
  freeShipping: z.boolean().nullable().optional(),
  variants: z.array(z.object({ colour: z.string(), size: z.string(), stock: z.number() })),
});
export const itemsViewSchema = z.object({ items: z.array(itemViewSchema) });
export type ItemView = z.infer<typeof itemViewSchema>;

export const PROMOTION_KINDS = ['coupon', 'gift', 'freight', 'discount'] as const;
export const promotionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(PROMOTION_KINDS),
  text: z.string(),
  active: z.boolean(),
  value: z.unknown(),
});
export const promotionsViewSchema = z.object({ items: z.array(promotionViewSchema) });
export type PromotionView = z.infer<typeof promotionViewSchema>;

export const trainingExampleViewSchema = z.object({ id: z.string(), text: z.string(), intent: z.string(), createdAt: z.string() });
export const trainingExamplesViewSchema = z.object({ items: z.array(trainingExampleViewSchema) });
export type TrainingExampleView = z.infer<typeof trainingExampleViewSchema>;

export const agentRowSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  agentNo: z.string().nullable(),
  presence: z.enum(['online', 'away', 'offline']),
  shopIds: z.array(z.string()),
  /** A disabled agent cannot log in (issue 15). */
  disabled: z.boolean(),
});
export const agentsViewSchema = z.object({ items: z.array(agentRowSchema) });
export type AgentRowView = z.infer<typeof agentRowSchema>;

export const apiTokenRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  shopId: z.string().nullable(),
  /** bridge | read | admin (docs/security.md). */
  scopes: z.array(z.string()).optional(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const apiTokensViewSchema = z.object({ items: z.array(apiTokenRowSchema) });
export type ApiTokenRowView = z.infer<typeof apiTokenRowSchema>;

/** PATCH /agents/:id: what the change ended (sessions) and moved (open chats back to the queue). */
export const updatedAgentSchema = z.object({ ok: z.literal(true), endedSessions: z.number(), requeued: z.number() });
export type UpdatedAgentView = z.infer<typeof updatedAgentSchema>;

/** POST /agents (201): the new account's id. */
export const createdIdSchema = z.object({ id: z.string() });
export type CreatedIdView = z.infer<typeof createdIdSchema>;
/** POST /api-tokens (201): the token, shown this once (only its hash is stored). */
export const issuedApiTokenSchema = z.object({ id: z.string(), token: z.string() });
export type IssuedApiTokenView = z.infer<typeof issuedApiTokenSchema>;
/** POST /shops/:shopId/training-examples (201): how many were added, the shop's total, retraining started. */
export const addedExamplesSchema = z.object({ added: z.number(), total: z.number(), retraining: z.literal(true) });
export type AddedExamplesView = z.infer<typeof addedExamplesSchema>;
/** GET /shops/:shopId/rule-overrides: the shop's platform and its overrides of the platform profile (P2). */
export const ruleOverrideFieldSchema = z.object({
  path: z.string(),
  kind: z.enum(['hours', 'days', 'minutes', 'seconds', 'count', 'number', 'yuan', 'percent', 'per_mille', 'points', 'bool', 'enum']),
  nullable: z.boolean(),
  options: z.array(z.string()),
  meaningZh: z.string(),
  meaningEn: z.string(),
  /** The platform profile's value (common → platform, without the shop's overrides). */
  platformDefault: z.unknown(),
  /** Where the default comes from: requirement id(s) and seed (null seed: a project value). */
  source: z.object({ req: z.union([z.string(), z.array(z.string())]), seed: z.string().nullable(), note: z.string().optional() }).nullable(),
  overridden: z.boolean(),
  /** The shop's value (its override, else the platform default). */
  value: z.unknown(),
});
export type RuleOverrideFieldView = z.infer<typeof ruleOverrideFieldSchema>;
/** Also every overridable figure as a form row (issue 15); `overrides` stays the advanced JSON view. */
export const ruleOverridesViewSchema = z.object({ platform: z.string(), overrides: z.unknown(), fields: z.array(ruleOverrideFieldSchema) });
export type RuleOverridesView = z.infer<typeof ruleOverridesViewSchema>;

/** POST /promises/:id/settle (D8): the promise as the agent settled it. */
export const settledPromiseSchema = z.object({
  promise: z.object({
    id: z.string(),
    state: z.enum(['open', 'kept', 'broken', 'void']),
    settledAt: z.string().nullable(),
    settledNote: z.string().nullable(),
  }),
});
export type SettledPromiseView = z.infer<typeof settledPromiseSchema>;

// Orders and after-sales (O3, N5, A1–A8): deadlines with their countdown, exposure in yuan.
export const deadlineViewSchema = z.object({
  id: z.number(),
  kind: z.string(),
  labelZh: z.string(),
  state: z.string(),
  dueAt: z.string(),
  warnAt: z.string().nullable(),
  secondsLeft: z.number(),
  firedAt: z.string().nullable(),
});
export type DeadlineView = z.infer<typeof deadlineViewSchema>;

export const exposureLineSchema = z.object({
  orderId: z.string(),
  platformOrderNo: z.string(),
  /** Cost if the seller settles now (yuan). */
  nowYuan: z.number(),
  /** Cost if nothing is done before the next deadline (yuan). Both yuan figures are 0 for another currency. */
  atNextDeadlineYuan: z.number(),
  /** O2: the order's currency and both costs in its minor units (fen for CNY), never converted. */
  currency: z.string(),
  nowMinor: z.number(),
  atNextDeadlineMinor: z.number(),
  nextDeadlineAt: z.string().nullable(),
  points: z.number(),
  late: z.boolean(),
  advice: z.string(),
});
export type ExposureLineView = z.infer<typeof exposureLineSchema>;

/** A move of an order or a case through its platform machine (O1, A4); the note masked unless the role may see it (D6). */
export const stateChangeSchema = z.object({
  id: z.number(),
  at: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  event: z.string(),
  actorKind: z.string(),
  note: z.string().nullable(),
});

/** An order as the workbench lists and shows it (O1–O5); personal data masked unless the role may see it (D6). */
export const orderViewSchema = z.object({
  id: z.string(),
  shopId: z.string(),
  platformOrderNo: z.string(),
  buyerId: z.string().nullable(),
  buyerAccount: z.string().nullable(),
  state: z.string(),
  totalYuan: z.number(),
  paidYuan: z.number(),
  refundYuan: z.number(),
  shippingYuan: z.number(),
  /** Issue 15: ISO 4217 code; `*Minor` are the amounts in its minor units (never converted). */
  currency: z.string().optional(),
  totalMinor: z.number().nullable().optional(),
  paidMinor: z.number().nullable().optional(),
  orderedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  agreedShipBy: z.string().nullable(),
  receiverName: z.string().nullable(),
  receiverPhone: z.string().nullable(),
  receiverAddress: z.string().nullable(),
  region: z.string().nullable(),
  courier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  buyerNote: z.string().nullable(),
  sellerNote: z.string().nullable(),
  /** C9: when the order was confirmed with the buyer (recorded by an agent), by whom, and the buyer's corrections or notes. */
  verifiedAt: z.string().nullable().optional(),
  verifiedBy: z.string().nullable().optional(),
  verificationNote: z.string().nullable().optional(),
  source: z.string(),
  updatedAt: z.string(),
});
export type OrderView = z.infer<typeof orderViewSchema>;

/** GET /shops/:shopId/orders: the shop's orders, newest change first, with the ship-by countdown (O3). */
export const orderListSchema = z.object({
  items: z.array(orderViewSchema.extend({ shipBy: deadlineViewSchema.nullable() })),
});
export type OrderListView = z.infer<typeof orderListSchema>;

/** A logistics event of an order (O7). */
export const logisticsEventViewSchema = z.object({ id: z.number(), orderId: z.string(), at: z.string(), status: z.string(), text: z.string() });
/** POST /orders/:id/logistics: the stored event. */
export const logisticsReplySchema = z.object({ event: logisticsEventViewSchema });
export type LogisticsReply = z.infer<typeof logisticsReplySchema>;

/**
 * GET /orders/:id (and the replies of a state change or an O2 sync): the order with its lines,
 * history, logistics, deadlines with their countdown, exposure (N5), fraud and stock checks, its
 * cases and the events the machine allows next.
 */
/** S2: one recorded price-protection claim (amounts in yuan, the rule as the agent saw it). */
export const priceProtectionClaimViewSchema = z.object({
  id: z.string(),
  lineNo: z.number(),
  lineTitle: z.string(),
  paidYuan: z.number(),
  redPacketYuan: z.number(),
  shopCouponYuan: z.number(),
  newPriceYuan: z.number(),
  refundYuan: z.number(),
  ruleZh: z.string(),
  status: z.enum(['pending', 'paid', 'refused']),
  note: z.string().nullable(),
  claimedAt: z.string(),
  claimedBy: z.string().nullable(),
  settledAt: z.string().nullable(),
  settledBy: z.string().nullable(),
  settleNote: z.string().nullable(),
});
export type PriceProtectionClaimView = z.infer<typeof priceProtectionClaimViewSchema>;
/**
 * S2: the shop-wide 价保 ledger — each claim with its shop and order, and per status the totals of
 * the shops and days asked for (whatever the status filter, and not only the rows returned).
 */
export const priceProtectionListSchema = z.object({
  items: z.array(
    priceProtectionClaimViewSchema.extend({
      shopId: z.string(),
      shopName: z.string(),
      orderId: z.string(),
      platformOrderNo: z.string(),
    }),
  ),
  totals: z.object({
    pending: z.object({ count: z.number(), refundYuan: z.number() }),
    paid: z.object({ count: z.number(), refundYuan: z.number() }),
    refused: z.object({ count: z.number(), refundYuan: z.number() }),
  }),
  /** More claims match than `items` holds (the limit). */
  truncated: z.boolean(),
});
export type PriceProtectionListView = z.infer<typeof priceProtectionListSchema>;
/**
 * S2: what the 价保 card needs — the shop's rule (the profile section, so the card computes the
 * difference live with the same core function the server applies), the times the window counts
 * from, and per line the amounts prefilled from the order and the claims made.
 */
export const priceProtectionViewSchema = z.object({
  rule: z.object({
    supported: z.boolean(),
    include_red_packets: z.boolean(),
    subtract_shop_coupon: z.boolean(),
    max_claims: z.number().nullable(),
    window_days: z.number().nullable(),
    window_from: z.enum(['paid', 'signed']),
  }),
  platform: z.string(),
  ruleZh: z.string(),
  paidAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  windowEndsAt: z.string().nullable(),
  /** Null when the order may carry a claim; else why not (unpaid, closed) in Chinese. */
  blockedZh: z.string().nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number(),
      title: z.string(),
      qty: z.number(),
      paidYuan: z.number(),
      redPacketYuan: z.number().nullable(),
      shopCouponYuan: z.number().nullable(),
      /** The item's listed price now for the line's quantity; null when the line is not linked to a listed item. */
      newPriceYuan: z.number().nullable(),
      /** Claims that count against the rule's limit (pending or paid). */
      claimsSoFar: z.number(),
    }),
  ),
  claims: z.array(priceProtectionClaimViewSchema),
});
export type PriceProtectionView = z.infer<typeof priceProtectionViewSchema>;

export const orderDetailSchema = z.object({
  order: orderViewSchema,
  lines: z.array(
    z.object({
      id: z.string(),
      lineNo: z.number(),
      itemId: z.string().nullable(),
      sku: z.string().nullable(),
      title: z.string(),
      colour: z.string().nullable(),
      size: z.string().nullable(),
      qty: z.number(),
      priceYuan: z.number(),
    }),
  ),
  history: z.array(stateChangeSchema),
  logistics: z.array(logisticsEventViewSchema),
  deadlines: z.array(deadlineViewSchema),
  exposure: exposureLineSchema.nullable(),
  fraud: z.object({
    paid: z.boolean(),
    signals: z.array(z.object({ kind: z.string(), detailZh: z.string() })),
    mayShip: z.boolean(),
    adviceZh: z.string(),
  }),
  stockWarnings: z.array(z.object({ sku: z.string(), level: z.enum(['out', 'low']), messageZh: z.string() })),
  cases: z.array(
    z.object({ id: z.string(), type: z.string(), state: z.string(), reason: z.string().nullable(), amountYuan: z.number(), openedAt: z.string() }),
  ),
  /** C8: an unpaid order's wait for a 改价 (byAgent: an agent's mark holds it); null: not unpaid. */
  priceChangeHold: z.object({ awaiting: z.boolean(), byAgent: z.boolean() }).nullable(),
  /** N2: when the late-shipment compensation was recorded as paid (null: not recorded). */
  compensationPaidAt: z.string().nullable(),
  /** S2: the 价保 card — the shop's platform rule, each line's prefilled amounts and its claims. */
  priceProtection: priceProtectionViewSchema,
  /** O7: the disruption a parcel in transit is caught in (shop's 物流异常 or a holiday span); null: none. */
  disruption: orderDisruptionViewSchema.nullable(),
  allowedEvents: z.array(z.string()),
});
export type OrderDetailView = z.infer<typeof orderDetailSchema>;

/** A move a case allows now, with what it implies (core/aftersales/case-flow.ts). */
export const caseChoiceSchema = z.object({
  machine: z.enum(['application', 'flow']),
  event: z.string(),
  labelZh: z.string(),
  actor: z.enum(['seller', 'buyer', 'platform']),
  record: z.enum(['parcel', 'inspection', 'shipment']).nullable(),
  money: z.object({ kind: z.string(), fen: z.number(), textZh: z.string() }),
  deadline: z.object({ kind: z.string(), at: z.string().nullable(), textZh: z.string() }).nullable(),
  invoiceZh: z.string().nullable(),
  guidanceZh: z.array(z.string()),
  appEvent: z.string().nullable(),
  next: z.string(),
});
export type CaseChoiceView = z.infer<typeof caseChoiceSchema>;

/** GET /cases/:id: the case, its timeline and its evidence. */
export const caseEvidenceItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type CaseEvidenceItemView = z.infer<typeof caseEvidenceItemSchema>;

/** A row of the case board (GET /cases): countdown to the platform's intervention, exposure, playbook. */
export const caseBoardRowSchema = z.object({
  id: z.string(),
  shopId: z.string(),
  orderId: z.string(),
  platformOrderNo: z.string(),
  type: z.string(),
  state: z.string(),
  reason: z.string().nullable(),
  amountYuan: z.number(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  intervention: z.object({ at: z.string(), secondsLeft: z.number(), buyerMayCallPlatform: z.boolean(), adviceZh: z.string() }).nullable(),
  exposure: exposureLineSchema.nullable(),
  playbook: z.object({ situation: z.string(), stepsZh: z.array(z.string()).readonly() }),
  allowedEvents: z.array(z.string()),
  // Issue 15: the buyer and the chat one click away, the goods flow (A2), and every move with the
  // money and the deadline it implies.
  buyerId: z.string().nullable(),
  buyerName: z.string().nullable(),
  conversationId: z.string().nullable(),
  orderPhase: z.string().nullable(),
  flowStep: z.string().nullable(),
  flowStates: z.array(z.string()),
  returnTrackingNo: z.string().nullable(),
  parcel: z.record(z.string(), z.unknown()).nullable(),
  inspection: z.record(z.string(), z.unknown()).nullable(),
  shipment: z.record(z.string(), z.unknown()).nullable(),
  invoiceZh: z.string().nullable(),
  guidanceZh: z.array(z.string()),
  choices: z.array(caseChoiceSchema),
  timeLimits: z.array(
    z.object({
      kind: z.string(), labelZh: z.string(), at: z.string().nullable(), exposureFen: z.number(), textZh: z.string(),
      /** O2: the exposure in the case's currency (exposureFen is CNY fen, 0 for another currency). */
      exposureMinor: z.number(),
      currency: z.string(),
      /** The timer row behind a limit the shop has set (state: pending, warned, missed). */
      deadline: deadlineViewSchema.nullable(),
    }),
  ),
  /** Issue 15: the review the case was opened from. */
  reviewId: z.string().nullable(),
  /**
   * O2: the case's currency (the order's) and its amount in minor units; `amountYuan` is 0 for
   * another currency, and the choices' `money.fen` are minor units of this currency.
   */
  currency: z.string(),
  amountMinor: z.number(),
});
export const caseBoardSchema = z.object({ items: z.array(caseBoardRowSchema) });
export type CaseBoardRow = z.infer<typeof caseBoardRowSchema>;

/** GET /cases/:id and POST /cases/:id/transition: the case as the board shows it, with its timeline (notes masked, D6). */
export const caseDetailSchema = z.object({
  case: caseBoardRowSchema,
  timeline: z.array(stateChangeSchema.extend({ caseId: z.string(), actorId: z.string().nullable(), eventLabelZh: z.string() })),
});
export type CaseDetailView = z.infer<typeof caseDetailSchema>;

/** POST /cases (201): the new case, and whether its reason holds for the order (A5). */
export const openedCaseSchema = caseDetailSchema.extend({
  reasonCheck: z.object({
    validForState: z.boolean(),
    triggersCompensation: z.boolean(),
    compensation: z.number(),
    untrue: z.boolean(),
    adviceZh: z.string(),
  }),
});
export type OpenedCaseView = z.infer<typeof openedCaseSchema>;

/** A8: one line of a shop's monthly rates (the whole shop, or one item). */
export const rateLineSchema = z.object({
  itemId: z.string().nullable(),
  title: z.string(),
  trades: z.number(),
  refunds: z.number(),
  disputes: z.number(),
  refundRate: z.number().nullable(),
  disputePerMille: z.number().nullable(),
  alerts: z.array(z.object({ kind: z.enum(['dispute', 'refund']), messageZh: z.string() })),
});
/** GET /shops/:shopId/rates: A8 refund and dispute rates of the Beijing month, per shop and item. */
export const shopRatesSchema = z.object({
  month: z.string(),
  thresholds: z.object({ disputeAlertPerMille: z.number(), refundRateAlertPct: z.number().nullable() }),
  shop: rateLineSchema,
  items: z.array(rateLineSchema),
});
export type ShopRatesView = z.infer<typeof shopRatesSchema>;

/** GET /exposure: N5 totals over the caller's open orders and cases, and each of them, worst first. */
export const exposureTotalsSchema = z.object({
  /** Yuan: CNY lines only. */
  total: z.object({ nowYuan: z.number(), atNextDeadlineYuan: z.number(), points: z.number() }),
  /** O2: per currency, in its minor units (CNY first). */
  byCurrency: z.array(z.object({ currency: z.string(), nowMinor: z.number(), atNextDeadlineMinor: z.number() })),
  items: z.array(exposureLineSchema.extend({ subjectKind: z.enum(['order', 'case']), subjectId: z.string(), shopId: z.string() })),
});
export type ExposureTotalsView = z.infer<typeof exposureTotalsSchema>;

// The dashboard (T1 figures; T2 idle agents and T3 inconsistent answers for supervisors).
export const metricsFiguresSchema = z.custom<Figures>();
export const metricsViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['agent', 'shop', 'day']),
  total: metricsFiguresSchema,
  groups: z.array(z.object({ key: z.string(), label: z.string(), figures: metricsFiguresSchema })),
  idleAgents: z.array(z.object({ agentId: z.string(), displayName: z.string(), idleSeconds: z.number(), waiting: z.number() })).optional(),
  inconsistencies: z
    .array(z.object({ intent: z.string(), question: z.string(), answers: z.array(z.object({ text: z.string(), author: z.string() })), reasonZh: z.string() }))
    .optional(),
  /** 质检 per agent over the range (supervisors): per day, or per week for ranges over 31 days. */
  quality: z
    .array(
      z.object({
        agentId: z.string(),
        agentName: z.string(),
        chats: z.number(),
        averageScore: z.number(),
        reviewed: z.number(),
        points: z.array(z.object({ key: z.string(), chats: z.number(), averageScore: z.number(), reviewedScore: z.number().nullable() })),
      }),
    )
    .optional(),
});
export type MetricsView = z.infer<typeof metricsViewSchema>;
