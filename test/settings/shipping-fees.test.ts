// O6: a shop's own 运费模板 through the API (PGlite, demo shops). A supervisor saves and reads it,
// a bad table is refused with a stable code and a Chinese reason per problem, agents may read but
// not write, another shop's agent gets 404, the save is audited, and the bot then answers a
// freight question with the shop's own figure through the real inbound path.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { handleInboundMessage } from '../../src/app/inbound/handle-inbound-message.js';
import { invalidateShopContext } from '../../src/app/shops/shop-context.js';
import type { ShippingFeesView } from '../../src/core/contract/shipping-fees.js';
import * as s from '../../src/store/schema/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

const SHOP = 'demo-taobao';
const TABLE = {
  first_kg: 1,
  default: { first: 8, extra_per_kg: 2 },
  regions: [
    { provinces: ['新疆', '西藏自治区'], first: 20, extra_per_kg: 9 },
    { provinces: ['香港'], first: 40, first_kg: 0.5, extra_per_kg: null },
  ],
};

describe(`a shop's own 运费模板 (O6) on ${databaseLabel}`, () => {
  let t: TestApp;
  let supervisor: string;
  let agent1: string; // demo-tmall only
  let agent2: string; // demo-taobao and demo-tmall
  const bus = createLocalBus();
  beforeAll(async () => {
    t = await startTestApp();
    [supervisor, agent1, agent2] = await Promise.all([t.login('supervisor'), t.login('agent1'), t.login('agent2')]);
    await t.database.db
      .update(s.shops)
      .set({ settings: sql`${s.shops.settings} || '{"freeShipping": false}'::jsonb` })
      .where(eq(s.shops.id, SHOP));
    invalidateShopContext(t.database, SHOP);
  }, 120_000);
  afterAll(async () => t?.close());

  const call = (token: string, method: 'GET' | 'PUT', payload?: unknown, shop = SHOP) =>
    t.app.inject({ method, url: `/api/v1/shops/${shop}/shipping-fees`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const ask = async (id: string, text: string) => {
    const r = await handleInboundMessage({ database: t.database, bus, now: t.now }, { shopId: SHOP, buyerAccountId: `o6_${id}`, channel: 'bridge', messageId: `o6-${id}`, text });
    return { text: r.replies.map((m) => m.text).join('\n'), handover: r.handover };
  };

  it('reads the rules example until the shop sets its own table', async () => {
    const res = await call(agent2, 'GET');
    expect(res.statusCode).toBe(200);
    const view = res.json<ShippingFeesView>();
    expect(view.own).toBe(false);
    expect(view.table).toEqual(view.example);
    expect(view.table.regions.find((r) => r.provinces.includes('新疆'))?.first).toBe(18); // rules/common.yaml, seed 004
    expect(view.provinces).toContain('黑龙江');
  });

  it('refuses a bad table with stable codes and Chinese reasons, and keeps the stored one', async () => {
    const bad = {
      first_kg: 0,
      default: { first: -1, extra_per_kg: 2 },
      regions: [
        { provinces: ['新疆', '火星'], first: 10000, extra_per_kg: 1 },
        { provinces: ['新疆维吾尔自治区'], first: 5, extra_per_kg: null },
        { provinces: [], first: 5, extra_per_kg: 1 },
      ],
    };
    const res = await call(supervisor, 'PUT', { table: bad });
    expect(res.statusCode, res.body).toBe(400);
    const err = res.json<{ error: { code: string; message: string; details: { fields: { code: string; path: string; messageZh: string }[] } } }>().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toMatch(/^运费模板有误/);
    expect(err.details.fields.map((f) => f.code).sort()).toEqual(
      ['FEE_FIRST_KG', 'FEE_GROUP_EMPTY', 'FEE_PRICE_RANGE', 'FEE_PRICE_RANGE', 'FEE_PROVINCE_TWICE', 'FEE_PROVINCE_UNKNOWN'].sort(),
    );
    expect(err.details.fields.find((f) => f.code === 'FEE_PROVINCE_UNKNOWN')!.messageZh).toContain('「火星」不是已知的省份名称');
    expect(err.details.fields.find((f) => f.code === 'FEE_PROVINCE_TWICE')!.messageZh).toContain('「新疆」同时出现在第 1 组和第 2 组');
    // More than 40 groups.
    const many = { ...TABLE, regions: Array.from({ length: 41 }, () => ({ provinces: ['北京'], first: 1, extra_per_kg: 1 })) };
    const tooMany = (await call(supervisor, 'PUT', { table: many })).json<{ error: { details: { fields: { code: string }[] } } }>().error;
    expect(tooMany.details.fields.map((f) => f.code)).toContain('FEE_TOO_MANY_GROUPS');
    expect((await call(supervisor, 'GET')).json<ShippingFeesView>().own).toBe(false);
  });

  it('agents may read but not write; another shop is not found', async () => {
    expect((await call(agent2, 'PUT', { table: TABLE })).statusCode).toBe(403);
    expect((await call(agent1, 'GET')).statusCode).toBe(404);
    // The edge refuses an agent's write by role (403) before it looks at the shop.
    expect([403, 404]).toContain((await call(agent1, 'PUT', { table: TABLE })).statusCode);
  });

  it('a supervisor saves the table; it is read back and audited', async () => {
    const res = await call(supervisor, 'PUT', { table: TABLE });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await call(agent2, 'GET')).json<ShippingFeesView>();
    expect(view.own).toBe(true);
    expect(view.table.regions[0]).toEqual({ provinces: ['新疆', '西藏自治区'], first: 20, extra_per_kg: 9 });
    expect(view.table.default).toEqual({ first: 8, extra_per_kg: 2 });
    expect(view.example.regions.find((r) => r.provinces.includes('新疆'))?.first).toBe(18);
    const audit = await t.database.query<{ action: string; subject_id: string }>(`select action, subject_id from audit_log where action = 'settings.shipping_fees'`, []);
    expect(audit).toEqual([{ action: 'settings.shipping_fees', subject_id: SHOP }]);
  });

  it('the bot answers a freight question with the shop figure (新疆 2 kg: 20 + 9 = 29, not the example 26)', async () => {
    const r = await ask('xj', '寄到新疆2公斤运费多少钱');
    expect(r.text).toMatch(/29/);
    expect(r.text).not.toMatch(/26/);
    expect(r.handover).toBeFalsy();
    // 浙江 is in no group: the shop's default, 8 + 2 × 2 = 12 for 3 kg.
    expect((await ask('zj', '寄到浙江3公斤运费多少钱')).text).toMatch(/12/);
  });

  it('clearing the table brings the rules example back', async () => {
    expect((await call(supervisor, 'PUT', { table: null })).statusCode).toBe(200);
    expect((await call(supervisor, 'GET')).json<ShippingFeesView>().own).toBe(false);
    expect((await ask('xj2', '寄到新疆2公斤运费多少钱')).text).toMatch(/26/);
  });

  it('a shop that promises 包邮 keeps the D5 answer even with its own table', async () => {
    expect((await call(supervisor, 'PUT', { table: TABLE })).statusCode).toBe(200);
    await t.database.db
      .update(s.shops)
      .set({ settings: sql`${s.shops.settings} || '{"freeShipping": true}'::jsonb` })
      .where(eq(s.shops.id, SHOP));
    invalidateShopContext(t.database, SHOP);
    const r = await ask('free', '寄到浙江3公斤运费多少钱');
    expect(r.text).toContain('包邮');
    expect(r.text).not.toMatch(/12 ?元/);
  });
});
