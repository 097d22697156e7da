// Text is checked where it is written (issue 11): a standard answer (the reply box's quick
// phrases) or an offer text the bot sends later passes the reply guard on save. A blocking
// finding refuses the save with a stable code and a Chinese message naming the rule, its points
// and the rewrite, and nothing is written; a warning saves and comes back with the answer.
// Real server and store (PGlite), demo organisation (Tmall shop: 包邮, D5 4 points).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SHOP = 'demo-tmall';
let h: TestApp;
let token: string;

beforeAll(async () => {
  h = await startTestApp();
  token = await h.login('supervisor');
}, 180_000);
afterAll(async () => h?.close());

const put = (path: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: 'PUT', url: `/api/v1/shops/${SHOP}/${path}`, headers: { authorization: `Bearer ${token}` }, payload });
const answers = async () =>
  (await h.app.inject({ method: 'GET', url: `/api/v1/shops/${SHOP}/standard-answers`, headers: { authorization: `Bearer ${token}` } })).json() as {
    items: { intent: string; variants: string[] }[];
  };

describe('save-time guard (issue 11)', () => {
  it('a standard answer with a WeChat id is refused, naming the rule in Chinese with the rewrite; nothing is saved', async () => {
    const before = (await answers()).items.find((a) => a.intent === 'logistics');
    const res = await put('standard-answers', { items: [{ intent: 'logistics', variants: ['亲，物流问题可以加我微信abc12345详聊'] }] });
    expect(res.statusCode).toBe(422);
    const body = (res.json() as { error: { code: string; message: string } }).error;
    expect(body.code).toBe('TEXT_BLOCKED');
    expect(body.message).toContain('泄露联系方式或站外链接');
    expect(body.message).toContain('D2');
    expect(body.message).toContain('第 1 种说法');
    expect(body.message).toMatch(/建议改为：“.+”/);
    expect((await answers()).items.find((a) => a.intent === 'logistics')).toEqual(before);
  });

  it('one bad wording refuses the whole save (the good ones are not half-written)', async () => {
    const before = (await answers()).items.find((a) => a.intent === 'greeting');
    const res = await put('standard-answers', {
      items: [
        { intent: 'greeting', variants: ['亲，您好，有什么可以帮您？'] },
        { intent: 'shipping_fee', variants: ['亲，这款是特价商品不包邮哦'] },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('扣 4 分'); // D5 on Tmall (rules/tmall.yaml)
    expect((await answers()).items.find((a) => a.intent === 'greeting')).toEqual(before);
  });

  it('a warning saves and is returned with its rule name', async () => {
    const res = await put('standard-answers', { items: [{ intent: 'ship_time', variants: ['亲，明天一定能送到哦'] }] });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { ok: boolean; warnings: { rule: string; title: string; severity: string; rewrite: string }[] };
    expect(body.warnings.map((w) => [w.rule, w.severity])).toEqual([['D11', 'warn']]);
    expect(body.warnings[0]!.title).not.toBe('D11');
    expect((await answers()).items.find((a) => a.intent === 'ship_time')?.variants).toEqual(['亲，明天一定能送到哦']);
  });

  it("every shipped standard answer saves back unchanged: placeholders such as {size.small} are not read as links (D1)", async () => {
    const shipped = (await answers()).items.filter((a) => a.variants.some((v) => v.includes('{size.small}')));
    expect(shipped.length).toBeGreaterThan(0);
    const res = await put('standard-answers', { items: shipped });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { warnings: { severity: string }[] }).warnings.filter((w) => w.severity === 'block')).toEqual([]);
  });

  it('a clean answer saves with no warnings', async () => {
    const res = await put('standard-answers', { items: [{ intent: 'greeting', variants: ['亲，您好，有什么可以帮您？'] }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().warnings).toEqual([]);
  });

  it('an offer text the bot will send is checked too (好评返现)', async () => {
    const res = await put('promotions', { items: [{ kind: 'coupon', text: '给五星好评返现5元', value: {} }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('TEXT_BLOCKED');
    expect(res.json().error.message).toContain('好评返现');
  });
});
