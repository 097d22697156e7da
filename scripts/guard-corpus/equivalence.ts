// Equivalence harness for reply-guard speed work (issue 11, latency target p99 ≤ 200 µs; D1–D11):
// runs checkReply over every development corpus the repo holds and records the whole result
// (verdict, violations with rule, severity, points, span, message, rewrite, 疑似 reason, and the
// promises), so an optimisation can be shown to change no decision. A tool, not a test: the
// recorded file is the start code's answer, and any later tree is compared with it.
//
//   npx tsx scripts/guard-corpus/equivalence.ts record /tmp/guard-eq.json [--root /work/main]
//   npx tsx scripts/guard-corpus/equivalence.ts compare /tmp/guard-eq.json [--root DIR]
//
// `--root` runs another checkout's guard (its src/core/guard and rules/) on the same inputs; by
// default this checkout's. Inputs are stored in the file, so `compare` replays exactly what was
// recorded even if the corpora or generator change later. Sets: bench/sets/guard blind/compliant
// r4…r10 (development sets; later rounds are never read here), scripts/guard-corpus/hand-r11.jsonl,
// test/fixtures/guard/*.jsonl, the generated corpus (generate.ts); each text as written, padded to
// 200 and to 1,000 characters, in both D5/D6 contexts, and each pair of neighbours as a
// conversation (previousOutgoing).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

interface Input {
  text: string;
  platform: string;
  ctx: { freeShipping?: boolean; askerIsBuyer?: boolean; previousOutgoing?: string[]; shopName?: string };
}

interface Row {
  id?: string;
  text: string;
  platform?: string;
  context?: { free_shipping?: boolean; asker_is_buyer?: boolean; previous_outgoing?: string[] };
}

/** Development sets only: rounds r4–r10 (r11 is held out, r12 blind; neither is ever opened here). */
const ROUNDS = ['r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10'];

function readRows(file: string): Row[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

const pad = (text: string, n: number): string => (text.length === 0 ? text : text.repeat(Math.ceil(n / text.length)).slice(0, n));

async function collectInputs(): Promise<Input[]> {
  const rows: Row[] = [];
  for (const round of ROUNDS) for (const kind of ['blind', 'compliant']) rows.push(...readRows(join(ROOT, 'bench/sets/guard', `${kind}-${round}.jsonl`)));
  rows.push(...readRows(join(HERE, 'hand-r11.jsonl')));
  const fixtures = join(ROOT, 'test/fixtures/guard');
  for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.jsonl')).sort()) rows.push(...readRows(join(fixtures, f)));
  const { generateCorpus } = (await import('./generate.js')) as typeof import('./generate.js');
  for (const s of generateCorpus()) {
    const context: Row['context'] = {};
    if (s.ctx.freeShipping !== undefined) context.free_shipping = s.ctx.freeShipping;
    if (s.ctx.askerIsBuyer !== undefined) context.asker_is_buyer = s.ctx.askerIsBuyer;
    rows.push({ text: s.text, platform: s.ctx.platform ?? (/[\u4e00-\u9fff]/.test(s.text) ? 'taobao' : 'aliexpress'), context });
  }
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (i: Input): void => {
    const key = JSON.stringify(i);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(i);
  };
  rows.forEach((r, k) => {
    const platform = r.platform ?? 'taobao';
    const ctx: Input['ctx'] = {};
    if (r.context?.free_shipping !== undefined) ctx.freeShipping = r.context.free_shipping;
    if (r.context?.asker_is_buyer !== undefined) ctx.askerIsBuyer = r.context.asker_is_buyer;
    if (r.context?.previous_outgoing) ctx.previousOutgoing = r.context.previous_outgoing;
    add({ text: r.text, platform, ctx });
    // Every tenth row (the generated corpus is large): the other contexts, the padded lengths of
    // the bench (200, 1,000 characters), a conversation with the row before, a shop name.
    if (k % 10 !== 0 && k >= 3000) return;
    add({ text: r.text, platform, ctx: { freeShipping: true, askerIsBuyer: false } });
    add({ text: pad(r.text, 200), platform, ctx: { ...ctx, previousOutgoing: undefined } });
    if (k % 3 === 0) add({ text: pad(r.text, 1000), platform, ctx: { freeShipping: true, askerIsBuyer: true } });
    const prev = rows[k - 1];
    if (prev) add({ text: r.text, platform, ctx: { ...ctx, previousOutgoing: [prev.text.slice(0, 30)] } });
    if (k % 7 === 0) add({ text: r.text, platform, ctx: { ...ctx, shopName: r.text.slice(2, 8) } });
  });
  // Edge cases: empty, punctuation only, one word, astral characters, very long.
  for (const text of ['', ' ', '？？？', '嗯', 'ok', '😀加我💚信', '①③⑧一二三四五六七八', pad('亲，加我微信转账，好评返现五元，保证明天到！', 3000)]) add({ text, platform: 'taobao', ctx: {} });
  // Drop `undefined` fields so the stored inputs replay identically.
  return out.map((i) => JSON.parse(JSON.stringify(i)) as Input);
}

interface Engine {
  checkReply: (text: string, profile: unknown, ctx: Input['ctx']) => unknown;
  profileFor: (platform: string) => unknown;
}

async function engine(root: string): Promise<Engine> {
  const g = (await import(pathToFileURL(join(root, 'src/core/guard/index.ts')).href)) as Engine;
  const p = (await import(pathToFileURL(join(root, 'src/core/rules/load-profiles.ts')).href)) as Engine;
  return { checkReply: g.checkReply, profileFor: p.profileFor };
}

function runAll(e: Engine, inputs: readonly Input[]): string[] {
  const profiles = new Map<string, unknown>();
  return inputs.map((i) => {
    let p = profiles.get(i.platform);
    if (!p) profiles.set(i.platform, (p = e.profileFor(i.platform)));
    try {
      return JSON.stringify(e.checkReply(i.text, p, i.ctx));
    } catch (err) {
      return `error: ${(err as Error).message}`;
    }
  });
}

async function main(): Promise<void> {
  const [mode, file, ...rest] = process.argv.slice(2);
  const at = rest.indexOf('--root');
  const root = at >= 0 ? resolve(rest[at + 1] ?? ROOT) : ROOT;
  if ((mode !== 'record' && mode !== 'compare') || !file) {
    console.error('usage: equivalence.ts record|compare FILE [--root DIR]');
    process.exit(2);
  }
  const e = await engine(root);
  if (mode === 'record') {
    const inputs = await collectInputs();
    const results = runAll(e, inputs);
    writeFileSync(file, JSON.stringify({ root, inputs, results }));
    const verdicts = new Map<string, number>();
    for (const r of results) {
      const v = r.startsWith('error') ? 'error' : ((JSON.parse(r) as { verdict: string }).verdict);
      verdicts.set(v, (verdicts.get(v) ?? 0) + 1);
    }
    console.log(`recorded ${inputs.length} replies from ${root}: ${[...verdicts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    return;
  }
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { inputs: Input[]; results: string[] };
  const results = runAll(e, saved.inputs);
  let diff = 0;
  results.forEach((r, k) => {
    if (r === saved.results[k]) return;
    diff++;
    if (diff <= 10) console.log(`DIFF #${k} ${JSON.stringify(saved.inputs[k])}\n  was ${saved.results[k]}\n  now ${r}`);
  });
  console.log(`compared ${results.length} replies (${root}): ${diff} differences`);
  if (diff > 0) process.exit(1);
}

await main();
