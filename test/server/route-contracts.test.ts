// Issue 9: every route fastify registers has its contract in core/contract/routes.ts (request
// schemas, and the reply view where the reply is JSON), and nothing is listed there that the server
// no longer serves — a new route without schemas fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROUTE_CONTRACTS, type RouteContract } from '../../src/core/contract/routes.js';
import { findWebDist } from '../../src/server/routes/web.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

describe('route contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The built workbench's files, served one route each by @fastify/static (not API routes). */
  function staticFiles(): Set<string> {
    const dist = findWebDist();
    const out = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (dist) out.add(`GET /${relative(dist, join(dir, e.name)).split('\\').join('/')}`);
      }
    };
    if (dist) walk(dist);
    return out;
  }

  it('every registered route has a contract, and every contract a route', () => {
    const files = staticFiles();
    const registered = [...new Set(t.app.routeList)].filter((r) => !files.has(r)).sort();
    expect(registered.length).toBeGreaterThan(40);
    const listed = Object.keys(ROUTE_CONTRACTS).sort();
    expect(registered.filter((r) => !listed.includes(r)), 'routes without a contract in core/contract/routes.ts').toEqual([]);
    expect(listed.filter((r) => !registered.includes(r)), 'contracts of routes the server does not register').toEqual([]);
  });

  it('a route with path parameters declares their schema; a body-taking method its body', () => {
    for (const [key, c] of Object.entries(ROUTE_CONTRACTS) as [string, RouteContract][]) {
      const [method, url] = key.split(' ') as [string, string];
      if (url.includes('/:')) expect(c.params, `${key}: params schema`).toBeDefined();
      if ((method === 'POST' || method === 'PUT') && !/\/(take|handback|close)$|\/auth\/logout$|\/ws\/ticket$|\/local\/audit\/(verify|checkpoint)$/.test(url)) {
        expect(c.body, `${key}: body schema`).toBeDefined();
      }
    }
  });

  it('the contract rejects what the routes reject, with the Chinese message the route answers', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: '', password: 'x' } });
    expect(res.statusCode).toBe(400);
    const parsed = ROUTE_CONTRACTS['POST /api/v1/auth/login'].body.safeParse({ login: '', password: 'x' });
    expect(parsed.success).toBe(false);
    expect(res.body).toContain(parsed.error!.issues[0]!.message);
  });
});
