// Review analysis benchmark (issue 13; R6, R8; EVAL §5): sentiment accuracy on FewCLUE EPRSTMT
// test_public (610) and online_shopping_10_cats (62,774) beside a simple lexicon baseline in the
// same run, our own development set (causes micro-F1, flags P/R), and throughput on one core
// (in process and through `dxe reviews analyze`). The shared sets are read at bench time and
// never trained or tuned on.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEGATIVE, POSITIVE } from '../src/core/reviews/analysis-lexicon.js';
import { analyzeReview } from '../src/core/reviews/analyze.js';
import { evaluateAnalysis, type LabelledReview } from '../src/core/reviews/evaluate-analysis.js';
import { CsvTokenizer, type CsvRecord } from '../src/channels/files/csv-tokenizer.js';
import { resolveImportShop } from '../src/app/orders/import-orders.js';
import { importReviews } from '../src/app/reviews/intake.js';
import { openReviewImport } from '../src/channels/review-files/read-review-file.js';
import { openDatabase } from '../src/store/open-database.js';
import { generateCorpus } from '../scripts/review-corpus/generate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.DXE_SHARED_DATA ?? [join(ROOT, '..', 'shared', 'data'), '/work/shared/data'].find((d) => existsSync(d)) ?? join(ROOT, '..', 'shared', 'data');

interface Row {
  text: string;
  positive: boolean;
}

function readEprstmt(): Row[] {
  return readFileSync(join(DATA, 'fewclue_eprstmt', 'test_public.json'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { sentence: string; label: string })
    .map((r) => ({ text: r.sentence, positive: r.label === 'Positive' }));
}

function readOnlineShopping(): Array<Row & { cat: string }> {
  const text = readFileSync(join(DATA, 'online_shopping_10_cats', 'online_shopping_10_cats.csv'), 'utf8').replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  const tok = new CsvTokenizer(',');
  tok.feed(text, records);
  tok.feed('\n', records);
  return records
    .slice(1)
    .filter((r) => r.fields.length >= 3)
    .map((r) => ({ cat: r.fields[0] ?? '', positive: r.fields[1] === '1', text: r.fields.slice(2).join(',') }));
}

/** The baseline: praise words minus complaint words from the same lexicon, no model, no negation. */
function lexiconBaseline(text: string): boolean {
  const t = text.normalize('NFKC').toLowerCase();
  let score = 0;
  for (const w of POSITIVE) if (t.includes(w)) score++;
  for (const w of NEGATIVE) if (t.includes(w)) score--;
  return score >= 0;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

function accuracy(rows: Row[], f: (t: string) => boolean): number {
  let ok = 0;
  for (const r of rows) if (f(r.text) === r.positive) ok++;
  return rows.length ? ok / rows.length : 0;
}

async function cliThroughput(texts: string[]): Promise<number> {
  const input = texts.map((t, i) => JSON.stringify({ id: i, text: t })).join('\n');
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'dxe.js'), 'reviews', 'analyze'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let lines = 0;
    child.stdout.on('data', (b: Buffer) => {
      for (const c of b) if (c === 10) lines++;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && lines === texts.length ? resolve() : reject(new Error(`dxe reviews analyze: exit ${code}, ${lines}/${texts.length} lines`))));
    child.stdin.end(input);
  });
  return texts.length / (Number(process.hrtime.bigint() - started) / 1e9);
}

const IMPORT_ROWS = Number(process.env.BENCH_REVIEW_IMPORT_ROWS ?? 100_000);

/** A Taobao-style review export of `rows` reviews from our own corpus (streamed to disk). */
async function writeReviewExport(path: string, rows: number): Promise<void> {
  const texts = generateCorpus(5000, 99).map((x) => x.text);
  const out = createWriteStream(path);
  out.write('评价ID,订单编号,宝贝ID,买家昵称,评价结果,评价内容,评价时间,描述相符,服务态度,物流服务\r\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const text = (texts[i % texts.length] ?? '').replace(/"/g, '""');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const stars = 1 + (i % 5);
    const rating = stars >= 4 ? '好评' : stars === 3 ? '中评' : '差评';
    chunk += `RV${i},="${4_000_000 + i}",${6000 + (i % 50)},tb_${i % 20000},${rating},"${text}",2026-11-${day} 10:${String(i % 60).padStart(2, '0')}:00,${stars},${6 - stars > 0 ? Math.max(1, stars) : 5},5\r\n`;
    if (chunk.length > 256 * 1024) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

export async function importBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dxe-bench-reviews-'));
  try {
    const file = join(dir, 'reviews.csv');
    await writeReviewExport(file, IMPORT_ROWS);
    const database = await openDatabase({ dataDir: join(dir, 'pglite') });
    try {
      const shopId = await resolveImportShop(database, 'taobao');
      (globalThis as { gc?: () => void }).gc?.();
      const base = process.memoryUsage().rss;
      let peak = base;
      const samples: number[] = [];
      const timer = setInterval(() => {
        const rss = process.memoryUsage().rss;
        peak = Math.max(peak, rss);
        samples.push(rss);
      }, 50);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const result = await importReviews(database, { shopId, source: await openReviewImport({ platform: 'taobao', filePath: file }) });
      const secs = (performance.now() - started) / 1000;
      clearInterval(timer);
      const used = process.cpuUsage(cpu);
      const again = performance.now();
      const second = await importReviews(database, { shopId, source: await openReviewImport({ platform: 'taobao', filePath: file }) });
      const againSecs = (performance.now() - again) / 1000;
      const mid = samples[Math.floor(samples.length / 2)] ?? base;
      const MB = 1024 * 1024;
      return [
        '',
        `Import with analysis (target: 100,000 reviews ≤ 30 s on PGlite, memory flat): ${result.imported.toLocaleString('en')} reviews from a generated Taobao-style CSV (our own corpus texts) into file-backed PGlite in ${secs.toFixed(1)} s wall (${Math.round(result.imported / secs).toLocaleString('en')} reviews/s; this process's CPU ${((used.user + used.system) / 1e6).toFixed(1)} s); RSS growth at mid-run ${((mid - base) / MB).toFixed(0)} MB, peak ${((peak - base) / MB).toFixed(0)} MB. The same file again: ${second.imported} new, ${second.skipped.toLocaleString('en')} skipped, ${againSecs.toFixed(1)} s.`,
      ].join('\n');
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  const out: string[] = ['## Review analysis (R6, R8; EVAL §5)', ''];
  const sets: Array<[string, Row[]]> = [];
  const missing: string[] = [];
  // DXE_BENCH_SKIP_SHARED=1: helpers who must not read ../shared/data run the rest of the bench
  // (as the guard and NLU benches do): no public-set accuracy, throughput and import only.
  const skipShared = process.env.DXE_BENCH_SKIP_SHARED === '1';
  let shopping: Array<Row & { cat: string }> = [];
  if (!skipShared) {
    try {
      sets.push(['FewCLUE EPRSTMT test_public', readEprstmt()]);
    } catch {
      missing.push('fewclue_eprstmt');
    }
    try {
      shopping = readOnlineShopping();
      sets.push(['online_shopping_10_cats', shopping]);
    } catch {
      missing.push('online_shopping_10_cats');
    }
  }
  out.push('Sentiment accuracy — never trained or tuned on these sets (evaluation only). Targets: EPRSTMT ≥ 90 %, online_shopping ≥ 92 %.', '');
  out.push('| set | n | dianxiaoer | lexicon baseline (same words, counted) | target |', '|---|---|---|---|---|');
  for (const [name, rows] of sets) {
    const ours = accuracy(rows, (t) => analyzeReview({ text: t }).sentiment === 'positive');
    const base = accuracy(rows, lexiconBaseline);
    const target = name.startsWith('FewCLUE') ? '≥ 90 %' : '≥ 92 %';
    out.push(`| ${name} | ${rows.length} | ${pct(ours)} | ${pct(base)} | ${target} |`);
  }
  if (missing.length) out.push('', `Not found (set DXE_SHARED_DATA): ${missing.join(', ')}`);
  if (skipShared) out.push('', 'DXE_BENCH_SKIP_SHARED=1: the public sets (../shared/data) are skipped.');
  if (shopping.length) {
    const cats = [...new Set(shopping.map((r) => r.cat))];
    out.push('', 'online_shopping_10_cats per category (dianxiaoer):', '', '| category | n | accuracy |', '|---|---|---|');
    for (const c of cats) {
      const rows = shopping.filter((r) => r.cat === c);
      out.push(`| ${c} | ${rows.length} | ${pct(accuracy(rows, (t) => analyzeReview({ text: t }).sentiment === 'positive'))} |`);
    }
  }
  const dev = readFileSync(join(ROOT, 'test', 'fixtures', 'reviews', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledReview);
  const rep = evaluateAnalysis(dev, (c) => analyzeReview(c));
  out.push(
    '',
    `Own development set (test/fixtures/reviews/dev.jsonl, ${rep.n} hand-written, read while developing — a development figure): sentiment ${pct(rep.sentimentAccuracy)}, causes micro-F1 ${rep.causes.f1} (P ${rep.causes.precision} / R ${rep.causes.recall}; target ≥ 0.85), flags P ${rep.flags.precision} / R ${rep.flags.recall} (targets ≥ 0.9 / ≥ 0.95).`,
  );
  // Throughput on one core.
  const texts = (shopping.length ? shopping.map((r) => r.text) : dev.map((d) => d.text)).slice(0, 20000);
  for (let i = 0; i < 2000; i++) analyzeReview({ text: texts[i % texts.length] ?? '' });
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let chars = 0;
  for (const t of texts) {
    analyzeReview({ text: t });
    chars += t.length;
  }
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuUsed = process.cpuUsage(cpu0);
  const cpuSecs = (cpuUsed.user + cpuUsed.system) / 1e6;
  const cli = await cliThroughput(texts);
  out.push(
    '',
    `Throughput (target ≥ 5,000 reviews/s on one core): in process ${Math.round(texts.length / secs).toLocaleString('en')} reviews/s wall, ${Math.round(texts.length / cpuSecs).toLocaleString('en')} reviews/s per CPU-second (load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores while measuring) over ${texts.length.toLocaleString('en')} real reviews (mean ${Math.round(chars / texts.length)} characters); through \`dxe reviews analyze\` (JSON Lines, process start included) ${Math.round(cli).toLocaleString('en')} reviews/s.`,
  );
  if (IMPORT_ROWS > 0) out.push(await importBench());
  return out.join('\n');
}
