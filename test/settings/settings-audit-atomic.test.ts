// A settings write and its audit row commit together (issue 10 minor, A11): a save that fails at
// the database part-way keeps nothing and writes no audit row; a save that succeeds writes both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/app/audit/audit-log.js';
import { resolveToken } from '../../src/app/auth/auth.js';
import { saveStandardAnswers } from '../../src/app/settings/standard-answers.js';
import { createLocalBus } from '../../src/app/events/event-bus.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { databaseLabel } from '../helpers/database.js';

const SHOP = 'demo-tmall';

describe(`settings writes are atomic with their audit row (issue 10, A11) on ${databaseLabel}`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const answers = () =>
    t.database.query<{ intent: string; variants: string[] }>('select intent, variants from standard_answers where shop_id = $1 order by intent', [SHOP]);
  const auditRows = () =>
    t.database.query<{ data: { intents: string[] } }>(`select data from audit_log where action = 'settings.standard_answers' and subject_id = $1 order by id`, [SHOP]);
  const put = (items: unknown) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/shops/${SHOP}/standard-answers`, headers: { authorization: `Bearer ${admin}` }, payload: { items } });

  it('a save whose second item the database refuses keeps the first item unchanged and writes no audit row', async () => {
    const before = await answers();
    expect(before.find((a) => a.intent === 'greeting')).toBeTruthy();
    // A NUL character passes the schema but PostgreSQL refuses it in jsonb: the save fails after
    // the first item was already written inside the request.
    const res = await put([
      { intent: 'greeting', variants: ['半截保存的问候'] },
      { intent: 'thanks_bye', variants: ['再见\u0000'] },
    ]);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(await answers()).toEqual(before);
    expect(await auditRows()).toEqual([]);
    expect(await verifyAuditChain(t.database)).toBeNull();
  });

  it('the use case itself, called without the route, keeps nothing either', async () => {
    const before = await answers();
    const principal = await resolveToken(t.database, admin, t.now);
    await expect(
      saveStandardAnswers({ database: t.database, bus: createLocalBus(), now: t.now }, principal!, SHOP, {
        items: [
          { intent: 'greeting', variants: ['半截保存的问候'] },
          { intent: 'price', variants: ['价格\u0000'] },
        ],
      }),
    ).rejects.toThrow();
    expect(await answers()).toEqual(before);
    expect(await auditRows()).toEqual([]);
  });

  it('a save that succeeds writes its items and exactly one audit row naming them', async () => {
    const res = await put([
      { intent: 'greeting', variants: ['亲，欢迎光临～'] },
      { intent: 'thanks_bye', variants: ['感谢光临，再见～', '下次再来哦'] },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, warnings: [] }); // warnings: what the save-time guard flagged (issue 11)
    const after = await answers();
    expect(after.find((a) => a.intent === 'greeting')?.variants).toEqual(['亲，欢迎光临～']);
    expect(after.find((a) => a.intent === 'thanks_bye')?.variants).toEqual(['感谢光临，再见～', '下次再来哦']);
    expect((await auditRows()).map((r) => r.data)).toEqual([{ intents: ['greeting', 'thanks_bye'] }]);
    expect(await verifyAuditChain(t.database)).toBeNull();
  });
});
