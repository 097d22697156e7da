// Issue 15: rule overrides as a form (P1). The read lists every overridable figure with its
// meaning, platform default and source; a bad value gets a Chinese reason naming the field; a
// change of the ship-by hours moves the countdown of the shop's paid, unshipped orders (O3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';
import { OVERRIDE_FIELDS, overrideConsistencyErrors, overrideValueError, valueAt } from '../../src/core/rules/override-fields.js';
import { loadProfiles } from '../../src/core/rules/load-profiles.js';
import { ensureOrderDeadlines } from '../../src/app/timers/order-sweep.js';
import type { RuleOverridesView } from '../../src/core/contract/views.js';

const SHOP = 'demo-tmall';

describe(`rule overrides as a form (issue 15, P1, O3) on ${databaseLabel}`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });
  const call = (method: 'GET' | 'PUT', payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1/shops/${SHOP}/rule-overrides`, headers: { authorization: `Bearer ${admin}` }, ...(payload ? { payload } : {}) });

  it('lists every catalogue key with its meaning, the Tmall default and its source', async () => {
    const res = await call('GET');
    expect(res.statusCode).toBe(200);
    const view = res.json<RuleOverridesView>();
    expect(view.fields.map((f) => f.path)).toEqual(OVERRIDE_FIELDS.map((f) => f.path));
    const shipBy = view.fields.find((f) => f.path === 'shipping.ship_by_hours')!;
    expect(shipBy.platformDefault).toBe(72); // tmall.yaml, 天猫规则第七十二条
    expect(shipBy.source).toMatchObject({ req: 'O3', seed: '001' });
    expect(shipBy.meaningZh).toContain('发货');
    const sellerResponse = view.fields.find((f) => f.path === 'aftersales.time_limits.seller_response_hours')!;
    expect(sellerResponse.platformDefault).toBeNull();
    expect(sellerResponse.nullable).toBe(true);
    for (const f of view.fields) expect(f.source, f.path).not.toBeNull();
  });

  it('refuses a bad value with a Chinese reason per field and keeps the stored overrides', async () => {
    const before = (await call('GET')).json<RuleOverridesView>().overrides;
    const res = await call('PUT', { overrides: { shipping: { ship_by_hours: -5 }, reviews: { change_times: 1.5 }, late_shipment: { paid_in: 'bitcoin' } } });
    expect(res.statusCode).toBe(400);
    const err = res.json<{ error: { code: string; details: { fields: { path: string; messageZh: string }[] } } }>().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details.fields.map((f) => f.path).sort()).toEqual(['late_shipment.paid_in', 'reviews.change_times', 'shipping.ship_by_hours']);
    expect(err.details.fields.find((f) => f.path === 'shipping.ship_by_hours')!.messageZh).toMatch(/发货.*应不少于 1 小时/);
    expect((await call('GET')).json<RuleOverridesView>().overrides).toEqual(before);
  });

  it('refuses figures out of range or at odds with each other — never a 500 — and keeps the stored overrides (found walking the product)', async () => {
    const before = (await call('GET')).json<RuleOverridesView>().overrides;
    const bad = async (overrides: unknown, path: string, message: RegExp) => {
      const res = await call('PUT', { overrides });
      expect(res.statusCode, res.body).toBe(400);
      const err = res.json<{ error: { code: string; message: string; details: { fields: { path: string; messageZh: string }[] } } }>().error;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details.fields.map((f) => f.path)).toContain(path);
      expect(err.message).toMatch(message);
    };
    await bad({ shipping: { ship_by_hours: 1e9 } }, 'shipping.ship_by_hours', /不能超过 8,784/);
    await bad({ shipping: { ship_by_hours: 0.5 } }, 'shipping.ship_by_hours', /应不少于 1 小时/);
    await bad({ service: { first_reply_seconds: 99999999999 } }, 'service.first_reply_seconds', /不能超过/);
    await bad({ aftersales: { intervention_after_hours: 1e12 } }, 'aftersales.intervention_after_hours', /不能超过/);
    await bad({ late_shipment: { min_yuan: 600, cap_yuan: 100 } }, 'late_shipment.min_yuan', /下限（600 元）不能高于上限（100 元）/);
    await bad({ reviews: { scores: { good: -5, bad: 5 } } }, 'reviews.scores.good', /好评 ≥ 中评 ≥ 差评/);
    expect((await call('GET')).json<RuleOverridesView>().overrides).toEqual(before);
  });

  it('a new ship-by hours moves the countdown of paid, unshipped orders and is audited', async () => {
    await ensureOrderDeadlines(t.database, t.now); // the timer loop's sweep gives demo orders their rows
    const open = await t.database.query<{ id: string; paid_at: Date; due_at: Date }>(
      `select o.id, o.paid_at, d.due_at from orders o join deadlines d on d.subject_kind = 'order' and d.subject_id = o.id and d.kind = 'ship_by'
        where o.shop_id = $1 and o.paid_at is not null and o.shipped_at is null and o.completed_at is null and o.closed_at is null and o.agreed_ship_by is null`,
      [SHOP],
    );
    expect(open.length).toBeGreaterThan(0);
    for (const o of open) expect(new Date(o.due_at).getTime() - new Date(o.paid_at).getTime()).toBe(72 * 3_600_000);
    const res = await call('PUT', { overrides: { shipping: { ship_by_hours: 24 } } });
    expect(res.statusCode).toBe(200);
    const after = await t.database.query<{ id: string; paid_at: Date; due_at: Date }>(
      `select o.id, o.paid_at, d.due_at from orders o join deadlines d on d.subject_kind = 'order' and d.subject_id = o.id and d.kind = 'ship_by' where o.id = any($1)`,
      [open.map((o) => o.id)],
    );
    expect(after).toHaveLength(open.length);
    for (const o of after) expect(new Date(o.due_at).getTime() - new Date(o.paid_at).getTime()).toBe(24 * 3_600_000);
    const view = (await call('GET')).json<RuleOverridesView>();
    const shipBy = view.fields.find((f) => f.path === 'shipping.ship_by_hours')!;
    expect(shipBy).toMatchObject({ overridden: true, value: 24, platformDefault: 72 });
    const [audit] = await t.database.query<{ data: { rescheduled: number } }>(
      `select data from audit_log where action = 'settings.rule_overrides' and subject_id = $1 order by id desc limit 1`,
      [SHOP],
    );
    expect(audit!.data.rescheduled).toBe(open.length);
  });

  it('every platform default fits its own field (the bounds refuse typos, not the seeds)', () => {
    for (const [platform, profile] of Object.entries(loadProfiles())) {
      for (const field of OVERRIDE_FIELDS) {
        const v = valueAt(profile, field.path);
        if (v !== undefined) expect(overrideValueError(field, v), `${platform} ${field.path}`).toBeNull();
      }
      expect(overrideConsistencyErrors(profile), platform).toEqual([]);
    }
  });

  it('every single-value figure of every platform profile is in the catalogue (the form is complete)', () => {
    const catalogued = new Set(OVERRIDE_FIELDS.map((f) => f.path));
    // Left to the JSON view: the guard, machines, flows, event effects, texts and lists.
    const skip = /^(version|platform|name_zh|guard|orders\.machine|refunds\.machine|aftersales\.(service_machine|flows|event_effects|compensation_reasons|invoice_by_resolution|reasons)|penalties\.(by_rule|table|description_mismatch|removal_at_serious_points$)|shipping\.ship_time_is|shipping\.fee_table_example\.regions|late_shipment\.alternatives|service\.first_reply_seconds_alternatives|orders\.fraud)(\.|$)/;
    const missing = new Set<string>();
    const walk = (v: unknown, path: string[]) => {
      const key = path.join('.');
      if (path.length && (skip.test(key) || path[path.length - 1] === 'source')) return;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
        return;
      }
      if (Array.isArray(v)) return;
      if (!catalogued.has(key)) missing.add(key);
    };
    for (const profile of Object.values(loadProfiles())) walk(profile, []);
    expect([...missing]).toEqual([]);
  });
});
