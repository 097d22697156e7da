// Issue 11 / issue 12: the latency of one version of the code in a process of its own. Run it
// alternately for the code before the work and after (the machine is shared: alternate several
// times and compare runs next to each other), e.g.
//   git archive 4f9abd4 src rules | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/
//   for i in 1 2 3; do for r in /tmp/base "$PWD"; do npx tsx scripts/perf/per-process.ts guard $r; done; done
// guard: checkReply on every development reply padded to 200 characters (`--flagged`: only those
// the guard flags), each reply's fastest of 4 calls (the guard bench's figure) and the mean CPU time.
// nlu: classify and understand on the NLU bench's messages (test/fixtures/nlu-dev), 15 passes, each
// message's median (the NLU bench's figure), its fastest, and the mean CPU time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardItems } from './decisions.js';

const which = process.argv[2] ?? 'guard';
const root = process.argv[3] ?? join(import.meta.dirname, '..', '..');
const ROOT = join(import.meta.dirname, '..', '..');
const q = (s: number[], p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

if (which === 'guard') {
  const { checkReply } = (await import(join(root, 'src/core/guard/index.ts'))) as typeof import('../../src/core/guard/index.js');
  const { profileFor } = (await import(join(root, 'src/core/rules/load-profiles.ts'))) as typeof import('../../src/core/rules/load-profiles.js');
  let items = guardItems().filter((c) => c.key.endsWith('#200'));
  if (process.argv.includes('--flagged')) items = items.filter((c) => checkReply(c.text, profileFor(c.platform), c.ctx).verdict !== 'pass');
  const profiles = items.map((c) => profileFor(c.platform));
  items.forEach((c, i) => checkReply(c.text, profiles[i]!, c.ctx));
  const best = items.map(() => Infinity);
  const c0 = cpuNow();
  for (let r = 0; r < 4; r++) {
    items.forEach((c, i) => {
      const t = process.hrtime.bigint();
      checkReply(c.text, profiles[i]!, c.ctx);
      best[i] = Math.min(best[i]!, Number(process.hrtime.bigint() - t) / 1000);
    });
  }
  const cpu = (cpuNow() - c0) / 4 / items.length;
  best.sort((a, b) => a - b);
  console.log(`${root} guard n=${items.length}: CPU mean ${cpu.toFixed(1)} µs; fastest of 4 p50 ${q(best, 0.5).toFixed(1)} µs, p99 ${q(best, 0.99).toFixed(1)} µs`);
} else {
  const { createNlu } = (await import(join(root, 'src/core/nlu/index.ts'))) as typeof import('../../src/core/nlu/index.js');
  const nlu = createNlu();
  const dir = join(ROOT, 'test', 'fixtures', 'nlu-dev');
  const rows = ['zh', 'en', 'buyer-fragments', 'two-questions', 'context', 'oos'].flatMap((f) =>
    readFileSync(join(dir, `development-${f}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; context?: string[] }),
  );
  const opts = rows.map((r) => (r.context ? { context: r.context } : {}));
  rows.forEach((r, i) => nlu.understand(r.text, opts[i]));
  const PASSES = 15;
  const tc = rows.map(() => [] as number[]);
  const tu = rows.map(() => [] as number[]);
  let cc = 0;
  let cu = 0;
  for (let p = 0; p < PASSES; p++) {
    rows.forEach((r, i) => {
      let c = cpuNow();
      let t = performance.now();
      nlu.classify(r.text, opts[i]);
      tc[i]!.push((performance.now() - t) * 1000);
      cc += cpuNow() - c;
      c = cpuNow();
      t = performance.now();
      nlu.understand(r.text, opts[i]);
      tu[i]!.push((performance.now() - t) * 1000);
      cu += cpuNow() - c;
    });
  }
  const fig = (t: number[][]): string => {
    const med = t.map((x) => [...x].sort((a, b) => a - b)[x.length >> 1] ?? 0).sort((a, b) => a - b);
    const best = t.map((x) => Math.min(...x)).sort((a, b) => a - b);
    return `median p50 ${q(med, 0.5).toFixed(1)} p99 ${q(med, 0.99).toFixed(1)} µs, fastest p99 ${q(best, 0.99).toFixed(1)} µs`;
  };
  const n = PASSES * rows.length;
  console.log(`${root} nlu n=${rows.length}: classify CPU mean ${(cc / n).toFixed(1)} µs, ${fig(tc)} | understand CPU mean ${(cu / n).toFixed(1)} µs, ${fig(tu)}`);
}
