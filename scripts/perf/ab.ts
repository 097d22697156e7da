// Issue 11 / issue 12: before/after latency in one process, interleaved (the machine is shared, so
// figures from separate runs are not comparable). `base` is a copy of the code before the work
// (e.g. `git archive 4f9abd4 src rules | tar -x -C /tmp/base` with node_modules linked in):
//   npx tsx scripts/perf/ab.ts guard|nlu /tmp/base [repetitions]
// Each repetition times every item once with each version, the order of the two alternating; per
// item the fastest (guard bench: intrinsic cost) and the median (NLU bench) over the repetitions.
// Two copies of a module in one process can still disturb each other (caches, JIT): check with an
// A/A run (base = a copy of the current code) and prefer per-process.ts, alternating processes.
import { join } from 'node:path';
import { guardItems, nluItems } from './decisions.js';

const which = process.argv[2] ?? 'guard';
const base = process.argv[3] ?? '/tmp/tperf-base';
const reps = Number(process.argv[4] ?? 7);
const ROOT = join(import.meta.dirname, '..', '..');
const q = (s: number[], p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;

type Fn = (i: number) => unknown;

function run(names: string[], fns: Fn[], n: number): void {
  const times = fns.map(() => Array.from({ length: n }, () => [] as number[]));
  // CPU time of each version over all its calls: on a loaded machine wall-clock includes the time
  // the process waits for a core, CPU time does not.
  const cpu = fns.map(() => 0);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < fns.length; k++) {
        const which = (k + r + i) % fns.length;
        const f = fns[which]!;
        const c0 = process.cpuUsage();
        const t0 = process.hrtime.bigint();
        f(i);
        times[which]![i]!.push(Number(process.hrtime.bigint() - t0) / 1000);
        const c = process.cpuUsage(c0);
        cpu[which]! += c.user + c.system;
      }
    }
  }
  times.forEach((t, k) => {
    const best = t.map((x) => Math.min(...x)).sort((a, b) => a - b);
    const med = t.map((x) => [...x].sort((a, b) => a - b)[x.length >> 1] ?? 0).sort((a, b) => a - b);
    const mean = t.reduce((s, x) => s + x.reduce((a, b) => a + b, 0), 0) / (n * reps);
    console.log(
      `${names[k]}: n=${n}×${reps} wall mean ${mean.toFixed(1)} µs, CPU mean ${((cpu[k] ?? 0) / (n * reps)).toFixed(1)} µs; per item fastest p50 ${q(best, 0.5).toFixed(1)} p99 ${q(best, 0.99).toFixed(1)} µs; per item median p50 ${q(med, 0.5).toFixed(1)} p99 ${q(med, 0.99).toFixed(1)} µs`,
    );
  });
}

if (which === 'guard') {
  const load = async (root: string) => {
    const g = (await import(join(root, 'src/core/guard/index.ts'))) as typeof import('../../src/core/guard/index.js');
    const r = (await import(join(root, 'src/core/rules/load-profiles.ts'))) as typeof import('../../src/core/rules/load-profiles.js');
    return { g, r };
  };
  const [a, b] = [await load(base), await load(ROOT)];
  const b0 = b;
  let only200 = process.argv.includes('--all') ? guardItems() : guardItems().filter((c) => c.key.endsWith('#200'));
  // --flagged: only replies the guard flags (the slow tail: every violation adds scoring and a
  // rewrite check). Both versions read every reply while filtering, so neither is warmer.
  if (process.argv.includes('--flagged')) {
    const flaggedA = only200.map((c) => a.g.checkReply(c.text, a.r.profileFor(c.platform), c.ctx).verdict !== 'pass');
    only200 = only200.filter((c, i) => b0.g.checkReply(c.text, b0.r.profileFor(c.platform), c.ctx).verdict !== 'pass' || flaggedA[i]);
  }
  const pa = only200.map((c) => a.r.profileFor(c.platform));
  const pb = only200.map((c) => b.r.profileFor(c.platform));
  for (let i = 0; i < only200.length; i++) {
    a.g.checkReply(only200[i]!.text, pa[i]!, only200[i]!.ctx);
    b.g.checkReply(only200[i]!.text, pb[i]!, only200[i]!.ctx);
  }
  run(
    ['before', 'after '],
    [(i) => a.g.checkReply(only200[i]!.text, pa[i]!, only200[i]!.ctx), (i) => b.g.checkReply(only200[i]!.text, pb[i]!, only200[i]!.ctx)],
    only200.length,
  );
} else {
  const load = async (root: string) => ((await import(join(root, 'src/core/nlu/index.ts'))) as typeof import('../../src/core/nlu/index.js')).createNlu();
  const [a, b] = [await load(base), await load(ROOT)];
  const items = nluItems();
  const o = items.map((m) => (m.context ? { context: m.context } : {}));
  for (let i = 0; i < items.length; i++) {
    a.understand(items[i]!.text, o[i]);
    b.understand(items[i]!.text, o[i]);
  }
  console.log('classify');
  run(['before', 'after '], [(i) => a.classify(items[i]!.text, o[i]), (i) => b.classify(items[i]!.text, o[i])], items.length);
  console.log('understand');
  run(['before', 'after '], [(i) => a.understand(items[i]!.text, o[i]), (i) => b.understand(items[i]!.text, o[i])], items.length);
}
