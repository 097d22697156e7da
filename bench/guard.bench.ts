// Reply-guard benchmark (D1–D11, EVAL §2): per-rule precision/recall on the labelled sets, the
// false-block rate on compliant replies, latency per reply (p50/p99, target p99 ≤ 200 µs for a
// ≤ 200-character reply) and throughput, in process and through `dxe guard check`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReply, evaluateGuard, reportMarkdown, type GuardContext } from '../src/core/guard/index.js';
import { profileFor } from '../src/core/rules/load-profiles.js';
import { PLATFORMS, type Platform } from '../src/core/platforms.js';
import { generateCorpus } from '../scripts/guard-corpus/generate.js';
import { evaluate, report } from '../scripts/guard-corpus/evaluate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'guard');
/** Real Taobao seller replies (ECD sample), read at bench time only, never copied or tuned on. */
const ECD = join(ROOT, '..', 'shared', 'data', 'ecd_sample');

interface Case {
  id: string;
  text: string;
  platform: Platform;
  expect: string[];
  ctx: GuardContext;
  line: string;
}

function readCases(file: string): Case[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const o = JSON.parse(line) as {
        id: string;
        text: string;
        platform: string;
        expect: string[];
        context?: { free_shipping?: boolean; asker_is_buyer?: boolean; previous_outgoing?: string[] };
      };
      const platform = PLATFORMS.find((p) => p === o.platform);
      if (!platform) throw new Error(`unknown platform ${o.platform}`);
      const ctx: GuardContext = {};
      if (o.context?.free_shipping !== undefined) ctx.freeShipping = o.context.free_shipping;
      if (o.context?.asker_is_buyer !== undefined) ctx.askerIsBuyer = o.context.asker_is_buyer;
      if (o.context?.previous_outgoing) ctx.previousOutgoing = o.context.previous_outgoing;
      return { id: o.id, text: o.text, platform, expect: o.expect, ctx, line };
    });
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * Wall-clock latency of every call, and (`intrinsic`) each reply's fastest of `rounds` calls: on a
 * shared, loaded machine the wall-clock tail is mostly other processes, the fastest call is the
 * guard's own cost.
 */
function latency(cases: Case[], rounds: number): { p50: number; p99: number; max: number; perSecond: number; n: number; i50: number; i99: number } {
  const profiles = new Map(PLATFORMS.map((p) => [p, profileFor(p)] as const));
  for (const c of cases) checkReply(c.text, profiles.get(c.platform) ?? profileFor(c.platform), c.ctx); // warm-up + compile
  const samples: number[] = [];
  const best = new Array<number>(cases.length).fill(Infinity);
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    cases.forEach((c, i) => {
      const p = profiles.get(c.platform) ?? profileFor(c.platform);
      const t0 = process.hrtime.bigint();
      checkReply(c.text, p, c.ctx);
      const us = Number(process.hrtime.bigint() - t0) / 1000;
      samples.push(us);
      if (us < (best[i] ?? Infinity)) best[i] = us;
    });
  }
  const total = Number(process.hrtime.bigint() - started) / 1e9;
  samples.sort((a, b) => a - b);
  best.sort((a, b) => a - b);
  return {
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    max: samples[samples.length - 1] ?? 0,
    perSecond: samples.length / total,
    n: samples.length,
    i50: quantile(best, 0.5),
    i99: quantile(best, 0.99),
  };
}

async function cliThroughput(cases: Case[], lines: number): Promise<{ seconds: number; perSecond: number; outLines: number }> {
  const input: string[] = [];
  for (let i = 0; input.length < lines; i++) {
    const c = cases[i % cases.length];
    if (c) input.push(JSON.stringify({ id: `b${i}`, text: c.text, platform: c.platform }));
  }
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/dxe.js', 'guard', 'check'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  let outLines = 0;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    for (const ch of d) if (ch === '\n') outLines++;
  });
  child.stdin.end(`${input.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: lines / seconds, outLines };
}

/** The guard over real, unlabelled seller replies: how much it blocks and warns, and what. */
function realReplies(): string[] {
  // DXE_BENCH_SKIP_SHARED=1: helpers who must not read ../shared/data run the rest of the bench.
  if (process.env.DXE_BENCH_SKIP_SHARED === '1' || !existsSync(ECD)) return [];
  const seen = new Set<string>();
  for (const f of ['train', 'valid', 'test']) {
    const path = join(ECD, f);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const parts = line.split('\t');
      if (parts.length >= 3) seen.add((parts[parts.length - 1] ?? '').replace(/ /g, ''));
    }
  }
  seen.delete('');
  const taobao = profileFor('taobao');
  const byRule = new Map<string, number>();
  let blocked = 0;
  let warned = 0;
  const blockedList: string[] = [];
  for (const text of seen) {
    const r = checkReply(text, taobao);
    if (r.verdict === 'block') {
      blocked++;
      blockedList.push(`- [${[...new Set(r.violations.map((v) => v.rule))].join(',')}] ${text}`);
    } else if (r.verdict === 'warn') warned++;
    for (const v of new Set(r.violations.map((x) => x.rule))) byRule.set(v, (byRule.get(v) ?? 0) + 1);
  }
  return [
    `### 真实卖家回复（ECD 淘宝客服语料样本，无标注，${seen.size} 条不同回复，只读不调参）`,
    '',
    `拦截 ${blocked} 条（${((blocked / Math.max(1, seen.size)) * 100).toFixed(2)} %），警告 ${warned} 条；按规则：${[...byRule].map(([r, n]) => `${r} ${n}`).join('，') || '无'}。被拦截的回复（供人工核对是否误拦截）：`,
    '',
    ...blockedList,
    '',
  ];
}

export async function run(): Promise<string> {
  const out: string[] = ['## Reply guard (D1–D11)', ''];
  const sets = [
    ['replies.jsonl', 'development set 开发集（调参用）'],
    ['heldout.jsonl', 'development set 开发集（曾少量调参）'],
    ['heldout-2.jsonl', 'development set 开发集（首次评估后做过修正）'],
    ['heldout-3.jsonl', 'development set 开发集（首次评估后做过修正）'],
  ] as const;
  let all: Case[] = [];
  for (const [file, label] of sets) {
    const path = join(FIXTURES, file);
    if (!existsSync(path)) continue;
    const cases = readCases(path);
    all = all.concat(cases);
    const report = evaluateGuard(cases, (c) => checkReply(c.text, profileFor(c.platform), c.ctx));
    out.push(`### ${file} — ${label}, ${cases.length} 条`, '', reportMarkdown(report), '');
    if (report.misses.length) {
      out.push('<details><summary>判错</summary>', '');
      for (const m of report.misses) out.push(`- ${m.id} [${m.expected.join(',') || '合规'} → ${m.got.join(',') || '合规'}] ${m.text}`);
      out.push('', '</details>', '');
    }
  }
  out.push(
    '### 留出集首次评估（未调参时的诚实估计）',
    '',
    '| 集合 | D1 R | D2 P/R | D3 R | D4 R | D5 R | D6 R | D9 R | D10 P/R | 误拦截 |',
    '|---|---|---|---|---|---|---|---|---|---|',
    '| heldout.jsonl（95 条） | 100 % | 92.3 / 100 % | 100 % | 66.7 % | 100 % | 100 % | 75.0 % | 100 / 100 % | 2.4 % |',
    '| heldout-2.jsonl（123 条） | 71.4 % | 100 / 100 % | 66.7 % | 90.0 % | 100 % | 80.0 % | 83.3 % | 100 / 83.3 % | 0 % |',
    '| heldout-3.jsonl（84 条） | 90.0 % | 90.0 / 90.0 % | 80.0 % | 100 % | 66.7 % | 100 % | 100 % | 66.7 / 100 % | 0 % |',
    '',
  );
  // Issue 11: the generated corpus's development split (our own data; a development figure, not an
  // estimate on unseen replies — the frozen blind sets are measured by bench/blind-eval.ts).
  const corpus = generateCorpus();
  const dev = corpus.filter((s) => s.split === 'development');
  out.push(report(evaluate(dev), 'development'), '', `生成语料共 ${corpus.length} 条（训练 ${corpus.length - dev.length} 条），\`npx tsx scripts/guard-corpus/evaluate.ts development --misses\` 可列出判错。`, '');
  out.push(...realReplies());
  const devCases: Case[] = dev.filter((_, i) => i % 4 === 0).map((s, i) => ({
    id: `dev${i}`,
    text: s.text.repeat(Math.max(1, Math.ceil(200 / s.text.length))).slice(0, 200),
    platform: /[\u4e00-\u9fff]/.test(s.text) ? 'taobao' : 'aliexpress',
    expect: s.rules,
    ctx: { freeShipping: s.ctx.freeShipping ?? false, askerIsBuyer: s.ctx.askerIsBuyer ?? true, ...(s.ctx.platform ? { platform: s.ctx.platform } : {}) },
    line: '',
  }));
  const latDev = latency(devCases, 5);
  const short = all.filter((c) => c.text.length <= 200);
  const lat = latency(short, 40);
  const long = short.map((c) => ({ ...c, text: c.text.repeat(Math.max(1, Math.floor(200 / Math.max(1, c.text.length)))).slice(0, 200) }));
  const lat200 = latency(long, 10);
  out.push(
    '### 延迟与吞吐 latency and throughput',
    '',
    `机器负载 load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')}，${cpus().length} 核（与其他进程共用时墙钟尾部主要是排队）。`,
    '',
    '| 测量 | n | p50 | p99 | max | 每秒 | 单条最快 p50 / p99 |',
    '|---|---|---|---|---|---|---|',
    `| checkReply，标注集原文（平均 ${(short.reduce((s, c) => s + c.text.length, 0) / Math.max(1, short.length)).toFixed(0)} 字） | ${lat.n} | ${lat.p50.toFixed(1)} µs | ${lat.p99.toFixed(1)} µs | ${lat.max.toFixed(0)} µs | ${lat.perSecond.toFixed(0)} | ${lat.i50.toFixed(1)} / ${lat.i99.toFixed(1)} µs |`,
    `| checkReply，补足到 200 字 | ${lat200.n} | ${lat200.p50.toFixed(1)} µs | ${lat200.p99.toFixed(1)} µs | ${lat200.max.toFixed(0)} µs | ${lat200.perSecond.toFixed(0)} | ${lat200.i50.toFixed(1)} / ${lat200.i99.toFixed(1)} µs |`,
    `| checkReply，生成语料 development 划分补足到 200 字 | ${latDev.n} | ${latDev.p50.toFixed(1)} µs | ${latDev.p99.toFixed(1)} µs | ${latDev.max.toFixed(0)} µs | ${latDev.perSecond.toFixed(0)} | ${latDev.i50.toFixed(1)} / ${latDev.i99.toFixed(1)} µs |`,
  );
  const cli = await cliThroughput(all, process.env.DXE_BENCH_QUICK === '1' ? 2_000 : 20_000);
  out.push(
    `| \`dxe guard check\`，20000 行（含进程启动） | ${cli.outLines} | — | — | — | ${cli.perSecond.toFixed(0)}（${cli.seconds.toFixed(2)} s） | — |`,
    '',
    '目标：D1–D4、D9 召回率 ≥ 99 %，合规回复误拦截 ≤ 1 %，≤ 200 字回复 p99 ≤ 200 µs。',
  );
  return out.join('\n');
}
