// T1 for reviews (issue 13): each review is laid at the door of the agent who served the buyer's
// conversation for its order — the one before payment, not a later chat — with DSR means, bad
// reviews, service complaints, recoveries and revised reviews per agent; the bot and "never
// wrote" are their own rows; an agent (not a lead) is refused; another org's shop is not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewTeamView } from '../../src/core/contract/reviews.js';
import { reviewOutcomesByAgent, servingAgent } from '../../src/core/reviews/team.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
const SHOP = 'demo-taobao';
const NOW = new Date('2026-12-01T04:00:00.000Z');
let a1: { id: string; display_name: string };
let a2: { id: string; display_name: string };

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
  const agents = await t.database.query<{ id: string; display_name: string }>(`SELECT id, display_name FROM agents WHERE role = 'agent' ORDER BY id LIMIT 2`);
  [a1, a2] = [agents[0]!, agents[1]!];
  const q = (sql: string, params: unknown[]) => t.database.query(sql, params);
  for (const b of ['tb-buyer-1', 'tb-buyer-2', 'tb-buyer-3', 'tb-buyer-4']) {
    await q(`INSERT INTO buyers (id, shop_id, platform_account) VALUES ($1, $2, $1)`, [b, SHOP]);
  }
  // buyer-1: served by a1 before paying, later chatted with a2 about delivery.
  await q(`INSERT INTO conversations (id, shop_id, buyer_id, channel, assignee_id, created_at) VALUES ('tc-1', $1, 'tb-buyer-1', 'taobao', $2, '2026-11-01T02:00:00Z')`, [SHOP, a1.id]);
  await q(`INSERT INTO conversations (id, shop_id, buyer_id, channel, assignee_id, created_at) VALUES ('tc-1b', $1, 'tb-buyer-1', 'taobao', $2, '2026-11-05T02:00:00Z')`, [SHOP, a2.id]);
  // buyer-2: served by a2; buyer-3: the bot alone; buyer-4 never wrote.
  await q(`INSERT INTO conversations (id, shop_id, buyer_id, channel, assignee_id, created_at) VALUES ('tc-2', $1, 'tb-buyer-2', 'taobao', $2, '2026-11-02T02:00:00Z')`, [SHOP, a2.id]);
  await q(`INSERT INTO conversations (id, shop_id, buyer_id, channel, assignee_id, created_at) VALUES ('tc-3', $1, 'tb-buyer-3', 'taobao', NULL, '2026-11-02T02:00:00Z')`, [SHOP]);
  for (const [id, buyer] of [['to-1', 'tb-buyer-1'], ['to-2', 'tb-buyer-2'], ['to-3', 'tb-buyer-3'], ['to-4', 'tb-buyer-4']]) {
    await q(`INSERT INTO orders (id, shop_id, platform_order_no, buyer_id, state, paid_at) VALUES ($1, $2, $1, $3, 'completed', '2026-11-03T02:00:00Z')`, [id, SHOP, buyer]);
  }
  const review = (id: string, order: string, buyer: string, rating: string, causes: string[], dsr: [number, number, number] | null, recovery: string | null) =>
    q(
      `INSERT INTO reviews (id, shop_id, order_id, buyer_id, rating, text, at, platform_review_id, sentiment, causes, dsr, recovery)
       VALUES ($1, $2, $3, $4, $5, '评价', '2026-11-10T02:00:00Z', $1, $6, $7::jsonb, $8::jsonb, $9::jsonb)`,
      [id, SHOP, order, buyer, rating, rating === 'good' ? 'positive' : 'negative', JSON.stringify(causes),
        dsr ? JSON.stringify({ description: dsr[0], service: dsr[1], logistics: dsr[2] }) : null,
        recovery ? JSON.stringify({ state: recovery, resolution: 'refund', steps: [] }) : null],
    );
  await review('tr-1', 'to-1', 'tb-buyer-1', 'bad', ['service'], [3, 1, 3], 'revised');
  await review('tr-2', 'to-2', 'tb-buyer-2', 'good', [], [5, 5, 5], null);
  await review('tr-3', 'to-3', 'tb-buyer-3', 'neutral', ['logistics'], [4, 4, 2], 'open');
  await review('tr-4', 'to-4', 'tb-buyer-4', 'bad', ['quality'], null, null);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('review outcomes per agent (T1, issue 13)', () => {
  it('reads each review against the conversation that sold the order, with DSR and outcomes', async () => {
    const admin = await t.login('admin');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/shops/${SHOP}/review-team`, headers: { authorization: `Bearer ${admin}` } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as ReviewTeamView;
    const row = (agent: string) => body.rows.find((r) => r.agent === agent);
    expect(row(a1.id)).toMatchObject({ nameZh: a1.display_name, reviews: 1, bad: 1, serviceComplaints: 1, recoveriesOpened: 1, recoveriesResolved: 1, revised: 1, dsr: { description: 3, service: 1, logistics: 3, count: 1 } });
    expect(row(a2.id)).toMatchObject({ reviews: 1, good: 1, bad: 0, dsr: { service: 5, count: 1 } });
    expect(row('bot')).toMatchObject({ nameZh: '机器人接待（未转人工）', neutral: 1, recoveriesOpened: 1, recoveriesResolved: 0, revised: 0 });
    expect(row('none')).toMatchObject({ nameZh: '未咨询客服', bad: 1, dsr: { description: null, count: 0 } });
    // Worst first: the rows with bad and neutral reviews head the table.
    expect(body.rows.at(-1)?.agent).toBe(a2.id);
  });

  it('is the leads view: an agent is refused; months outside 1–12 get a Chinese error', async () => {
    const agent = await t.login('agent2');
    const refused = await t.app.inject({ method: 'GET', url: `/api/v1/shops/${SHOP}/review-team`, headers: { authorization: `Bearer ${agent}` } });
    expect(refused.statusCode).toBe(403);
    const admin = await t.login('admin');
    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/shops/${SHOP}/review-team?months=40`, headers: { authorization: `Bearer ${admin}` } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('月数应为 1–12');
  });

  it('servingAgent prefers the conversation before payment over a later one', () => {
    const review = { shopId: 's', buyerId: 'b', at: new Date('2026-11-10'), orderPaidAt: new Date('2026-11-03'), rating: 'bad' as const, sentiment: 'negative' as const, causes: [], dsr: null, recoveryState: null };
    const convs = [
      { shopId: 's', buyerId: 'b', assigneeId: 'early', createdAt: new Date('2026-11-01') },
      { shopId: 's', buyerId: 'b', assigneeId: 'late', createdAt: new Date('2026-11-05') },
    ];
    expect(servingAgent(review, convs)).toBe('early');
    expect(servingAgent({ ...review, orderPaidAt: null }, convs)).toBe('late');
    expect(reviewOutcomesByAgent([{ ...review, buyerId: null }], convs)[0]?.agent).toBe('none');
  });
});
