// Development figures of the reply guard on our own generated corpus (issue 11):
//   npx tsx scripts/guard-corpus/evaluate.ts [train|development] [--misses]
// These are figures on the development split of a corpus we wrote and tuned against — labelled
// "development", never an estimate on unseen replies (the lead measures the frozen blind sets).
import { fileURLToPath } from 'node:url';
import { checkReply } from '../../src/core/guard/index.js';
import { profileFor } from '../../src/core/rules/load-profiles.js';
import { PLATFORMS } from '../../src/core/platforms.js';
import { generateCorpus, type Sample } from './generate.js';

export interface DevFigures {
  violating: number;
  stopped: number;
  compliant: number;
  falseBlocks: number;
  falseWarns: number;
  recall: Record<string, { n: number; hit: number }>;
  misses: string[];
  rewritesFailing: string[];
}

export function evaluate(samples: readonly Sample[]): DevFigures {
  const f: DevFigures = { violating: 0, stopped: 0, compliant: 0, falseBlocks: 0, falseWarns: 0, recall: {}, misses: [], rewritesFailing: [] };
  samples.forEach((s, i) => {
    const en = !/[\u3400-\u9fff]/.test(s.text);
    const platform = en ? 'aliexpress' : (PLATFORMS.filter((p) => p !== 'aliexpress')[i % 4] ?? 'taobao');
    const profile = profileFor(platform);
    const ctx = { freeShipping: s.ctx.freeShipping ?? false, askerIsBuyer: s.ctx.askerIsBuyer ?? true, ...(s.ctx.platform ? { platform: s.ctx.platform } : {}) };
    const r = checkReply(s.text, profile, ctx);
    const got = new Set(r.violations.map((v) => v.rule));
    if (s.rules.length === 0) {
      f.compliant++;
      if (r.verdict === 'block') f.falseBlocks++;
      else if (r.verdict === 'warn') f.falseWarns++;
      if (r.verdict !== 'pass') f.misses.push(`[合规 → ${r.violations.map((v) => v.rule + (v.suspected ? '?' : '')).join(',')}] ${s.text}`);
    } else {
      f.violating++;
      if (r.verdict !== 'pass') f.stopped++;
      for (const rule of s.rules) {
        const k = (f.recall[rule] ??= { n: 0, hit: 0 });
        k.n++;
        if (got.has(rule)) k.hit++;
        else f.misses.push(`[${rule} → ${[...got].join(',') || '放行'}] ${s.text}`);
      }
    }
    for (const v of r.violations.slice(0, 1)) {
      const again = checkReply(v.rewrite, profile, ctx);
      if (again.verdict !== 'pass' || v.rewrite.length === 0) f.rewritesFailing.push(`${s.text} ⇒ ${v.rewrite}`);
    }
  });
  return f;
}

const pct = (a: number, b: number): string => `${((a / Math.max(1, b)) * 100).toFixed(1)} %`;

export function report(f: DevFigures, label: string): string {
  const lines = [
    `### 回复检查 — 自建语料 ${label} 划分（development figures，非盲测估计）`,
    '',
    `违规回复 ${f.violating} 条，拦截或警告 ${f.stopped} 条（${pct(f.stopped, f.violating)}）；合规回复 ${f.compliant} 条，误拦截 ${f.falseBlocks}（${pct(f.falseBlocks, f.compliant)}），误警告 ${f.falseWarns}（${pct(f.falseWarns, f.compliant)}）；改写后仍不合规 ${f.rewritesFailing.length} 条。`,
    '',
    '| 规则 | 条数 | 召回 |',
    '|---|---|---|',
    ...Object.entries(f.recall)
      .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
      .map(([r, k]) => `| ${r} | ${k.n} | ${pct(k.hit, k.n)} |`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const split = process.argv[2] === 'train' ? 'train' : 'development';
  const f = evaluate(generateCorpus().filter((s) => s.split === split));
  console.log(report(f, split));
  if (process.argv.includes('--misses')) {
    console.log('\n' + f.misses.join('\n'));
    console.log('\nrewrites failing:\n' + f.rewritesFailing.slice(0, 40).join('\n'));
  }
}
