// Who may call each route (issue 10): one table, checked on every request by `app.authenticate`
// (server/auth.ts) after the caller is known. Every /api route must have an entry — a route
// without one stops the server at start-up — and test/server/authorization-matrix.test.ts walks
// fastify's route list against this table with every kind of caller.
//
// `scope` is what an API token needs (`any`: every authenticated caller; `public`: no login;
// `ticket`: the WebSocket's one-time ticket; `local`: the local API's own token, loopback only). `roles` are the agent roles allowed (default all).
// `tokens: false` marks routes no API token may use whatever its scopes (they act as a person).
// The use cases in app/ keep their own scope and role checks; this table is the edge's copy.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { DxeError } from '../core/errors.js';
import { WORKBENCH_TABS, type WorkbenchTab } from '../core/contract/workbench-tabs.js';
import type { Principal, Role, TokenScope } from '../app/auth/auth.js';

export interface RouteAccess {
  scope: TokenScope | 'any' | 'public' | 'ticket' | 'local';
  roles?: readonly Role[];
  tokens?: false;
}

const LEADS: readonly Role[] = ['admin', 'supervisor'];
const ADMIN: readonly Role[] = ['admin'];

export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  'POST /api/v1/auth/login': { scope: 'public' },
  'POST /api/v1/auth/logout': { scope: 'any' },
  'GET /api/v1/me': { scope: 'any' },
  // Realtime: a ticket is obtained with a bearer token, then opens the socket.
  'POST /api/v1/ws/ticket': { scope: 'read' },
  'GET /api/v1/ws': { scope: 'ticket' },
  // Bridge API (docs/openapi-bridge.yaml).
  'POST /api/v1/shops/:shopId/inbound': { scope: 'bridge', roles: ADMIN },
  'GET /api/v1/shops/:shopId/conversations/:id/messages': { scope: 'bridge', roles: ADMIN },
  'POST /api/v1/shops/:shopId/orders': { scope: 'bridge' },
  'POST /api/v1/orders/:id/logistics': { scope: 'bridge' },
  // Workbench reads.
  'GET /api/v1/conversations': { scope: 'read' },
  'GET /api/v1/conversations/:id': { scope: 'read' },
  'GET /api/v1/conversations/:id/messages': { scope: 'read' },
  'GET /api/v1/cases': { scope: 'read' },
  'GET /api/v1/cases/:id': { scope: 'read' },
  'GET /api/v1/cases/:id/evidence': { scope: 'read', tokens: false },
  'GET /api/v1/cases/:id/evidence/:evidenceId': { scope: 'read', tokens: false },
  'GET /api/v1/shops/:shopId/rates': { scope: 'read' },
  'GET /api/v1/exposure': { scope: 'read' },
  // N2–N4: the penalty-points ledger of the caller's shops.
  'GET /api/v1/penalties': { scope: 'read' },
  'GET /api/v1/metrics': { scope: 'read' },
  // C17: an agent's own presence; tokens have none.
  'GET /api/v1/presence': { scope: 'any', tokens: false },
  'POST /api/v1/presence': { scope: 'any', tokens: false },
  // L1: practice with the simulated buyer is a person's; tokens never train.
  'GET /api/v1/training/scenarios': { scope: 'any', tokens: false },
  'GET /api/v1/training/overview': { scope: 'any', tokens: false },
  'GET /api/v1/training/cases': { scope: 'any', tokens: false },
  'POST /api/v1/training/quiz': { scope: 'any', tokens: false },
  // 质检 of real chats: supervisors and admins.
  'GET /api/v1/training/quality': { scope: 'any', roles: LEADS, tokens: false },
  'POST /api/v1/training/sessions': { scope: 'any', tokens: false },
  'GET /api/v1/training/sessions/:id': { scope: 'any', tokens: false },
  'POST /api/v1/training/sessions/:id/reply': { scope: 'any', tokens: false },
  'POST /api/v1/training/sessions/:id/finish': { scope: 'any', tokens: false },
  // Issue 16: product quiz and monthly exam (L3/T4), results over time, 质检 reviews and the agent's
  // acknowledgement, competitor comparison tables (T4), presence minutes per shop (C17/T2).
  'GET /api/v1/training/product-quiz': { scope: 'any', tokens: false },
  'GET /api/v1/training/exam': { scope: 'any', tokens: false },
  'POST /api/v1/training/product-quiz': { scope: 'any', tokens: false },
  'GET /api/v1/training/results': { scope: 'any', tokens: false },
  'POST /api/v1/training/quality/:id/review': { scope: 'any', roles: LEADS, tokens: false },
  'GET /api/v1/training/feedback': { scope: 'any', tokens: false },
  'POST /api/v1/training/feedback/:id/ack': { scope: 'any', tokens: false },
  'GET /api/v1/shops/:shopId/comparisons': { scope: 'read' },
  'PUT /api/v1/shops/:shopId/comparisons': { scope: 'admin', roles: LEADS, tokens: false },
  'DELETE /api/v1/shops/:shopId/comparisons/:id': { scope: 'admin', roles: LEADS, tokens: false },
  'GET /api/v1/shops/:shopId/presence-settings': { scope: 'read' },
  'PUT /api/v1/shops/:shopId/presence-settings': { scope: 'admin', roles: LEADS, tokens: false },
  'GET /api/v1/shops/:shopId/orders': { scope: 'read' },
  'GET /api/v1/orders': { scope: 'read' },
  // S2: the shop-wide 价保 ledger (the caller's shops; read tokens too, e.g. for a finance export).
  'GET /api/v1/price-protection-claims': { scope: 'read' },
  'GET /api/v1/orders/:id': { scope: 'read' },
  'GET /api/v1/orders/:id/evidence': { scope: 'read', tokens: false },
  'POST /api/v1/guard/check': { scope: 'read' },
  // C14: the model-phrase library (the same for every shop; no personal data).
  'GET /api/v1/guard/phrases': { scope: 'read' },
  'GET /api/v1/shops/:shopId/standard-answers': { scope: 'read' },
  'GET /api/v1/shops/:shopId/items': { scope: 'read' },
  'GET /api/v1/shops/:shopId/promotions': { scope: 'read' },
  'GET /api/v1/shops/:shopId/rule-overrides': { scope: 'read' },
  'GET /api/v1/shops/:shopId/shipping-fees': { scope: 'read' },
  // O7: the shop's 物流异常 (weather, holidays, promotion backlog …).
  'GET /api/v1/shops/:shopId/logistics-disruptions': { scope: 'read' },
  'GET /api/v1/shops/:shopId/training-examples': { scope: 'read' },
  'GET /api/v1/shops/:shopId/corrections': { scope: 'read' },
  'GET /api/v1/agents': { scope: 'read', roles: LEADS, tokens: false },
  // Issue 14: follow-ups — figures, preview and log are reads; an opt-out is an agent's action.
  'GET /api/v1/shops/:shopId/followups': { scope: 'read' },
  'POST /api/v1/shops/:shopId/followups/preview': { scope: 'read' },
  'GET /api/v1/shops/:shopId/followups/log': { scope: 'read' },
  'POST /api/v1/shops/:shopId/followups/consent': { scope: 'admin' },
  // F4 老客回访 by phone and mail: the call list is a read (numbers masked); recording a call,
  // 查看号码 and a buyer's email are a person's actions; the SMTP server is the shop admin's.
  'GET /api/v1/shops/:shopId/revisit-calls': { scope: 'read' },
  'POST /api/v1/shops/:shopId/revisit-calls/:callId/outcome': { scope: 'admin', tokens: false },
  'POST /api/v1/shops/:shopId/revisit-calls/:callId/reveal': { scope: 'admin', tokens: false },
  // F4: 接手 a call task (people only; the holder or a lead lets it go).
  'POST /api/v1/shops/:shopId/revisit-calls/:callId/claim': { scope: 'admin', tokens: false },
  'PUT /api/v1/shops/:shopId/buyers/:buyerId/email': { scope: 'admin', tokens: false },
  'GET /api/v1/shops/:shopId/mail-settings': { scope: 'read', roles: LEADS, tokens: false },
  'PUT /api/v1/shops/:shopId/mail-settings': { scope: 'admin', roles: ADMIN, tokens: false },
  // Issue 14: buyers (CRM). Reads for everyone of the shop; notes and tags are a person's edit.
  'GET /api/v1/shops/:shopId/buyers': { scope: 'read' },
  'GET /api/v1/shops/:shopId/buyer-segments': { scope: 'read' },
  'GET /api/v1/buyers/:id': { scope: 'read' },
  'PUT /api/v1/buyers/:id': { scope: 'admin', tokens: false },
  'GET /api/v1/shops/:shopId/vip-tiers': { scope: 'read' },
  'GET /api/v1/shops/:shopId/store-figures': { scope: 'read' },
  // S1: the buyer notice generated and checked (a draft is not saved).
  'POST /api/v1/shops/:shopId/buyer-notice': { scope: 'read' },
  'GET /api/v1/api-tokens': { scope: 'admin', roles: ADMIN, tokens: false },
  // Workbench actions.
  'POST /api/v1/conversations/:id/take': { scope: 'admin', tokens: false },
  'POST /api/v1/conversations/:id/handback': { scope: 'admin', tokens: false },
  'POST /api/v1/conversations/:id/escalate': { scope: 'admin' },
  'POST /api/v1/conversations/:id/close': { scope: 'admin' },
  // D8: an agent settles a promise made in chat.
  'POST /api/v1/promises/:id/settle': { scope: 'admin' },
  // The local API of `dxe` commands on this machine (routes/local.ts checks the loopback peer and
  // the server's local token itself; no session or API token applies).
  'POST /api/v1/local/import-orders': { scope: 'local' },
  'POST /api/v1/local/audit/verify': { scope: 'local' },
  'POST /api/v1/local/audit/checkpoint': { scope: 'local' },
  'POST /api/v1/local/chat/shop': { scope: 'local' },
  'POST /api/v1/local/chat/item': { scope: 'local' },
  'POST /api/v1/local/chat/send': { scope: 'local' },
  'POST /api/v1/conversations/:id/messages': { scope: 'admin', tokens: false },
  'POST /api/v1/cases': { scope: 'admin' },
  'POST /api/v1/cases/:id/transition': { scope: 'admin' },
  // A11: an agent adds a photo, a chat excerpt or a courier record to a case.
  'POST /api/v1/cases/:id/evidence': { scope: 'admin', tokens: false },
  'POST /api/v1/orders/:id/transition': { scope: 'admin' },
  // C8: an agent or lead of the order's shop marks an unpaid order as awaiting a 改价, or ends the wait.
  'POST /api/v1/orders/:id/price-change-await': { scope: 'admin', roles: ['admin', 'supervisor', 'agent'], tokens: false },
  // C9: an agent or lead of the order's shop records the order's confirmation with the buyer and their changes.
  'POST /api/v1/orders/:id/verification': { scope: 'admin', roles: ['admin', 'supervisor', 'agent'], tokens: false },
  // S2: an agent or lead of the order's shop records a 价保 claim on a line, and marks it paid or refused (people only).
  'POST /api/v1/orders/:id/price-protection': { scope: 'admin', roles: ['admin', 'supervisor', 'agent'], tokens: false },
  'POST /api/v1/orders/:id/price-protection/:claimId': { scope: 'admin', roles: ['admin', 'supervisor', 'agent'], tokens: false },
  // N3/N2: an agent or lead records a mismatch complaint's kind on a case, or a compensation paid (people only).
  'POST /api/v1/cases/:id/mismatch': { scope: 'admin', roles: ['admin', 'supervisor', 'agent'], tokens: false },
  'POST /api/v1/orders/:id/compensation-paid': { scope: 'admin', roles: ['admin', 'supervisor', 'agent'], tokens: false },
  // N2: the platform's ruling on a complaint about a sent violation or a broken promise (leads only).
  'POST /api/v1/penalties/ruling': { scope: 'admin', roles: LEADS, tokens: false },
  // N2: a deduction the platform notified that the product cannot see (leads; points from the rules).
  'POST /api/v1/shops/:shopId/penalties': { scope: 'admin', roles: LEADS, tokens: false },
  'POST /api/v1/shops/:shopId/training-examples': { scope: 'admin', tokens: false },
  'DELETE /api/v1/shops/:shopId/training-examples/:id': { scope: 'admin', roles: LEADS, tokens: false },
  // Issue 12: an agent relabels the intent the bot read (becomes a shop example; people only).
  'POST /api/v1/conversations/:id/relabel': { scope: 'admin', tokens: false },
  // Settings: people only.
  'PUT /api/v1/shops/:shopId/standard-answers': { scope: 'admin', roles: LEADS, tokens: false },
  'PUT /api/v1/shops/:shopId/items': { scope: 'admin', roles: LEADS, tokens: false },
  'PUT /api/v1/shops/:shopId/promotions': { scope: 'admin', roles: LEADS, tokens: false },
  'PUT /api/v1/shops/:shopId/rule-overrides': { scope: 'admin', roles: ADMIN, tokens: false },
  'PUT /api/v1/shops/:shopId/shipping-fees': { scope: 'admin', roles: LEADS, tokens: false },
  'POST /api/v1/shops/:shopId/logistics-disruptions': { scope: 'admin', roles: LEADS, tokens: false },
  'PUT /api/v1/shops/:shopId/logistics-disruptions/:id': { scope: 'admin', roles: LEADS, tokens: false },
  'DELETE /api/v1/shops/:shopId/logistics-disruptions/:id': { scope: 'admin', roles: LEADS, tokens: false },
  'PUT /api/v1/shops/:shopId/followups/flows': { scope: 'admin', roles: LEADS, tokens: false },
  'PUT /api/v1/shops/:shopId/followups/templates': { scope: 'admin', roles: LEADS, tokens: false },
  'PUT /api/v1/shops/:shopId/vip-tiers': { scope: 'admin', roles: LEADS, tokens: false },
  // S1: the buyer notice's fields, edited in 设置 (checked by the guard before they are saved).
  'PUT /api/v1/shops/:shopId/buyer-notice': { scope: 'admin', roles: LEADS, tokens: false },
  'POST /api/v1/agents': { scope: 'admin', roles: ADMIN, tokens: false },
  // Issue 15: edit or disable an agent (a disabled agent's sessions end, their chats re-queue).
  'PATCH /api/v1/agents/:id': { scope: 'admin', roles: ADMIN, tokens: false },
  'POST /api/v1/api-tokens': { scope: 'admin', roles: ADMIN, tokens: false },
  'DELETE /api/v1/api-tokens/:id': { scope: 'admin', roles: ADMIN, tokens: false },
  // Reviews and reputation (issue 13): the bridge posts live reviews; reads for the workbench;
  // replying, reporting and recovering act as a person.
  'POST /api/v1/shops/:shopId/reviews': { scope: 'bridge', roles: ADMIN },
  'GET /api/v1/reviews': { scope: 'read' },
  'GET /api/v1/reviews/:id': { scope: 'read' },
  'GET /api/v1/shops/:shopId/reputation': { scope: 'read' },
  'POST /api/v1/reviews/:id/reply-check': { scope: 'read' },
  'POST /api/v1/reviews/:id/reply': { scope: 'admin', tokens: false },
  'POST /api/v1/reviews/:id/report': { scope: 'admin', tokens: false },
  'POST /api/v1/reviews/:id/report-outcome': { scope: 'admin', tokens: false },
  'POST /api/v1/reviews/:id/recovery': { scope: 'admin', tokens: false },
  // A review export uploaded from the 评价 screen (the same import as the CLI): leads, people only.
  'POST /api/v1/shops/:shopId/reviews/import': { scope: 'admin', roles: LEADS, tokens: false },
  'POST /api/v1/shops/:shopId/orders/import': { scope: 'admin', roles: LEADS, tokens: false },
  // T1 for reviews: per-agent outcomes are the leads' view.
  'GET /api/v1/shops/:shopId/review-team': { scope: 'read', roles: LEADS, tokens: false },
  'POST /api/v1/local/import-reviews': { scope: 'local' },
};

const PUBLIC: RouteAccess = { scope: 'public' };

/** The table's entry for a route; routes outside /api (pages, widget, health) are public. */
export function accessOf(method: string, url: string): RouteAccess | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  const entry = ROUTE_ACCESS[`${m} ${url}`];
  if (entry) return entry;
  return url === '/api' || url.startsWith('/api/') ? undefined : PUBLIC;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface RouteRecord {
  method: string;
  url: string;
  access: RouteAccess;
}
const routeLists = new WeakMap<FastifyInstance, RouteRecord[]>();

/** Every route the app registered, as fastify reported it (the authorization matrix walks this). */
export function routesOf(app: FastifyInstance): readonly RouteRecord[] {
  return routeLists.get(app) ?? [];
}

/** Puts each route's entry in its config; a route under /api without one stops the start. */
export function registerRouteAccess(app: FastifyInstance): void {
  const list: RouteRecord[] = [];
  routeLists.set(app, list);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const access = accessOf(method, route.url);
      if (!access) {
        throw new Error(`route ${method} ${route.url} has no entry in src/server/route-access.ts (who may call it?)`);
      }
      route.config = { ...(route.config ?? {}), access };
      list.push({ method, url: route.url, access });
    }
  });
}

/** FORBIDDEN unless the principal may call a route with this entry. */
export function assertRouteAccess(p: Principal, access: RouteAccess | undefined): void {
  if (!access) throw new DxeError('FORBIDDEN');
  if (access.scope === 'public' || access.scope === 'ticket' || access.scope === 'local') return;
  if (p.kind === 'token') {
    if (access.tokens === false) throw new DxeError('FORBIDDEN', 'API 令牌不能执行此操作，请使用客服账号', { reason: 'token_not_allowed' });
    if (access.scope === 'any') return;
    if (!(p.scopes ?? []).includes(access.scope)) {
      throw new DxeError('FORBIDDEN', `此 API 令牌没有「${access.scope}」权限`, { requiredScope: access.scope });
    }
    return;
  }
  if (access.roles && !access.roles.includes(p.role as Role)) throw new DxeError('FORBIDDEN');
}

/** Issue 15: the workbench tabs whose routes this principal may all call (GET /api/v1/me). */
export function tabsFor(p: Principal): WorkbenchTab[] {
  return (Object.keys(WORKBENCH_TABS) as WorkbenchTab[]).filter((tab) =>
    WORKBENCH_TABS[tab].every((key) => {
      try {
        assertRouteAccess(p, ROUTE_ACCESS[key]);
        return true;
      } catch {
        return false;
      }
    }),
  );
}
