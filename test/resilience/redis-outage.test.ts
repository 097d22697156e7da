// A Redis outage (issue 10, item 7): while the bus is down, a buyer message is still stored and
// answered (never a 500), its events wait in the outbox, and once Redis is back they reach the
// other processes' listeners — none lost. A private redis-server on its own port is stopped and
// started for real; skipped where redis-server is not installed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisBus } from '../../src/app/events/redis-bus.js';
import type { DomainEvent } from '../../src/app/events/event-bus.js';
import { pendingEvents, startOutboxLoop } from '../../src/app/events/outbox.js';
import { handleInboundMessage } from '../../src/app/inbound/handle-inbound-message.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { openTestDatabase } from '../helpers/database.js';

const haveRedis = spawnSync('redis-server', ['--version']).status === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`redis-server exited ${code}: ${out}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await done;
}

const waitFor = async (what: string, cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!haveRedis)('Redis outage: stored means answered, and no event is lost', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
  });

  it('a buyer message during the outage is answered; its events arrive after Redis returns', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    cleanup.push(() => stop(redis));
    const database = await openTestDatabase();
    cleanup.push(() => database.close());
    await seedDemo(database, new Date());
    const prefix = `dxe-outage-${port}`;
    const ours = await createRedisBus(`redis://127.0.0.1:${port}`, { prefix });
    const theirs = await createRedisBus(`redis://127.0.0.1:${port}`, { prefix });
    cleanup.push(() => ours.close(), () => theirs.close());
    const seen: DomainEvent[] = [];
    theirs.subscribe((e) => seen.push(e));

    await stop(redis);
    const result = await handleInboundMessage(
      { database, bus: ours, now: new Date() },
      { shopId: 'demo-tmall', buyerAccountId: 'outage_buyer', channel: 'bridge', messageId: 'outage-1', text: '在吗' },
    );
    expect(result.replies.length).toBeGreaterThan(0);
    expect(await pendingEvents(database)).toBeGreaterThan(0);

    redis = await startRedis(port);
    const stopLoop = startOutboxLoop({ database, bus: ours, now: () => new Date(), intervalMs: 100, graceMs: 0 });
    cleanup.push(stopLoop);
    await waitFor('outbox drained', async () => (await pendingEvents(database)) === 0);
    const ids = [result.buyerMessage.id, ...result.replies.map((m) => m.id)];
    await waitFor('events received', () => ids.every((id) => seen.some((e) => e.type === 'message.created' && e.data.message.id === id)));
    // Each event once.
    const created = seen.filter((e) => e.type === 'message.created' && ids.includes(e.data.message.id));
    expect(created).toHaveLength(ids.length);
  });
});
