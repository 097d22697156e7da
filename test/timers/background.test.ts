import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startBackgroundWork } from '../../src/app/runtime/background.js';
import type { BusEvent } from '../../src/app/events/event-bus.js';
import { scheduleDeadline } from '../../src/app/timers/deadlines.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { databaseLabel, openTestDatabase } from '../helpers/database.js';
import { until } from '../helpers/wait.js';
import { createShop } from './shop-fixture.js';

describe(`dxe serve background work on ${databaseLabel} (DESIGN 5)`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('TIMERS=on starts the loop: a due deadline is published as deadline.missed with its shop; stop is clean', async () => {
    const { shopId } = await createShop(database);
    const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'on' }), logger: false });
    const events: BusEvent[] = [];
    app.ctx.bus.subscribe((e) => events.push(e));
    const subjectId = randomUUID();
    await scheduleDeadline(database.db, { shopId, subjectKind: 'case', subjectId, kind: 'intervention', dueAt: new Date(Date.now() - 1000) });
    const stop = await startBackgroundWork(app.ctx, app.log);
    try {
      // The first tick may come seconds late on a loaded machine: wait for the event, not a fixed 5 s.
      await until('deadline.missed', () => events.some((e) => e.type === 'deadline.missed'));
    } finally {
      await stop();
      await app.close();
    }
    expect(events.find((e) => e.type === 'deadline.missed')).toMatchObject({ shopId, data: { kind: 'intervention', subjectId, labelZh: '平台介入' } });
  });

  it('TIMERS=off starts nothing', async () => {
    const { shopId } = await createShop(database);
    const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), logger: false });
    const events: BusEvent[] = [];
    app.ctx.bus.subscribe((e) => events.push(e));
    await scheduleDeadline(database.db, { shopId, subjectKind: 'case', subjectId: randomUUID(), kind: 'intervention', dueAt: new Date(Date.now() - 1000) });
    const stop = await startBackgroundWork(app.ctx, app.log);
    await new Promise((r) => setTimeout(r, 400));
    await stop();
    await app.close();
    expect(events.filter((e) => e.type.startsWith('deadline.'))).toEqual([]);
  });
});
