// Measures the product from outside on the frozen blind sets in bench/sets/ (written by people
// who had not read the code; see each set's README). Runs the same command-line contracts
// (../shared/EVAL.md §1, §2, §5) a stranger would and prints only aggregate figures — never the
// items it got wrong, so nobody can tune against them. A set's first run on a version of the
// code is that version's estimate; after a round of work, a new set is written.
//
//   npx tsx bench/blind-eval.ts guard bench/sets/guard/blind-r4.jsonl [--label X]
//   npx tsx bench/blind-eval.ts nlu bench/sets/nlu/zh-blind-r1.jsonl
//   npx tsx bench/blind-eval.ts nlu-multi bench/sets/nlu/multi-question-r1.jsonl
//   npx tsx bench/blind-eval.ts reviews bench/sets/reviews/blind-r1.jsonl
// Add --json for machine-readable output.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

type Row = Record<string, unknown> & { id: string };

function readSet(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** Runs `dxe <args>` with the rows as JSON Lines on stdin; returns the output rows by id. */
export function runDxe(args: string[], rows: object[]): Map<string, Row> {
  const res = spawnSync(process.execPath, [join(ROOT, 'bin/dxe.js'), ...args], {
    input: rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    cwd: ROOT,
  });
  if (res.status !== 0) throw new Error(`dxe ${args.join(' ')} failed: ${res.stderr}`);
  const out = new Map<string, Row>();
  for (const line of res.stdout.split('\n')) if (line.trim()) out.set((JSON.parse(line) as Row).id, JSON.parse(line) as Row);
  return out;
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

export interface GuardFigures {
  violating: number;
  stopped: number;
  compliant: number;
  falseBlocks: number;
  falseWarns: number;
  perRule: Record<string, { total: number; caught: number; stopped: number }>;
  perPlatformStopped: Record<string, { total: number; stopped: number }>;
  english: { violating: number; stopped: number; compliant: number; falseBlocks: number };
}

export function evalGuard(file: string): GuardFigures {
  const rows = readSet(file);
  const out = runDxe(['guard', 'check'], rows.map(({ id, text, platform, context }) => ({ id, text, platform, context })));
  const f: GuardFigures = {
    violating: 0, stopped: 0, compliant: 0, falseBlocks: 0, falseWarns: 0, perRule: {}, perPlatformStopped: {},
    english: { violating: 0, stopped: 0, compliant: 0, falseBlocks: 0 },
  };
  for (const r of rows) {
    const o = out.get(r.id);
    const verdict = (o?.verdict as string | undefined) ?? 'error';
    const found = new Set(((o?.violations as { rule: string }[] | undefined) ?? []).map((v) => v.rule));
    const expect = (r.expect as string[]) ?? [];
    const english = !/[\u4e00-\u9fff]/.test(String(r.text));
    if (expect.length) {
      f.violating++;
      const stopped = verdict === 'block' || verdict === 'warn';
      if (stopped) f.stopped++;
      if (english) {
        f.english.violating++;
        if (stopped) f.english.stopped++;
      }
      const p = (f.perPlatformStopped[String(r.platform)] ??= { total: 0, stopped: 0 });
      p.total++;
      if (stopped) p.stopped++;
      for (const rule of expect) {
        const e = (f.perRule[rule] ??= { total: 0, caught: 0, stopped: 0 });
        e.total++;
        if (found.has(rule)) e.caught++;
        if (stopped) e.stopped++;
      }
    } else {
      f.compliant++;
      if (verdict === 'block') f.falseBlocks++;
      if (verdict === 'warn') f.falseWarns++;
      if (english) {
        f.english.compliant++;
        if (verdict === 'block') f.english.falseBlocks++;
      }
    }
  }
  return f;
}

export function guardMarkdown(label: string, f: GuardFigures): string {
  const lines = [
    `**${label}** — violating replies stopped (block or warn): **${pct(f.stopped, f.violating)}** (${f.stopped}/${f.violating}); ` +
      `compliant replies wrongly blocked: **${pct(f.falseBlocks, f.compliant)}** (${f.falseBlocks}/${f.compliant}), wrongly warned: ${pct(f.falseWarns, f.compliant)}.`,
    `English (AliExpress): stopped ${pct(f.english.stopped, f.english.violating)}, wrongly blocked ${pct(f.english.falseBlocks, f.english.compliant)}.`,
    '',
    '| rule | replies | rule named (recall) | stopped |',
    '|---|---|---|---|',
    ...Object.entries(f.perRule)
      .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
      .map(([rule, e]) => `| ${rule} | ${e.total} | ${pct(e.caught, e.total)} | ${pct(e.stopped, e.total)} |`),
  ];
  return lines.join('\n');
}

export interface NluFigures {
  total: number;
  top1: number;
  withSecondary: number;
  macroF1: number;
  perIntent: Record<string, { tp: number; fp: number; fn: number }>;
}

export function evalNlu(file: string): NluFigures {
  const rows = readSet(file);
  const out = runDxe(['nlu', 'classify'], rows.map(({ id, text, context }) => ({ id, text, ...(context ? { context } : {}) })));
  const per: NluFigures['perIntent'] = {};
  let top1 = 0;
  let withSecondary = 0;
  for (const r of rows) {
    const got = String(out.get(r.id)?.intent ?? 'error');
    const want = String(r.intent);
    if (got === want) top1++;
    if (got === want || (r.secondary && got === r.secondary)) withSecondary++;
    (per[want] ??= { tp: 0, fp: 0, fn: 0 });
    (per[got] ??= { tp: 0, fp: 0, fn: 0 });
    if (got === want) per[want]!.tp++;
    else {
      per[want]!.fn++;
      per[got]!.fp++;
    }
  }
  const f1s = Object.entries(per)
    .filter(([, e]) => e.tp + e.fn > 0)
    .map(([, e]) => (e.tp === 0 ? 0 : (2 * e.tp) / (2 * e.tp + e.fp + e.fn)));
  return { total: rows.length, top1, withSecondary, macroF1: f1s.reduce((a, b) => a + b, 0) / (f1s.length || 1), perIntent: per };
}

/** Multi-question messages: how often the classifier's intent and secondary cover every question. */
export function evalNluMulti(file: string): { total: number; all: number; first: number } {
  const rows = readSet(file);
  const out = runDxe(['nlu', 'classify'], rows.map(({ id, text }) => ({ id, text })));
  let all = 0;
  let first = 0;
  for (const r of rows) {
    const o = out.get(r.id);
    const want = r.intents as string[];
    const got = new Set(
      [o?.intent, o?.secondary, ...(((o?.questions as { intent: string }[] | undefined) ?? []).map((q) => q.intent))].filter(Boolean),
    );
    if (want.every((w) => got.has(w))) all++;
    if (got.has(want[0]!)) first++;
  }
  return { total: rows.length, all, first };
}

export interface ReviewFigures {
  total: number;
  sentiment: number;
  causesMicroF1: number;
  flags: Record<string, { tp: number; fp: number; fn: number }>;
}

export function evalReviews(file: string): ReviewFigures {
  const rows = readSet(file);
  const out = runDxe(['reviews', 'analyze'], rows.map(({ id, text, rating, platform }) => ({ id, text, rating, platform })));
  let sentiment = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const flags: ReviewFigures['flags'] = {};
  for (const r of rows) {
    const o = out.get(r.id);
    if (o?.sentiment === r.sentiment) sentiment++;
    const got = new Set((o?.causes as string[] | undefined) ?? []);
    const want = new Set(r.causes as string[]);
    for (const c of got) {
      if (want.has(c)) tp++;
      else fp++;
    }
    for (const c of want) if (!got.has(c)) fn++;
    const gotF = new Set((o?.flags as string[] | undefined) ?? []);
    const wantF = new Set(r.flags as string[]);
    for (const k of ['abuse', 'ad', 'private_data', 'extortion']) {
      const e = (flags[k] ??= { tp: 0, fp: 0, fn: 0 });
      if (gotF.has(k) && wantF.has(k)) e.tp++;
      else if (gotF.has(k)) e.fp++;
      else if (wantF.has(k)) e.fn++;
    }
  }
  return { total: rows.length, sentiment, causesMicroF1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn), flags };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [kind, file] = process.argv.slice(2);
  const json = process.argv.includes('--json');
  // Without --label the set's file names the figures (indexOf -1 would have read argv[0], the node binary).
  const at = process.argv.indexOf('--label');
  const label = (at >= 0 ? process.argv[at + 1] : undefined) ?? file;
  if (!kind || !file) throw new Error('usage: blind-eval.ts guard|nlu|nlu-multi|reviews FILE [--json] [--label X]');
  let result: unknown;
  if (kind === 'guard') result = evalGuard(file);
  else if (kind === 'nlu') result = evalNlu(file);
  else if (kind === 'nlu-multi') result = evalNluMulti(file);
  else if (kind === 'reviews') result = evalReviews(file);
  else throw new Error(`unknown kind ${kind}`);
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else if (kind === 'guard') process.stdout.write(`${guardMarkdown(String(label), result as GuardFigures)}\n`);
  else if (kind === 'nlu') {
    const r = result as NluFigures;
    process.stdout.write(`${label}: top-1 ${pct(r.top1, r.total)} (${r.top1}/${r.total}), with secondary ${pct(r.withSecondary, r.total)}, macro-F1 ${r.macroF1.toFixed(3)}\n`);
  } else process.stdout.write(`${JSON.stringify(result)}\n`);
}
