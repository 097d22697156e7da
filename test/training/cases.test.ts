// L2: the penalty case library. Every case's wrong reply is caught by the reply guard with its own
// rule on every platform and its right reply passes; points come from the platform's rules; the
// quiz is the same for the same seed and is graded on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { checkReply } from '../../src/core/guard/check-reply.js';
import { loadProfiles } from '../../src/core/rules/load-profiles.js';
import { buildLessons, buildQuiz, gradeQuiz, penaltyCases } from '../../src/core/training/cases.js';
import { PLATFORMS } from '../../src/core/platforms.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/open-database.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedWorld, tokenFor, type World } from '../helpers/fixtures.js';

describe('penalty case library (L2)', () => {
  const profiles = loadProfiles();

  it('each wrong reply is flagged with its own rule and each right reply passes, on every Chinese platform', () => {
    for (const platform of PLATFORMS.filter((p) => p !== 'aliexpress')) {
      const p = profiles[platform];
      for (const c of penaltyCases()) {
        const ctx = { freeShipping: c.context?.free_shipping ?? false, askerIsBuyer: c.context?.asker_is_buyer ?? true, previousOutgoing: [] };
        const wrong = checkReply(c.wrong, { guard: p.guard, penalties: p.penalties }, ctx);
        expect(wrong.violations.map((v) => v.rule), `${platform} ${c.rule} wrong`).toContain(c.rule);
        const right = checkReply(c.right, { guard: p.guard, penalties: p.penalties }, ctx);
        expect(right.violations, `${platform} ${c.rule} right`).toEqual([]);
      }
    }
  });

  it('lessons carry the platform\'s own points and explanation from rules/', () => {
    const lessons = buildLessons(profiles.tmall, profiles);
    const d4 = lessons.find((l) => l.rule === 'D4')!;
    expect(d4.points).toBe(6); // rules/tmall.yaml penalties.by_rule.D4
    expect(d4.explanationZh).toContain('6');
    expect(d4.pointsByPlatform.find((x) => x.platform === 'tmall')?.points).toBe(6);
    expect(new Set(lessons.map((l) => l.rule)).size).toBe(lessons.length);
  });

  it('the quiz is drawn by seed and graded from its keys', () => {
    const lessons = buildLessons(profiles.tmall, profiles);
    const a = buildQuiz(lessons, '天猫', 5);
    const b = buildQuiz(lessons, '天猫', 5);
    expect(b.questions).toEqual(a.questions);
    expect(a.questions.some((q) => q.kind === 'points')).toBe(true);
    expect(gradeQuiz(a.keys, a.keys.map((k) => k.answer)).correct).toBe(a.questions.length);
    expect(gradeQuiz(a.keys, a.keys.map(() => null)).correct).toBe(0);
  });

  it('explanations name the wrong reply as wrong, in plain words (no "rules/", no literal 约X天)', () => {
    const lessons = buildLessons(profiles.tmall, profiles);
    const all = Array.from({ length: 12 }, (_, seed) => buildQuiz(lessons, '天猫', seed, 50)).flatMap((q) => q.keys.map((k, i) => ({ k, q: q.questions[i]! })));
    for (const { k, q } of all) {
      expect(k.explanationZh).not.toMatch(/rules\/|X天/);
      if (q.kind === 'pick_right') expect(k.explanationZh).toMatch(/^错误回复"/);
    }
    expect(all.some(({ q }) => q.rule === 'D11' && q.kind === 'pick_right')).toBe(true);
  });

  describe('over HTTP', () => {
    let database: Database;
    let app: FastifyInstance;
    let world: World;
    beforeAll(async () => {
      database = await openTestDatabase();
      world = await seedWorld(database);
      app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), now: () => new Date('2026-11-23T02:00:00Z'), logger: false });
      await app.ready();
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('an agent reads the lessons of their shop\'s platform and gets the quiz graded; another shop is not found', async () => {
      const token = await tokenFor(app, world.agentA.login);
      const headers = { authorization: `Bearer ${token}` };
      const res = await app.inject({ method: 'GET', url: `/api/v1/training/cases?shopId=${world.shopA}&seed=9`, headers });
      expect(res.statusCode, res.body).toBe(200);
      const lib = res.json();
      expect(lib.platformZh).toBe('天猫');
      const keys = buildQuiz(buildLessons(profiles.tmall, profiles), '天猫', 9).keys;
      const graded = await app.inject({ method: 'POST', url: '/api/v1/training/quiz', headers, payload: { shopId: world.shopA, seed: 9, answers: keys.map((k) => k.answer) } });
      expect(graded.json()).toMatchObject({ correct: keys.length, total: keys.length });
      const other = await app.inject({ method: 'GET', url: `/api/v1/training/cases?shopId=${world.shopB}`, headers });
      expect(other.statusCode).toBe(404);
    });
  });
});
