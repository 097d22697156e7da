// Every HTTP route of the server with the contract schemas of its request (params, query, body)
// and, where the reply is JSON with a contract view, of its reply. test/server/route-contracts
// enumerates the routes fastify registers and fails for one missing here (or listed here but gone),
// so a new route cannot skip its schemas. Routes validate with exactly these schemas; the
// workbench types its calls with them (z.infer) instead of hand-written interfaces.
import { z } from 'zod';
import { loginBody, wsTicketReply } from './auth.js';
import { bridgeAfterQuery, bridgeConversationParams, bridgeInboundBody, bridgeInboundReplySchema, bridgeMessagesReplySchema, bridgeShopParams } from './bridge.js';
import { caseBoardQuery, caseIdParams, caseShopParams, caseTransitionBody, evidenceQuery, exposureQuery, openCaseBody } from './cases.js';
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
import { realtimeClientFrame } from './events.js';
import { localChatItemBody, localChatSendBody, localChatShopBody, localImportBody } from './local.js';
import { messageViewSchema } from './messages.js';
import { dashboardQuery } from './metrics.js';
import { presenceViewSchema, setPresenceBody } from './presence.js';
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
} from './training.js';
import { logisticsBody, orderIdParams, orderListQuery, orderShopParams, orderSyncBody, orderTransitionBody } from './orders.js';
import {
  exampleParams,
  itemsInput,
  newAgentInput,
  newApiTokenInput,
  promotionsInput,
  ruleOverridesInput,
  savedWithWarningsReply,
  shopParams,
  standardAnswersInput,
  tokenParams,
  trainingExamplesInput,
} from './settings.js';
import {
  agentReplyResultSchema,
  agentsViewSchema,
  caseBoardSchema,
  apiTokensViewSchema,
  conversationActionReplySchema,
  conversationDetailSchema,
  guardVerdictSchema,
  itemsViewSchema,
  loginReplySchema,
  meViewSchema,
  metricsViewSchema,
  orderDetailSchema,
  promotionsViewSchema,
  standardAnswersViewSchema,
  trainingExamplesViewSchema,
} from './views.js';
import { widgetShopParams, widgetSocketQuery } from './widget.js';

export const okReply = z.object({ ok: z.literal(true) });
export const healthReply = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), time: z.string() });

export interface RouteContract {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON reply's view, when the contract defines one. */
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
  'POST /api/v1/promises/:id/settle': { params: promiseIdParams, body: settlePromiseBody },
  'POST /api/v1/conversations/:id/messages': { params: conversationIdParams, body: agentReplyBody, reply: agentReplyResultSchema },
  'POST /api/v1/guard/check': { body: guardCheckBody, reply: guardVerdictSchema },

  'GET /api/v1/cases': { query: caseBoardQuery, reply: caseBoardSchema },
  'GET /api/v1/cases/:id': { params: caseIdParams },
  'POST /api/v1/cases': { body: openCaseBody },
  'POST /api/v1/cases/:id/transition': { params: caseIdParams, body: caseTransitionBody },
  'GET /api/v1/cases/:id/evidence': { params: caseIdParams, query: evidenceQuery, produces: 'download' },
  'GET /api/v1/shops/:shopId/rates': { params: caseShopParams },
  'GET /api/v1/exposure': { query: exposureQuery },

  'GET /api/v1/shops/:shopId/orders': { params: orderShopParams, query: orderListQuery },
  'POST /api/v1/shops/:shopId/orders': { params: orderShopParams, body: orderSyncBody },
  'GET /api/v1/orders/:id': { params: orderIdParams, reply: orderDetailSchema },
  'POST /api/v1/orders/:id/transition': { params: orderIdParams, body: orderTransitionBody },
  'GET /api/v1/orders/:id/evidence': { params: orderIdParams, query: evidenceQuery, produces: 'download' },
  'POST /api/v1/orders/:id/logistics': { params: orderIdParams, body: logisticsBody },

  'GET /api/v1/metrics': { query: dashboardQuery, reply: metricsViewSchema },

  'GET /api/v1/presence': { reply: presenceViewSchema },
  'POST /api/v1/presence': { body: setPresenceBody, reply: presenceViewSchema },

  'GET /api/v1/training/scenarios': { reply: scenarioListSchema },
  'GET /api/v1/training/overview': { reply: trainingOverviewSchema },
  'GET /api/v1/training/cases': { query: caseLibraryQuery, reply: caseLibrarySchema },
  'POST /api/v1/training/quiz': { body: caseQuizBody, reply: caseQuizResultSchema },
  'GET /api/v1/training/quality': { query: qualityQuery, reply: qualityViewSchema },
  'POST /api/v1/training/sessions': { body: startTrainingBody, reply: trainingSessionSchema },
  'GET /api/v1/training/sessions/:id': { params: trainingSessionParams, reply: trainingSessionSchema },
  'POST /api/v1/training/sessions/:id/reply': { params: trainingSessionParams, body: trainingReplyBody, reply: trainingSessionSchema },
  'POST /api/v1/training/sessions/:id/finish': { params: trainingSessionParams, body: finishTrainingBody, reply: trainingSessionSchema },

  'GET /api/v1/shops/:shopId/standard-answers': { params: shopParams, reply: standardAnswersViewSchema },
  'PUT /api/v1/shops/:shopId/standard-answers': { params: shopParams, body: standardAnswersInput, reply: savedWithWarningsReply },
  'GET /api/v1/shops/:shopId/items': { params: shopParams, reply: itemsViewSchema },
  'PUT /api/v1/shops/:shopId/items': { params: shopParams, body: itemsInput, reply: okReply },
  'GET /api/v1/shops/:shopId/promotions': { params: shopParams, reply: promotionsViewSchema },
  'PUT /api/v1/shops/:shopId/promotions': { params: shopParams, body: promotionsInput, reply: savedWithWarningsReply },
  'GET /api/v1/shops/:shopId/rule-overrides': { params: shopParams },
  'PUT /api/v1/shops/:shopId/rule-overrides': { params: shopParams, body: ruleOverridesInput, reply: okReply },
  'GET /api/v1/agents': { reply: agentsViewSchema },
  'POST /api/v1/agents': { body: newAgentInput },
  'GET /api/v1/api-tokens': { reply: apiTokensViewSchema },
  'POST /api/v1/api-tokens': { body: newApiTokenInput },
  'DELETE /api/v1/api-tokens/:id': { params: tokenParams, reply: okReply },
  'GET /api/v1/shops/:shopId/training-examples': { params: shopParams, reply: trainingExamplesViewSchema },
  'POST /api/v1/shops/:shopId/training-examples': { params: shopParams, body: trainingExamplesInput },
  'DELETE /api/v1/shops/:shopId/training-examples/:id': { params: exampleParams, reply: okReply },

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
  'POST /api/v1/local/import-orders': { body: localImportBody },
  'POST /api/v1/local/audit/verify': {},
  'POST /api/v1/local/audit/checkpoint': {},
  'POST /api/v1/local/chat/shop': { body: localChatShopBody },
  'POST /api/v1/local/chat/item': { body: localChatItemBody },
  'POST /api/v1/local/chat/send': { body: localChatSendBody },
} as const satisfies Record<string, RouteContract>;

export type RouteKey = keyof typeof ROUTE_CONTRACTS;
