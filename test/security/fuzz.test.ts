// Property-based fuzzing of every route (issue 10, "tests that stay"): bodies, path parameters
// and query strings drawn by fast-check — hostile text (NUL, lone surrogates, huge and fractional
// numbers, deep nesting, malformed JSON) mixed with plausible field names — sent by an admin (the
// caller who reaches furthest) to every route in fastify's route list. Fixed seed and a bounded
// count per route: the same inputs every run, well under a minute on a normal machine.
// Property: never a 5xx, never a stack trace or "Maximum call stack" in the answer, and every
// refusal under /api is the one error shape with a code.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../../src/app/auth/auth.js';
import { DEMO_PASSWORD } from '../../src/app/demo/seed-demo.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { routesOf, type RouteRecord } from '../../src/server/route-access.js';
import type { Database } from '../../src/store/open-database.js';
import { openDemoDatabase, databaseLabel } from '../helpers/database.js';

const NOW = new Date('2026-11-23T06:00:00.000Z');
const SEED = 20261206;
const RUNS_PER_ROUTE = 25;

/** encodeURIComponent, except that lone surrogates go out as the bytes a sloppy client sends. */
function encodeLoosely(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    } else out += encodeURIComponent(ch);
  }
  return out;
}

const nasty = fc.constantFrom(
  '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\ud83d', '💥', '𠮷野家', '', ' ', '../../etc/passwd', '%00', '%ZZ', "'; drop table orders; --",
  '<script>alert(1)</script>', '2147483648', '-1', '1e309', 'NaN', '0x1F', '9'.repeat(40), '１２３', '\u202e', 'null', '[]', '{}',
);
const text = fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }));
const numberish = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 31) - 1, 1e308, -0, 0.5));
const leaf = fc.oneof(text, numberish, fc.boolean(), fc.constant(null));
const FIELDS = [
  'login', 'password', 'text', 'shopId', 'orderId', 'type', 'reason', 'amount', 'note', 'event', 'status', 'name', 'scopes', 'items',
  'buyer_account_id', 'message_id', 'sent_at', 'item_id', 'platformOrderNo', 'state', 'paidYuan', 'paidAt', 'lines', 'qty', 'priceYuan',
  'override', 'intent', 'variants', 'role', 'shopIds', 'displayName', 'at', 'buyerConsented', '__proto__', 'constructor',
];
const plausible = fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.constantFrom(...FIELDS), leaf, { maxKeys: 3 })), { maxKeys: 6 });
const deep = fc.integer({ min: 50, max: 6000 }).map((n) => ({ raw: '['.repeat(n) + ']'.repeat(n) }));
const body = fc.oneof(
  { weight: 4, arbitrary: plausible.map((v) => ({ json: v as unknown })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ json: v as unknown })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((raw) => ({ raw })) },
  { weight: 1, arbitrary: deep },
);
const QUERY_KEYS = ['after', 'afterSeq', 'limit', 'state', 'q', 'shopId', 'format', 'status', 'from', 'to', 'groupBy', 'idleMinutes', 'x'];
const query = fc.dictionary(fc.constantFrom(...QUERY_KEYS), fc.oneof(text, numberish.map(String)), { maxKeys: 4 });

describe(`fuzzing every route (${databaseLabel})`, () => {
  let database: Database;
  let app: FastifyInstance;
  let admin = '';
  let bridge = '';
  const real: Record<string, string> = {};

  beforeAll(async () => {
    database = await openDemoDatabase(NOW);
    app = await buildApp({ database, config: loadConfig({ TIMERS: 'off', LOGIN_RATE_PER_MINUTE: '10000', LOGIN_MAX_FAILURES: '1000' }), now: () => NOW, logger: false });
    await app.ready();
    admin = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'admin', password: DEMO_PASSWORD } })).json().token;
    const [org] = await database.query<{ id: string }>("select org_id as id from shops where id = 'demo-tmall'");
    bridge = (await createApiToken(database, { orgId: org!.id, shopId: 'demo-tmall', name: 'fuzz', scopes: ['bridge', 'read', 'admin'] })).token;
    const one = async (sql: string) => (await database.query<{ id: string }>(sql))[0]!.id;
    real.conversation = await one("select id from conversations where shop_id = 'demo-tmall' limit 1");
    real.order = await one("select id from orders where shop_id = 'demo-tmall' limit 1");
    real.case = await one("select id from aftersales_cases where shop_id = 'demo-tmall' limit 1");
  }, 180_000); // seeding the demo is slow on a busy machine
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** A real id for the parameter half the time, so the fuzz reaches past the lookups too. */
  function realParam(route: RouteRecord, name: string): string {
    if (name === 'shopId') return 'demo-tmall';
    if (route.url.includes('/conversations/')) return real.conversation!;
    if (route.url.startsWith('/api/v1/orders/')) return real.order!;
    if (route.url.startsWith('/api/v1/cases/')) return real.case!;
    return 'no-such-id';
  }

  it('no input gives a 5xx, a stack trace, or an answer outside the error shape', async () => {
    const routes = routesOf(app).filter(
      (r) => r.method !== 'HEAD' && r.access.scope !== 'ticket' && (r.url.startsWith('/api/') || r.url.startsWith('/widget/:')) && !r.url.endsWith('/ws'),
    );
    expect(routes.length).toBeGreaterThan(40);
    let tried = 0;
    let passed = 0;
    const failures: string[] = [];
    for (const [i, route] of routes.entries()) {
      const names = (route.url.match(/:(\w+)/g) ?? []).map((n) => n.slice(1));
      const input = fc.record({
        params: fc.tuple(...names.map(() => fc.oneof(text, fc.constant(null)))),
        query,
        body,
        asBridge: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params, query: q, body: b, asBridge }) => {
          let url = route.url;
          names.forEach((name, k) => {
            const v = params[k] ?? realParam(route, name);
            url = url.replace(`:${name}`, v === '' ? '%20' : encodeLoosely(v));
          });
          const qs = Object.entries(q).map(([k, v]) => `${k}=${encodeLoosely(v)}`).join('&');
          if (qs) url += `?${qs}`;
          const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
          const res = await app.inject({
            method: route.method as 'POST',
            url,
            headers: { authorization: `Bearer ${asBridge ? bridge : admin}`, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
            remoteAddress: '10.99.0.1',
            ...(hasBody ? { payload: 'raw' in b ? b.raw : JSON.stringify(b.json) ?? 'null' } : {}),
          });
          tried++;
          const problems: string[] = [];
          if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
          if (/\n\s+at |Maximum call stack|stack size/i.test(res.body)) problems.push('stack in the answer');
          if (res.statusCode >= 400 && route.url.startsWith('/api/')) {
            const err = (() => {
              try {
                return (res.json() as { error?: { code?: unknown; message?: unknown } }).error;
              } catch {
                return undefined;
              }
            })();
            if (typeof err?.code !== 'string' || typeof err.message !== 'string') problems.push('not the error shape');
          }
          if (problems.length) {
            failures.push(`${route.method} ${url} → ${res.statusCode} ${problems.join(', ')}: ${res.body.slice(0, 200)}`);
            return false;
          }
          passed++;
          return true;
        }),
        { seed: SEED + i, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      ).catch(() => undefined);
    }
    console.log(`fuzz: ${routes.length} routes × ${RUNS_PER_ROUTE} inputs (seed ${SEED}) — tried ${tried}, passed ${passed}`);
    expect(failures).toEqual([]);
    expect(tried).toBe(routes.length * RUNS_PER_ROUTE);
  }, 300_000);
});
