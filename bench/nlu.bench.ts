// Intent-recognition benchmark (B1, B2): accuracy and macro-F1 on the held-out evaluation set,
// the NLP.js peer in the same run, out-of-scope rate on SMP2019 requests, latency, CLI batch
// throughput, memory and training time. Evaluation data is read from ../shared at bench time.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTENT_IDS, type IntentId } from '../src/core/intents.js';
import { createNlu, evaluate, type EvalReport } from '../src/core/nlu/index.js';
import { Segmenter } from '../src/core/nlu/segment.js';
import { trainNlpJs } from './peers/nlpjs.js';
import { planReply } from '../src/core/bot/plan-reply.js';
import type { Turn } from '../src/core/bot/types.js';
import { makeInput, MORNING, orders } from '../test/fixtures/bot/clothing-shop.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// DXE_SHARED_DATA: the shared data directory when the checkout is not next to it (a git worktree).
const DATA = process.env.DXE_SHARED_DATA ?? join(ROOT, '..', 'shared', 'data');

interface Row {
  id: string;
  text: string;
  intent: IntentId;
  secondary: IntentId | null;
}

function readRows(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row)
    .filter((r) => (INTENT_IDS as readonly string[]).includes(r.intent));
}

function readSmp(): string[] {
  const dir = join(DATA, 'smp2019_ecdt_nlu');
  return ['train.txt', 'dev.txt']
    .filter((f) => existsSync(join(dir, f)))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .map((l) => (l.split('\t')[2] ?? '').replace(/\s+/g, ''))
    .filter((t) => t.length > 0);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

function line(name: string, r: EvalReport, oos: number, p50: number, p99: number, trainMs: number, mem: string): string {
  return `| ${name} | ${pct(r.accuracy)} | ${r.macroF1.toFixed(3)} | ${pct(r.accuracyWithSecondary)} | ${pct(oos)} | ${us(p50)} | ${us(p99)} | ${(trainMs / 1000).toFixed(2)} s | ${mem} |`;
}

interface CliRun {
  wallMs: number;
  /** User + system CPU seconds of the child (from /usr/bin/time when present, else NaN). */
  cpuS: number;
  lines: number;
}

function runCli(input: string): Promise<CliRun> {
  const args = [join(ROOT, 'bin', 'dxe.js'), 'nlu', 'classify'];
  const timed = existsSync('/usr/bin/time');
  return new Promise<CliRun>((resolve, reject) => {
    const t0 = performance.now();
    const child = timed
      ? spawn('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let lines = 0;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      for (const c of b) if (c === 10) lines++;
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const m = /CPU ([\d.]+) ([\d.]+)/.exec(err);
      resolve({ wallMs: performance.now() - t0, cpuS: m ? Number(m[1]) + Number(m[2]) : NaN, lines });
    });
    child.stdin.end(input);
  });
}

async function cliThroughput(texts: string[]) {
  // The first start trains the model and caches it; warm that cache so that the start-up run and
  // the full run start alike, and the difference between them is the classifying.
  await runCli(JSON.stringify({ id: 'w', text: '在吗' }) + '\n');
  const startup = await runCli(JSON.stringify({ id: 'w', text: '在吗' }) + '\n');
  const lines = 100_000;
  let input = '';
  for (let i = 0; i < lines; i++) input += JSON.stringify({ id: `t${i}`, text: texts[i % texts.length] }) + '\n';
  const full = await runCli(input);
  return {
    lines: full.lines,
    totalS: full.wallMs / 1000,
    startupS: startup.wallMs / 1000,
    // Not measurable when the full run is not clearly longer than a start (noise): NaN → "n/a".
    steadyWall: full.wallMs - startup.wallMs > 100 ? full.lines / ((full.wallMs - startup.wallMs) / 1000) : NaN,
    steadyCpu: full.cpuS - startup.cpuS > 0.1 ? full.lines / (full.cpuS - startup.cpuS) : NaN,
  };
}

/** Our own development messages (test/fixtures/nlu-dev, written for the project): zh, en, fragments, two questions, follow-ups. */
interface OwnRow {
  text: string;
  context?: string[];
}
function ownMessages(): OwnRow[] {
  const dir = join(ROOT, 'test', 'fixtures', 'nlu-dev');
  return [
    'development-zh.jsonl',
    'development-en.jsonl',
    'development-buyer-fragments.jsonl',
    'development-two-questions.jsonl',
    'development-context.jsonl',
    'development-oos.jsonl',
  ].flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as OwnRow),
  );
}

interface Latency {
  /** Over every run of every message (includes GC pauses and other jobs on a shared machine). */
  allP50: number;
  allP99: number;
  /** Each message's median over the passes, then quantiles across messages (its own cost). */
  medP50: number;
  medP99: number;
}

/** runs[pass][message] milliseconds → quantiles. */
function latencyOf(runs: number[][]): Latency {
  const all = runs.flat().sort((a, b) => a - b);
  const med = runs[0]!
    .map((_, i) => runs.map((r) => r[i]!).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!)
    .sort((a, b) => a - b);
  return { allP50: quantile(all, 0.5), allP99: quantile(all, 0.99), medP50: quantile(med, 0.5), medP99: quantile(med, 0.99) };
}

const PASSES = 7;

/**
 * Whole plan (issue 12, target p99 ≤ 1 ms): understand (every question, the buyer's earlier turns as
 * context) + the reply planner on a clothing shop with a buyer holding orders in every state, per
 * message of our own mixed set. The machine is shared: each message's median over the passes is its
 * own cost; the quantiles over all runs include GC pauses and other jobs.
 */
function planLatency(
  nlu: ReturnType<typeof createNlu>,
  rows: OwnRow[],
): { classify: Latency; plan: Latency; cpuClassifyMs: number; cpuPlanMs: number } {
  const buyerOrders = Object.values(orders);
  const turnsOf = (ctx: string[] | undefined): Turn[] =>
    (ctx ?? []).map((text, i) => ({ author: 'buyer' as const, text, at: new Date(MORNING.getTime() - (ctx!.length - i) * 60_000).toISOString() }));
  const once = (r: OwnRow) => {
    const u = r.context ? nlu.understand(r.text, { context: r.context, now: MORNING }) : nlu.understand(r.text, { now: MORNING });
    return planReply(
      makeInput({
        text: r.text,
        intent: u.intent,
        confidence: u.confidence,
        ...(u.secondary ? { secondary: u.secondary } : {}),
        entities: u.entities,
        language: u.language,
        questions: u.questions,
        followUp: u.fromContext === true,
        orders: buyerOrders,
        conversation: { turns: turnsOf(r.context) },
      }),
    );
  };
  for (const r of rows) once(r); // warm-up
  // Wall-clock per call (performance.now; process.cpuUsage counts V8's concurrent GC threads too),
  // and the CPU time of every pass.
  const classify: number[][] = [];
  const plan: number[][] = [];
  let cpuClassify = 0;
  let cpuPlan = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const c1: number[] = [];
    const p1: number[] = [];
    for (const r of rows) {
      let c = process.cpuUsage();
      let s = performance.now();
      nlu.classify(r.text, r.context ? { context: r.context } : {});
      c1.push(performance.now() - s);
      let d = process.cpuUsage(c);
      cpuClassify += d.user + d.system;
      c = process.cpuUsage();
      s = performance.now();
      once(r);
      p1.push(performance.now() - s);
      d = process.cpuUsage(c);
      cpuPlan += d.user + d.system;
    }
    classify.push(c1);
    plan.push(p1);
  }
  const n = PASSES * rows.length;
  return { classify: latencyOf(classify), plan: latencyOf(plan), cpuClassifyMs: cpuClassify / 1000 / n, cpuPlanMs: cpuPlan / 1000 / n };
}

function planSection(nlu: ReturnType<typeof createNlu>): string {
  const rows = ownMessages();
  const { classify, plan, cpuClassifyMs, cpuPlanMs } = planLatency(nlu, rows);
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  return [
    `Whole plan (issue 12: p99 ≤ 1 ms) on ${rows.length} of our own development messages (test/fixtures/nlu-dev: Chinese and English buyers, fragments, two-question messages, follow-ups with earlier turns, out-of-scope requests), ${PASSES} passes: ` +
      `understand (every question, context) + reply planner (clothing shop, a buyer with orders in every state) — each message's median wall-clock p50 ${ms(plan.medP50)}, **p99 ${ms(plan.medP99)}**; over all runs (GC and other jobs included) p50 ${ms(plan.allP50)}, p99 ${ms(plan.allP99)}; ${ms(cpuPlanMs)} CPU per message on average. ` +
      `Classify alone on the same messages (with context where given): median p50 ${us(classify.medP50)}, **p99 ${us(classify.medP99)}**; all runs p50 ${us(classify.allP50)}, p99 ${us(classify.allP99)}; ${us(cpuClassifyMs)} CPU on average.`,
  ].join('\n');
}

export async function run(): Promise<string> {
  if (process.env.DXE_BENCH_SKIP_SHARED === '1') {
    // Helpers who must not read ../shared/data: no accuracy figures, latency on our own messages.
    const cpu0 = process.cpuUsage();
    const nlu = createNlu();
    const trainCpu = process.cpuUsage(cpu0);
    return [
      '## NLU intent recognition (B1, B2)',
      '',
      'DXE_BENCH_SKIP_SHARED=1: the accuracy figures on ../shared/data (test, dev, SMP2019) and the NLP.js peer are skipped.',
      `Training ${((trainCpu.user + trainCpu.system) / 1e6).toFixed(2)} s CPU (${nlu.stats.examples} examples, ${nlu.stats.features} features). Machine load average at start: ${loadavg()[0]!.toFixed(1)}.`,
      planSection(nlu),
    ].join('\n');
  }
  const testFile = join(DATA, 'intents', 'test.jsonl');
  const devFile = join(DATA, 'intents', 'dev.jsonl');
  if (!existsSync(testFile) || !existsSync(devFile)) {
    return '## NLU intent recognition\n\nSkipped: ../shared/data/intents/{dev,test}.jsonl not found.\n';
  }
  const test = readRows(testFile);
  const dev = readRows(devFile);
  const smp = readSmp();

  // Ours: trained on the shipped examples only (never on dev/test).
  // Heap figures are retained memory: collect before each reading (npm run bench passes --expose-gc).
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  collect();
  const heap0 = process.memoryUsage().heapUsed;
  const load = loadavg()[0]!;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const nlu = createNlu();
  const trainMs = performance.now() - t0;
  const trainCpu = process.cpuUsage(cpu0);
  const trainCpuS = (trainCpu.user + trainCpu.system) / 1e6;
  collect();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  const stats = nlu.stats;
  const weightMb = (stats.features * INTENT_IDS.length * 4) / 2 ** 20;
  for (let i = 0; i < 3; i++) for (const r of test) nlu.classify(r.text); // warm-up
  const lat: number[] = [];
  const preds: IntentId[] = [];
  for (const r of test) {
    const s = performance.now();
    const res = nlu.classify(r.text);
    lat.push(performance.now() - s);
    preds.push(res.intent);
  }
  const cpu1 = process.cpuUsage();
  for (let pass = 0; pass < 20; pass++) {
    for (const r of test) {
      const s = performance.now();
      nlu.classify(r.text);
      lat.push(performance.now() - s);
    }
  }
  const passCpu = process.cpuUsage(cpu1);
  // Per-message CPU time (the machine is shared, so wall-clock quantiles include other jobs).
  const cpuLat: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const r of test) {
      const c = process.cpuUsage();
      nlu.classify(r.text);
      const d = process.cpuUsage(c);
      cpuLat.push((d.user + d.system) / 1000);
    }
  }
  cpuLat.sort((a, b) => a - b);
  const cpuPerMsgMs = (passCpu.user + passCpu.system) / 1000 / (20 * test.length);
  lat.sort((a, b) => a - b);
  const ours = evaluate(test.map((r, i) => ({ gold: r.intent, goldSecondary: r.secondary, predicted: preds[i]! })));
  const oursDev = evaluate(dev.map((r) => ({ gold: r.intent, goldSecondary: r.secondary, predicted: nlu.classify(r.text).intent })));
  const oursOos = smp.length ? smp.filter((t) => nlu.classify(t).intent === 'other').length / smp.length : NaN;
  const tIn = performance.now();
  const cpu2 = process.cpuUsage();
  let n = 0;
  while (performance.now() - tIn < 1000) {
    for (const r of test) {
      nlu.classify(r.text);
      n++;
    }
  }
  const inProcRate = n / ((performance.now() - tIn) / 1000);
  const inCpu = process.cpuUsage(cpu2);
  const inProcCpuRate = n / ((inCpu.user + inCpu.system) / 1e6);
  const seg = new Segmenter();
  const tJ = performance.now();
  for (let i = 0; i < 20; i++) for (const r of test) seg.cut(r.text);
  const jiebaMs = (performance.now() - tJ) / (20 * test.length);

  // Peer: NLP.js trained on the dev split (it has no shipped examples of its own).
  collect();
  const heap1 = process.memoryUsage().heapUsed;
  const peer = await trainNlpJs(dev.map((r) => ({ text: r.text, intent: r.intent })));
  collect();
  const peerHeapMb = (process.memoryUsage().heapUsed - heap1) / 2 ** 20;
  const peerLat: number[] = [];
  const peerPreds: string[] = [];
  for (const r of test) {
    const s = performance.now();
    const res = await peer.classify(r.text);
    peerLat.push(performance.now() - s);
    peerPreds.push(res.intent);
  }
  peerLat.sort((a, b) => a - b);
  const peerReport = evaluate(
    test.map((r, i) => ({
      gold: r.intent,
      goldSecondary: r.secondary,
      predicted: ((INTENT_IDS as readonly string[]).includes(peerPreds[i]!) ? peerPreds[i] : 'other') as IntentId,
    })),
  );
  let peerOther = 0;
  for (const t of smp) if ((await peer.classify(t)).intent === 'other') peerOther++;
  const peerOos = smp.length ? peerOther / smp.length : NaN;

  const cli = await cliThroughput(test.map((r) => r.text));

  return [
    '## NLU intent recognition (B1, B2)',
    '',
    `Targets: top-1 ≥ 92 %, macro-F1 ≥ 0.88 on \`data/intents/test.jsonl\` (${test.length} real buyer messages; AliMe reports 89.9 % intent precision); classify p99 ≤ 100 µs; CLI batch ≥ 20,000 msg/s on one core.`,
    `Ours is trained only on its shipped examples (${stats.examples} sentences written for the project, ${stats.samples} with augmentation); NLP.js (@nlpjs/basic + @nlpjs/lang-zh) is trained on \`dev.jsonl\` (${dev.length} lines) — it has no examples of its own. Out-of-scope: share of ${smp.length} SMP2019-ECDT requests (weather, music, trains, chit-chat…) classified \`other\`.`,
    '',
    '| system | top-1 | macro-F1 | top-1 incl. secondary | SMP2019 → other | p50 | p99 | training | memory |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    line('dianxiaoer nlu (test)', ours, oursOos, quantile(lat, 0.5), quantile(lat, 0.99), trainMs, `${weightMb.toFixed(1)} MB weights, ~${heapMb.toFixed(0)} MB heap`),
    line('NLP.js 4 (test)', peerReport, peerOos, quantile(peerLat, 0.5), quantile(peerLat, 0.99), peer.trainMs, `~${peerHeapMb.toFixed(0)} MB heap`),
    '',
    `For reference, ours on dev.jsonl (used to find weaknesses, so optimistic): top-1 ${pct(oursDev.accuracy)}, macro-F1 ${oursDev.macroF1.toFixed(3)}.`,
    `Model: ${stats.features} hashed features × ${INTENT_IDS.length} intents (weights averaged over 2 shuffling seeds), temperature ${stats.temperature.toFixed(2)} (fitted on 3 held-out folds of our examples, fold accuracy ${pct(stats.cvAccuracy ?? NaN)}); training incl. calibration ${(stats.trainMs / 1000).toFixed(2)} s.`,
    `Machine load average at start: ${load.toFixed(1)} (other jobs share the cores, so wall-clock figures are inflated; CPU-time figures are not): training ${trainCpuS.toFixed(2)} s CPU, classify ${us(cpuPerMsgMs)} CPU per message on average (per-message CPU p50 ${us(quantile(cpuLat, 0.5))}, p99 ${us(quantile(cpuLat, 0.99))}), in-process ${Math.round(inProcCpuRate).toLocaleString('en')} msg/s per CPU-second.`,
    `Throughput: in-process ${Math.round(inProcRate).toLocaleString('en')} msg/s wall-clock (one core); CLI \`dxe nlu classify\` ${cli.lines.toLocaleString('en')} lines in ${cli.totalS.toFixed(2)} s including ${cli.startupS.toFixed(2)} s start-up (the trained model is cached in the OS temp dir after the first start) → ${Number.isFinite(cli.steadyWall) ? Math.round(cli.steadyWall).toLocaleString('en') : 'n/a'} msg/s steady state wall-clock, ${Number.isFinite(cli.steadyCpu) ? Math.round(cli.steadyCpu).toLocaleString('en') : 'n/a'} msg/s per CPU-second. jieba cut: ${us(jiebaMs)} per message.`,
    planSection(nlu),
    '',
    'Most frequent confusions (ours, test): ' + ours.confusions.slice(0, 8).map((c) => `${c.gold}→${c.predicted} ${c.count}`).join(', '),
  ].join('\n');
}
