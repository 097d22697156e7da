// Issue 11 / issue 12: a driver for profiling and timing (node --cpu-prof) — the reply guard on the
// development replies padded to 200 characters, and NLU classify / understand on the development
// messages. `npx tsx scripts/perf/drive.ts guard|nlu [rounds]`. Prints each item's fastest-of-rounds
// p50/p99 (the guard bench's intrinsic figure) and the per-item median p99 (the NLU bench's).
import { checkReply } from '../../src/core/guard/index.js';
import { profileFor } from '../../src/core/rules/load-profiles.js';
import { PLATFORMS } from '../../src/core/platforms.js';
import { createNlu } from '../../src/core/nlu/index.js';
import { guardItems, nluItems } from './decisions.js';

const which = process.argv[2] ?? 'guard';
const rounds = Number(process.argv[3] ?? 5);
const q = (s: number[], p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;

function report(name: string, times: number[][]): void {
  const best = times.map((t) => Math.min(...t)).sort((a, b) => a - b);
  const med = times.map((t) => [...t].sort((a, b) => a - b)[t.length >> 1] ?? 0).sort((a, b) => a - b);
  console.log(`${name}: n=${times.length} fastest p50 ${q(best, 0.5).toFixed(1)} µs p99 ${q(best, 0.99).toFixed(1)} µs; median p50 ${q(med, 0.5).toFixed(1)} µs p99 ${q(med, 0.99).toFixed(1)} µs`);
}

if (which === 'guard') {
  const profiles = new Map(PLATFORMS.map((p) => [p, profileFor(p)] as const));
  const items = guardItems().filter((c) => c.text.length === 200 || c.key.endsWith('#200'));
  for (const c of items) checkReply(c.text, profiles.get(c.platform)!, c.ctx);
  const times = items.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    items.forEach((c, i) => {
      const p = profiles.get(c.platform)!;
      const t0 = process.hrtime.bigint();
      checkReply(c.text, p, c.ctx);
      times[i]!.push(Number(process.hrtime.bigint() - t0) / 1000);
    });
  }
  report('guard 200-char', times);
} else {
  const nlu = createNlu();
  const items = nluItems();
  for (const m of items) nlu.understand(m.text, m.context ? { context: m.context } : {});
  const tc = items.map(() => [] as number[]);
  const tu = items.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    items.forEach((m, i) => {
      const o = m.context ? { context: m.context } : {};
      let t0 = performance.now();
      nlu.classify(m.text, o);
      tc[i]!.push((performance.now() - t0) * 1000);
      t0 = performance.now();
      nlu.understand(m.text, o);
      tu[i]!.push((performance.now() - t0) * 1000);
    });
  }
  report('nlu classify', tc);
  report('nlu understand', tu);
}
