// Development figures of the reply guard on a hand-written labelled file (issue 11):
//   npx tsx scripts/guard-corpus/eval-file.ts test/fixtures/guard/dev-r6.jsonl [--misses]
// Share of violating replies stopped (block or warn), per-rule recall, and compliant replies
// wrongly blocked or warned. These files are our own development data, tuned on — never an
// estimate on unseen replies (the lead measures the frozen blind sets).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkReply, type GuardContext } from '../../src/core/guard/index.js';
import { PLATFORMS } from '../../src/core/platforms.js';
import { profileFor } from '../../src/core/rules/load-profiles.js';

interface Row {
  id: string;
  text: string;
  platform: string;
  expect: string[];
  context?: { free_shipping?: boolean; asker_is_buyer?: boolean; previous_outgoing?: string[] };
}

export function evaluateFile(path: string): { lines: string[]; misses: string[] } {
  const rows = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
  let violating = 0;
  let stopped = 0;
  let compliant = 0;
  let blocked = 0;
  let warned = 0;
  const recall = new Map<string, { n: number; hit: number }>();
  const misses: string[] = [];
  for (const r of rows) {
    const platform = PLATFORMS.find((p) => p === r.platform) ?? 'taobao';
    const ctx: GuardContext = {};
    if (r.context?.free_shipping !== undefined) ctx.freeShipping = r.context.free_shipping;
    if (r.context?.asker_is_buyer !== undefined) ctx.askerIsBuyer = r.context.asker_is_buyer;
    if (r.context?.previous_outgoing) ctx.previousOutgoing = r.context.previous_outgoing;
    const res = checkReply(r.text, profileFor(platform), ctx);
    const got = new Set(res.violations.map((v) => v.rule));
    if (r.expect.length === 0) {
      compliant++;
      if (res.verdict === 'block') blocked++;
      else if (res.verdict === 'warn') warned++;
      if (res.verdict !== 'pass') misses.push(`${r.id} [合规 → ${res.verdict} ${[...got].join(',')}] ${r.text}`);
      continue;
    }
    violating++;
    if (res.verdict !== 'pass') stopped++;
    for (const rule of r.expect) {
      const k = recall.get(rule) ?? { n: 0, hit: 0 };
      k.n++;
      if (got.has(rule as never)) k.hit++;
      else misses.push(`${r.id} [${rule} → ${res.verdict} ${[...got].join(',') || '-'}] ${r.text}`);
      recall.set(rule, k);
    }
  }
  const pct = (a: number, b: number): string => `${((a / Math.max(1, b)) * 100).toFixed(1)} %`;
  const lines = [
    `${path}: violating ${violating}, stopped ${stopped} (${pct(stopped, violating)}); compliant ${compliant}, blocked ${blocked} (${pct(blocked, compliant)}), warned ${warned} (${pct(warned, compliant)})`,
    [...recall].sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1))).map(([rule, k]) => `${rule} ${pct(k.hit, k.n)} (${k.hit}/${k.n})`).join(' · '),
  ];
  return { lines, misses };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
    const { lines, misses } = evaluateFile(path);
    console.log(lines.join('\n'));
    if (process.argv.includes('--misses')) console.log(misses.map((m) => `  ${m}`).join('\n'));
  }
}
