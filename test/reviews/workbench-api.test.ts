// The review workbench through the HTTP API (issue 13): an imported export listed bad-first with
// causes, a reply drafted from the causes and checked by the guard (a contact off the platform is
// blocked), a flagged review reported and tracked to its outcome, a recovery that never pays for
// a changed review (R7, D9), the reputation with its forecast, and the bridge's live review.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReviews } from '../../src/app/reviews/intake.js';
import { openReviewImport } from '../../src/channels/review-files/read-review-file.js';
import type { ReviewDetailView, ReviewListView, ReputationView } from '../../src/core/contract/reviews.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let agent: string;
let admin: string;
const SHOP = 'demo-taobao';

beforeAll(async () => {
  t = await startTestApp({ now: new Date('2026-12-01T04:00:00.000Z') });
  const source = await openReviewImport({ platform: 'taobao', filePath: fileURLToPath(new URL('../fixtures/reviews/taobao-reviews-gbk.csv', import.meta.url)) });
  await importReviews(t.database, { shopId: SHOP, source });
  agent = await t.login('agent2');
  admin = await t.login('admin');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function list(): Promise<ReviewListView['items']> {
  const res = await call(agent, 'GET', `/api/v1/reviews?shopId=${SHOP}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as ReviewListView).items;
}

describe('review workbench API', () => {
  it('lists bad and neutral reviews first, flagged ones at the top, with their causes', async () => {
    const items = await list();
    const ratings = items.map((i) => i.rating);
    const firstGood = ratings.indexOf('good');
    expect(firstGood).toBeGreaterThan(0);
    expect(ratings.slice(firstGood).every((r) => r === 'good')).toBe(true);
    expect(items[0]?.flags.length).toBeGreaterThan(0);
    expect(items[0]?.priorityZh).toEqual(expect.arrayContaining(['差评', '可举报']));
    const quality = items.find((i) => i.text.startsWith('穿了一次就开线了'));
    expect(quality?.causes).toContain('quality');
    expect(quality?.followUp?.text).toBe('洗了一次还掉色');
    expect(quality?.replyAllowed).toBe(true);
    expect(quality?.replyUntil).toBeTruthy();
  });

  it('drafts a reply from the causes; the guard blocks a contact off the platform and passes the draft', async () => {
    const target = (await list()).find((i) => i.text.startsWith('穿了一次就开线了'))!;
    const detail = (await call(agent, 'GET', `/api/v1/reviews/${target.id}`)).json() as ReviewDetailView;
    expect(detail.draft).toContain('质量问题');
    const blocked = await call(agent, 'POST', `/api/v1/reviews/${target.id}/reply`, { text: '亲，加我微信 abc12345 给您退款' });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.code).toBe('REPLY_BLOCKED');
    const check = await call(agent, 'POST', `/api/v1/reviews/${target.id}/reply-check`, { text: detail.draft });
    expect(check.json().verdict).not.toBe('block');
    const sent = await call(agent, 'POST', `/api/v1/reviews/${target.id}/reply`, { text: detail.draft });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().review).toMatchObject({ status: 'replied', sellerReply: detail.draft, replyAllowed: false });
    const again = await call(agent, 'POST', `/api/v1/reviews/${target.id}/reply`, { text: '再说一次' });
    expect(again.statusCode).toBe(409);
  });

  it('reports an abusive review with reason and evidence, tracked to its outcome', async () => {
    const abusive = (await list()).find((i) => i.flags.includes('abuse'))!;
    const reported = await call(agent, 'POST', `/api/v1/reviews/${abusive.id}/report`, { reason: 'abuse', evidence: '评价辱骂店铺：“卖家傻逼”' });
    expect(reported.statusCode).toBe(200);
    expect(reported.json().review).toMatchObject({ status: 'reported', report: { reason: 'abuse', state: 'submitted' } });
    const outcome = await call(agent, 'POST', `/api/v1/reviews/${abusive.id}/report-outcome`, { outcome: 'removed', note: '平台已删除' });
    expect(outcome.json().review).toMatchObject({ status: 'done', report: { state: 'removed' } });
    expect((await list()).some((i) => i.id === abusive.id)).toBe(false);
  });

  it('a recovery runs contact → resolve → ask, and refuses to pay for a changed review', async () => {
    const neutral = (await list()).find((i) => i.rating === 'neutral')!;
    const step = (body: object) => call(agent, 'POST', `/api/v1/reviews/${neutral.id}/recovery`, body);
    expect((await step({ step: 'open' })).statusCode).toBe(200);
    expect((await step({ step: 'resolved', resolution: 'resend' })).statusCode).toBe(409);
    expect((await step({ step: 'contacted', note: '已在聊天中联系买家' })).statusCode).toBe(200);
    expect((await step({ step: 'resolved', resolution: 'resend', note: '补发了大一码' })).statusCode).toBe(200);
    const bribe = await step({ step: 'asked', note: '改成好评返现 10 元' });
    expect(bribe.statusCode).toBe(422);
    const asked = await step({ step: 'asked', note: '问买家是否愿意更新评价' });
    expect(asked.json().review.recovery).toMatchObject({ state: 'asked', resolution: 'resend' });
    expect(asked.json().review.recovery.changeUntil).toBeTruthy();
  });

  it('shows DSR over six months, the forecast against the category average, credit and causes', async () => {
    const res = await call(agent, 'GET', `/api/v1/shops/${SHOP}/reputation?service=4.5&description=4.9`);
    expect(res.statusCode).toBe(200);
    const r = res.json() as ReputationView;
    expect(r.months).toBe(6);
    expect(r.dsr.count).toBe(7);
    const service = r.forecast.find((f) => f.dimension === 'service');
    expect(service?.messageZh).toMatch(/服务态度/);
    expect(r.forecast.find((f) => f.dimension === 'description')?.ratingsToFallBelow).toBe(0);
    expect(r.counts.bad).toBeGreaterThan(0);
    expect(r.causes.map((c) => c.cause)).toEqual(expect.arrayContaining(['quality', 'size', 'logistics']));
    expect(typeof r.credit.credit).toBe('number');
    expect(r.causeTrend).toEqual(expect.arrayContaining([expect.objectContaining({ month: '2026-11', itemId: '6001', cause: 'quality' })]));
  });

  it('the bridge posts a live review once per id; a follow-up attaches to it', async () => {
    const body = { review_id: 'LIVE-9', text: '物流太慢了，等了十天', at: '2026-11-30T10:00:00+08:00', rating: 'bad', dsr: { description: 4, service: 4, logistics: 1 } };
    const first = await call(admin, 'POST', `/api/v1/shops/${SHOP}/reviews`, body);
    expect(first.statusCode).toBe(201);
    const second = await call(admin, 'POST', `/api/v1/shops/${SHOP}/reviews`, body);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ created: false, review_id: first.json().review_id });
    const follow = await call(admin, 'POST', `/api/v1/shops/${SHOP}/reviews`, { review_id: 'LIVE-9-F', text: '后来补发很快', at: '2026-12-01T10:00:00+08:00', follow_up_of: 'LIVE-9' });
    expect(follow.json()).toMatchObject({ updated: true, review_id: first.json().review_id });
    const item = (await list()).find((i) => i.id === first.json().review_id);
    expect(item?.causes).toContain('logistics');
    expect(item?.followUp?.text).toBe('后来补发很快');
  });

  it('an agent of another shop sees none of them', async () => {
    const other = await t.login('agent1');
    const res = await call(other, 'GET', `/api/v1/reviews?shopId=${SHOP}`);
    expect(res.statusCode).toBe(404);
  });
});
