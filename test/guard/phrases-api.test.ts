// C14 in the workbench: GET /api/v1/guard/phrases gives the reply box the model-phrase library
// (rules/service-phrases.yaml) by category, and each phrase the picker or a polite form puts into
// the draft passes the same per-keystroke check the reply box runs (POST /guard/check). Real
// server and store (PGlite), demo organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicePhrasesViewSchema } from '../../src/core/contract/messages.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

let h: TestApp;
let token: string;

beforeAll(async () => {
  h = await startTestApp();
  token = await h.login('agent1');
}, 180_000);
afterAll(async () => h?.close());

const get = (url: string, auth = true) => h.app.inject({ method: 'GET', url, headers: auth ? { authorization: `Bearer ${token}` } : {} });
const check = async (text: string) =>
  (
    await h.app.inject({ method: 'POST', url: '/api/v1/guard/check', headers: { authorization: `Bearer ${token}` }, payload: { text, shopId: 'demo-tmall' } })
  ).json() as { verdict: string; violations: Array<{ rule: string; span: [number, number] }> };

describe('C14 model phrases for the reply box', () => {
  it('lists the four categories of seed 004 with their Chinese titles, in the contract shape', async () => {
    const res = await get('/api/v1/guard/phrases');
    expect(res.statusCode).toBe(200);
    const body = servicePhrasesViewSchema.parse(res.json());
    expect(body.groups.map((g) => g.category)).toEqual(['empathy', 'valued', 'i_not_you', 'buyer_view']);
    expect(body.groups.find((g) => g.category === 'i_not_you')?.title).toBe('用"我"代替"您"');
    for (const g of body.groups) expect(g.phrases.length).toBeGreaterThan(0);
  });

  it('needs a session like every workbench read', async () => {
    expect((await get('/api/v1/guard/phrases', false)).statusCode).toBe(401);
  });

  it('every phrase the picker offers passes the reply-box check', async () => {
    const body = servicePhrasesViewSchema.parse((await get('/api/v1/guard/phrases')).json());
    for (const p of body.groups.flatMap((g) => g.phrases)) expect((await check(p)).verdict, p).toBe('pass');
  });

  it('a blaming phrase replaced by an i_not_you phrase at its span (what the polite form does) passes', async () => {
    const draft = '是您自己选错了尺码，我们可以帮您换一件';
    const first = await check(draft);
    const blame = first.violations.find((v) => v.rule === 'D10');
    expect(blame).toBeDefined();
    const body = servicePhrasesViewSchema.parse((await get('/api/v1/guard/phrases')).json());
    const polite = body.groups.find((g) => g.category === 'i_not_you')?.phrases[0] ?? '';
    const [s, e] = blame?.span ?? [0, 0];
    const fixed = draft.slice(0, s) + polite + draft.slice(e);
    expect(fixed).toContain('我们可以帮您换一件');
    expect((await check(fixed)).verdict).toBe('pass');
  });
});
