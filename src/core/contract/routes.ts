// Every HTTP route of the server with the contract schemas of its request (params, query, body)
// and of its reply: every JSON route names its reply schema (only a page, a script, a download or a
// socket does not). test/server/route-contracts enumerates the routes fastify registers and fails
// for one missing here (or listed here but gone), and checks each route's real reply against its
// schema, so a new route cannot skip its schemas. Routes validate with exactly these schemas; the
// workbench types its calls with them (z.infer) instead of hand-written interfaces.
import { z } from 'zod';
import { loginBody, wsTicketReply } from './auth.js';
import { bridgeAfterQuery, bridgeConversationParams, bridgeInboundBody, bridgeInboundReplySchema, bridgeMessagesReplySchema, bridgeShopParams } from './bridge.js';
import {
  caseBoardQuery, caseEvidenceAddedSchema, caseEvidenceBody, caseEvidenceParams, caseIdParams, caseShopParams, caseTransitionBody, evidenceQuery, exposureQuery, openCaseBody,
} from './cases.js';
import {
  agentReplyBody,
  conversationIdParams,
  conversationListQuery,
  conversationSummarySchema,
  escalateBody,
  guardCheckBody,
  promiseIdParams,
  settlePromiseBody,
  messagesAfterQuery,
} from './conversations.js';
import { correctionsSummarySchema, relabelBody, relabelReplySchema } from './corrections.js';
import { realtimeClientFrame } from './events.js';
import {
  buyerNoticeBody,
  buyerNoticeFieldsSchema,
  buyerNoticeViewSchema,
  followupConsentBody,
  followupFlowBody,
  followupLogQuery,
  followupLogSchema,
  followupPreviewBody,
  followupPreviewSchema,
  followupShopParams,
  followupsViewSchema,
  followupTemplatesBody,
  savedTemplatesReply,
} from './followups.js';
import {
  buyerIdParams, buyerListQuery, buyerListSchema, buyerProfileSchema, buyerShopParams, buyerUpdateBody, storeFiguresQuery, storeFiguresSchema,
  vipTiersBody, vipTiersViewSchema,
  buyerSegmentsSchema,
} from './buyers.js';
import {
  bridgeReviewBody,
  bridgeReviewReplySchema,
  localImportReviewsBody,
  reputationQuery,
  reputationSchema,
  reviewDetailSchema,
  reviewIdParams,
  reviewListQuery,
  reviewListSchema,
  reviewActionReplySchema,
  localImportReviewsReplySchema,
  reviewRecoveryBody,
  reviewReplyBody,
  reviewReportBody,
  reviewReportOutcomeBody,
  reviewShopParams,
  reviewTeamQuery,
  reviewTeamSchema,
  reviewUploadBody,
  reviewUploadQuery,
} from './reviews.js';
import {
  localAuditReportReply,
  localChatItemBody,
  localChatItemReply,
  localChatSendBody,
  localChatShopBody,
  localChatShopReply,
  localChatTurnReply,
  localCheckpointReply,
  localImportBody,
  localImportReply,
} from './local.js';
import { messageViewSchema, servicePhrasesViewSchema } from './messages.js';
import { dashboardQuery } from './metrics.js';
import { presenceSettingsBody, presenceSettingsParams, presenceSettingsSchema, presenceViewSchema, setPresenceBody } from './presence.js';
import {
  caseLibraryQuery,
  caseLibrarySchema,
  caseQuizBody,
  caseQuizResultSchema,
  finishTrainingBody,
  qualityQuery,
  qualityViewSchema,
  scenarioListSchema,
  startTrainingBody,
  trainingOverviewSchema,
  trainingReplyBody,
  trainingSessionParams,
  trainingSessionSchema,
  comparisonBody,
  comparisonParams,
  comparisonShopParams,
  comparisonsViewSchema,
  examQuery,
  productQuizBody,
  productQuizQuery,
  productQuizResultSchema,
  productQuizViewSchema,
  qualityFeedbackSchema,
  qualityReviewBody,
  qualityReviewParams,
  qualityRowSchema,
  quizProgressSchema,
} from './training.js';
import { compensationPaidBody, manualPenaltyBody, mismatchBody, penaltyLedgerQuery, penaltyLedgersSchema, penaltyShopParams, rulingBody, shopLedgerSchema } from './penalties.js';
import { logisticsBody, orderBoardQuery, orderBoardSchema, orderIdParams, orderListQuery, orderShopParams, orderSyncBody, orderTransitionBody, orderUploadBody, orderUploadQuery, orderVerificationBody, priceChangeAwaitBody, priceProtectionClaimBody, priceProtectionClaimParams, priceProtectionListQuery, priceProtectionSettleBody } from './orders.js';
import {
  exampleParams,
  itemsInput,
  agentParams,
  newAgentInput,
  newApiTokenInput,
  updateAgentInput,
  promotionsInput,
  ruleOverridesInput,
  savedWithWarningsReply,
  shopParams,
  standardAnswersInput,
  tokenParams,
  trainingExamplesInput,
} from './settings.js';
import {
  addedExamplesSchema,
  agentReplyResultSchema,
  agentsViewSchema,
  caseBoardSchema,
  caseDetailSchema,
  apiTokensViewSchema,
  conversationActionReplySchema,
  conversationDetailSchema,
  createdIdSchema,
  exposureTotalsSchema,
  guardVerdictSchema,
  issuedApiTokenSchema,
  itemsViewSchema,
  loginReplySchema,
  logisticsReplySchema,
  meViewSchema,
  metricsViewSchema,
  openedCaseSchema,
  orderDetailSchema,
  orderListSchema,
  priceProtectionListSchema,
  promotionsViewSchema,
  ruleOverridesViewSchema,
  settledPromiseSchema,
  shopRatesSchema,
  standardAnswersViewSchema,
  trainingExamplesViewSchema,
  updatedAgentSchema,
} from './views.js';
import { widgetShopParams, widgetSocketQuery } from './widget.js';
import { shippingFeesBody, shippingFeesViewSchema } from './shipping-fees.js';
import { disruptionBody, disruptionParams, disruptionsViewSchema, disruptionViewSchema } from './logistics-disruptions.js';
import {
  buyerEmailBody,
  buyerEmailParams,
  buyerEmailReply,
  callOutcomeBody,
  callOutcomeReply,
  mailSettingsBody,
  mailSettingsViewSchema,
  revealPhoneReply,
  callClaimBody,
  callClaimReply,
  revisitCallParams,
  revisitCallsQuery,
  revisitCallsViewSchema,
  revisitShopParams,
} from './revisits.js';

export const okReply = z.object({ ok: z.literal(true) });
export const healthReply = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), time: z.string() });

export interface RouteContract {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON reply's schema (every route but those that produce something else). */
  reply?: z.ZodType;
  /** Not JSON: a page, a script, a file download or a socket (frames: its client frames). */
  produces?: 'html' | 'javascript' | 'download' | 'websocket';
  frames?: z.ZodType;
}


export const ROUTE_CONTRACTS = {
  'GET /health': { reply: healthReply },
  'GET /': { produces: 'html' },
  'GET /*': { produces: 'html' },

  'POST /api/v1/auth/login': { body: loginBody, reply: loginReplySchema },
  'POST /api/v1/auth/logout': { reply: okReply },
  'GET /api/v1/me': { reply: meViewSchema },

  'GET /api/v1/conversations': { query: conversationListQuery, reply: z.object({ items: z.array(conversationSummarySchema) }) },
  'GET /api/v1/conversations/:id': { params: conversationIdParams, reply: conversationDetailSchema },
  'GET /api/v1/conversations/:id/messages': {
    params: conversationIdParams,
    query: messagesAfterQuery,
    reply: z.object({ messages: z.array(messageViewSchema) }),
  },
  'POST /api/v1/conversations/:id/take': { params: conversationIdParams, reply: conversationActionReplySchema },
  'POST /api/v1/conversations/:id/handback': { params: conversationIdParams, reply: conversationActionReplySchema },
  'POST /api/v1/conversations/:id/escalate': { params: conversationIdParams, body: escalateBody, reply: conversationActionReplySchema },
  'POST /api/v1/conversations/:id/close': { params: conversationIdParams, reply: conversationActionReplySchema },
  'POST /api/v1/promises/:id/settle': { params: promiseIdParams, body: settlePromiseBody, reply: settledPromiseSchema },
  'POST /api/v1/conversations/:id/messages': { params: conversationIdParams, body: agentReplyBody, reply: agentReplyResultSchema },
  'POST /api/v1/guard/check': { body: guardCheckBody, reply: guardVerdictSchema },
  'GET /api/v1/guard/phrases': { reply: servicePhrasesViewSchema },

  'GET /api/v1/cases': { query: caseBoardQuery, reply: caseBoardSchema },
  'GET /api/v1/cases/:id': { params: caseIdParams, reply: caseDetailSchema },
  'POST /api/v1/cases': { body: openCaseBody, reply: openedCaseSchema },
  'POST /api/v1/cases/:id/transition': { params: caseIdParams, body: caseTransitionBody, reply: caseDetailSchema },
  'GET /api/v1/cases/:id/evidence': { params: caseIdParams, query: evidenceQuery, produces: 'download' },
  'POST /api/v1/cases/:id/evidence': { params: caseIdParams, body: caseEvidenceBody, reply: caseEvidenceAddedSchema },
  'GET /api/v1/cases/:id/evidence/:evidenceId': { params: caseEvidenceParams, produces: 'download' },
  'GET /api/v1/shops/:shopId/rates': { params: caseShopParams, reply: shopRatesSchema },
  'GET /api/v1/exposure': { query: exposureQuery, reply: exposureTotalsSchema },

  'GET /api/v1/shops/:shopId/orders': { params: orderShopParams, query: orderListQuery, reply: orderListSchema },
  'GET /api/v1/orders': { query: orderBoardQuery, reply: orderBoardSchema },
  'GET /api/v1/price-protection-claims': { query: priceProtectionListQuery, reply: priceProtectionListSchema },
  'POST /api/v1/shops/:shopId/orders': { params: orderShopParams, body: orderSyncBody, reply: orderDetailSchema },
  'POST /api/v1/shops/:shopId/orders/import': { params: orderShopParams, query: orderUploadQuery, body: orderUploadBody, reply: localImportReply },
  'GET /api/v1/orders/:id': { params: orderIdParams, reply: orderDetailSchema },
  'POST /api/v1/orders/:id/transition': { params: orderIdParams, body: orderTransitionBody, reply: orderDetailSchema },
  'POST /api/v1/orders/:id/price-change-await': { params: orderIdParams, body: priceChangeAwaitBody, reply: orderDetailSchema },
  // C9: the order's confirmation with the buyer, recorded by an agent.
  'POST /api/v1/orders/:id/verification': { params: orderIdParams, body: orderVerificationBody, reply: orderDetailSchema },
  // S2: a 价保 claim on an order line, and its outcome (paid or refused).
  'POST /api/v1/orders/:id/price-protection': { params: orderIdParams, body: priceProtectionClaimBody, reply: orderDetailSchema },
  'POST /api/v1/orders/:id/price-protection/:claimId': { params: priceProtectionClaimParams, body: priceProtectionSettleBody, reply: orderDetailSchema },
  // N2–N4: the penalty-points ledger; a mismatch's kind on a case; a late-shipment compensation paid.
  'GET /api/v1/penalties': { query: penaltyLedgerQuery, reply: penaltyLedgersSchema },
  'POST /api/v1/cases/:id/mismatch': { params: caseIdParams, body: mismatchBody, reply: shopLedgerSchema },
  'POST /api/v1/orders/:id/compensation-paid': { params: orderIdParams, body: compensationPaidBody, reply: shopLedgerSchema },
  'POST /api/v1/penalties/ruling': { body: rulingBody, reply: shopLedgerSchema },
  'POST /api/v1/shops/:shopId/penalties': { params: penaltyShopParams, body: manualPenaltyBody, reply: shopLedgerSchema },
  'GET /api/v1/orders/:id/evidence': { params: orderIdParams, query: evidenceQuery, produces: 'download' },
  'POST /api/v1/orders/:id/logistics': { params: orderIdParams, body: logisticsBody, reply: logisticsReplySchema },

  'GET /api/v1/metrics': { query: dashboardQuery, reply: metricsViewSchema },

  'GET /api/v1/presence': { reply: presenceViewSchema },
  'POST /api/v1/presence': { body: setPresenceBody, reply: presenceViewSchema },
  'GET /api/v1/shops/:shopId/presence-settings': { params: presenceSettingsParams, reply: presenceSettingsSchema },
  'PUT /api/v1/shops/:shopId/presence-settings': { params: presenceSettingsParams, body: presenceSettingsBody, reply: presenceSettingsSchema },
  // Issue 14: follow-ups (C8, F1–F4, O7, R7).
  'GET /api/v1/shops/:shopId/followups': { params: followupShopParams, reply: followupsViewSchema },
  'PUT /api/v1/shops/:shopId/followups/flows': { params: followupShopParams, body: followupFlowBody, reply: followupsViewSchema },
  'PUT /api/v1/shops/:shopId/followups/templates': { params: followupShopParams, body: followupTemplatesBody, reply: savedTemplatesReply },
  'POST /api/v1/shops/:shopId/followups/preview': { params: followupShopParams, body: followupPreviewBody, reply: followupPreviewSchema },
  'GET /api/v1/shops/:shopId/followups/log': { params: followupShopParams, query: followupLogQuery, reply: followupLogSchema },
  'POST /api/v1/shops/:shopId/followups/consent': { params: followupShopParams, body: followupConsentBody, reply: okReply },
  // F4 老客回访 by phone and mail (routes/revisits.ts).
  'GET /api/v1/shops/:shopId/revisit-calls': { params: revisitShopParams, query: revisitCallsQuery, reply: revisitCallsViewSchema },
  'POST /api/v1/shops/:shopId/revisit-calls/:callId/outcome': { params: revisitCallParams, body: callOutcomeBody, reply: callOutcomeReply },
  'POST /api/v1/shops/:shopId/revisit-calls/:callId/reveal': { params: revisitCallParams, reply: revealPhoneReply },
  'POST /api/v1/shops/:shopId/revisit-calls/:callId/claim': { params: revisitCallParams, body: callClaimBody, reply: callClaimReply },
  'PUT /api/v1/shops/:shopId/buyers/:buyerId/email': { params: buyerEmailParams, body: buyerEmailBody, reply: buyerEmailReply },
  'GET /api/v1/shops/:shopId/mail-settings': { params: revisitShopParams, reply: mailSettingsViewSchema },
  'PUT /api/v1/shops/:shopId/mail-settings': { params: revisitShopParams, body: mailSettingsBody, reply: mailSettingsViewSchema },
  'POST /api/v1/shops/:shopId/buyer-notice': { params: followupShopParams, body: buyerNoticeBody, reply: buyerNoticeViewSchema },
  'PUT /api/v1/shops/:shopId/buyer-notice': { params: followupShopParams, body: buyerNoticeFieldsSchema, reply: buyerNoticeViewSchema },
  // Issue 14: buyers (CRM, M1–M3).
  'GET /api/v1/shops/:shopId/buyers': { params: buyerShopParams, query: buyerListQuery, reply: buyerListSchema },
  'GET /api/v1/shops/:shopId/buyer-segments': { params: buyerShopParams, reply: buyerSegmentsSchema },
  'GET /api/v1/buyers/:id': { params: buyerIdParams, reply: buyerProfileSchema },
  'PUT /api/v1/buyers/:id': { params: buyerIdParams, body: buyerUpdateBody, reply: buyerProfileSchema },
  'GET /api/v1/shops/:shopId/vip-tiers': { params: buyerShopParams, reply: vipTiersViewSchema },
  'PUT /api/v1/shops/:shopId/vip-tiers': { params: buyerShopParams, body: vipTiersBody, reply: vipTiersViewSchema.extend({ warnings: z.array(z.unknown()) }) },
  'GET /api/v1/shops/:shopId/store-figures': { params: buyerShopParams, query: storeFiguresQuery, reply: storeFiguresSchema },

  'GET /api/v1/training/scenarios': { reply: scenarioListSchema },
  'GET /api/v1/training/overview': { reply: trainingOverviewSchema },
  'GET /api/v1/training/cases': { query: caseLibraryQuery, reply: caseLibrarySchema },
  'POST /api/v1/training/quiz': { body: caseQuizBody, reply: caseQuizResultSchema },
  'GET /api/v1/training/quality': { query: qualityQuery, reply: qualityViewSchema },
  'POST /api/v1/training/sessions': { body: startTrainingBody, reply: trainingSessionSchema },
  'GET /api/v1/training/sessions/:id': { params: trainingSessionParams, reply: trainingSessionSchema },
  'POST /api/v1/training/sessions/:id/reply': { params: trainingSessionParams, body: trainingReplyBody, reply: trainingSessionSchema },
  'POST /api/v1/training/sessions/:id/finish': { params: trainingSessionParams, body: finishTrainingBody, reply: trainingSessionSchema },
  // Issue 16 (L3, T4, 质检): product quiz and monthly exam, results over time, supervisors' reviews
  // the agent acknowledges, competitor comparison tables.
  'GET /api/v1/training/product-quiz': { query: productQuizQuery, reply: productQuizViewSchema },
  'GET /api/v1/training/exam': { query: examQuery, reply: productQuizViewSchema },
  'POST /api/v1/training/product-quiz': { body: productQuizBody, reply: productQuizResultSchema },
  'GET /api/v1/training/results': { reply: quizProgressSchema },
  'POST /api/v1/training/quality/:id/review': { params: qualityReviewParams, body: qualityReviewBody, reply: qualityRowSchema },
  'GET /api/v1/training/feedback': { reply: qualityFeedbackSchema },
  'POST /api/v1/training/feedback/:id/ack': { params: qualityReviewParams, body: finishTrainingBody, reply: qualityFeedbackSchema },
  'GET /api/v1/shops/:shopId/comparisons': { params: comparisonShopParams, reply: comparisonsViewSchema },
  'PUT /api/v1/shops/:shopId/comparisons': { params: comparisonShopParams, body: comparisonBody, reply: comparisonsViewSchema },
  'DELETE /api/v1/shops/:shopId/comparisons/:id': { params: comparisonParams, reply: comparisonsViewSchema },

  'GET /api/v1/shops/:shopId/standard-answers': { params: shopParams, reply: standardAnswersViewSchema },
  'PUT /api/v1/shops/:shopId/standard-answers': { params: shopParams, body: standardAnswersInput, reply: savedWithWarningsReply },
  'GET /api/v1/shops/:shopId/items': { params: shopParams, reply: itemsViewSchema },
  'PUT /api/v1/shops/:shopId/items': { params: shopParams, body: itemsInput, reply: okReply },
  'GET /api/v1/shops/:shopId/promotions': { params: shopParams, reply: promotionsViewSchema },
  'PUT /api/v1/shops/:shopId/promotions': { params: shopParams, body: promotionsInput, reply: savedWithWarningsReply },
  'GET /api/v1/shops/:shopId/rule-overrides': { params: shopParams, reply: ruleOverridesViewSchema },
  'PUT /api/v1/shops/:shopId/rule-overrides': { params: shopParams, body: ruleOverridesInput, reply: okReply },
  // O6: the shop's own 运费模板.
  'GET /api/v1/shops/:shopId/shipping-fees': { params: shopParams, reply: shippingFeesViewSchema },
  'PUT /api/v1/shops/:shopId/shipping-fees': { params: shopParams, body: shippingFeesBody, reply: shippingFeesViewSchema },
  // O7: the shop's 物流异常.
  'GET /api/v1/shops/:shopId/logistics-disruptions': { params: shopParams, reply: disruptionsViewSchema },
  'POST /api/v1/shops/:shopId/logistics-disruptions': { params: shopParams, body: disruptionBody, reply: disruptionViewSchema },
  'PUT /api/v1/shops/:shopId/logistics-disruptions/:id': { params: disruptionParams, body: disruptionBody, reply: disruptionViewSchema },
  'DELETE /api/v1/shops/:shopId/logistics-disruptions/:id': { params: disruptionParams, reply: okReply },
  'GET /api/v1/agents': { reply: agentsViewSchema },
  'POST /api/v1/agents': { body: newAgentInput, reply: createdIdSchema },
  'PATCH /api/v1/agents/:id': { params: agentParams, body: updateAgentInput, reply: updatedAgentSchema },
  'GET /api/v1/api-tokens': { reply: apiTokensViewSchema },
  'POST /api/v1/api-tokens': { body: newApiTokenInput, reply: issuedApiTokenSchema },
  'DELETE /api/v1/api-tokens/:id': { params: tokenParams, reply: okReply },
  'GET /api/v1/shops/:shopId/training-examples': { params: shopParams, reply: trainingExamplesViewSchema },
  'POST /api/v1/shops/:shopId/training-examples': { params: shopParams, body: trainingExamplesInput, reply: addedExamplesSchema },
  'DELETE /api/v1/shops/:shopId/training-examples/:id': { params: exampleParams, reply: okReply },
  // Issue 12: an agent relabels a buyer message's intent; the shop's corrections and last retrain.
  'POST /api/v1/conversations/:id/relabel': { params: conversationIdParams, body: relabelBody, reply: relabelReplySchema },
  'GET /api/v1/shops/:shopId/corrections': { params: shopParams, reply: correctionsSummarySchema },

  'POST /api/v1/shops/:shopId/inbound': { params: bridgeShopParams, body: bridgeInboundBody, reply: bridgeInboundReplySchema },
  'GET /api/v1/shops/:shopId/conversations/:id/messages': {
    params: bridgeConversationParams,
    query: bridgeAfterQuery,
    reply: bridgeMessagesReplySchema,
  },

  'GET /widget/widget.js': { produces: 'javascript' },
  'GET /widget/:shopId/demo': { params: widgetShopParams, produces: 'html' },
  'GET /widget/:shopId/ws': { params: widgetShopParams, query: widgetSocketQuery, produces: 'websocket' },
  'POST /api/v1/ws/ticket': { reply: wsTicketReply },
  'GET /api/v1/ws': { produces: 'websocket', frames: realtimeClientFrame },

  // The local API of `dxe` commands beside a running server (issue 10, critical 2).
  'POST /api/v1/local/import-orders': { body: localImportBody, reply: localImportReply },
  'POST /api/v1/local/audit/verify': { reply: localAuditReportReply },
  'POST /api/v1/local/audit/checkpoint': { reply: localCheckpointReply },
  'POST /api/v1/local/chat/shop': { body: localChatShopBody, reply: localChatShopReply },
  'POST /api/v1/local/chat/item': { body: localChatItemBody, reply: localChatItemReply },
  'POST /api/v1/local/chat/send': { body: localChatSendBody, reply: localChatTurnReply },
  'POST /api/v1/local/import-reviews': { body: localImportReviewsBody, reply: localImportReviewsReplySchema },
  // Reviews and reputation (issue 13; R1–R8).
  'POST /api/v1/shops/:shopId/reviews': { params: reviewShopParams, body: bridgeReviewBody, reply: bridgeReviewReplySchema },
  'GET /api/v1/reviews': { query: reviewListQuery, reply: reviewListSchema },
  'GET /api/v1/reviews/:id': { params: reviewIdParams, reply: reviewDetailSchema },
  'POST /api/v1/reviews/:id/reply-check': { params: reviewIdParams, body: reviewReplyBody, reply: guardVerdictSchema },
  'POST /api/v1/reviews/:id/reply': { params: reviewIdParams, body: reviewReplyBody, reply: reviewActionReplySchema.extend({ verdict: guardVerdictSchema }) },
  'POST /api/v1/reviews/:id/report': { params: reviewIdParams, body: reviewReportBody, reply: reviewActionReplySchema },
  'POST /api/v1/reviews/:id/report-outcome': { params: reviewIdParams, body: reviewReportOutcomeBody, reply: reviewActionReplySchema },
  'POST /api/v1/reviews/:id/recovery': { params: reviewIdParams, body: reviewRecoveryBody, reply: reviewActionReplySchema },
  'GET /api/v1/shops/:shopId/reputation': { params: reviewShopParams, query: reputationQuery, reply: reputationSchema },
  'POST /api/v1/shops/:shopId/reviews/import': { params: reviewShopParams, query: reviewUploadQuery, body: reviewUploadBody, reply: localImportReviewsReplySchema },
  'GET /api/v1/shops/:shopId/review-team': { params: reviewShopParams, query: reviewTeamQuery, reply: reviewTeamSchema },
} as const satisfies Record<string, RouteContract>;

export type RouteKey = keyof typeof ROUTE_CONTRACTS;
