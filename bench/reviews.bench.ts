// Review analysis benchmark (issue 13; R6, R8; EVAL §5): sentiment accuracy on FewCLUE EPRSTMT
// test_public (610) and online_shopping_10_cats (62,774) beside a simple lexicon baseline in the
// same run, our own development set (causes micro-F1, flags P/R), and throughput on one core
// (in process and through `dxe reviews analyze`). The shared sets are read at bench time and
// never trained or tuned on.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEGATIVE, POSITIVE } from '../src/core/reviews/analysis-lexicon.js';
import { analyzeReview } from '../src/core/reviews/analyze.js';
import { evaluateAnalysis, type LabelledReview } from '../src/core/reviews/evaluate-analysis.js';
import { CsvTokenizer, type CsvRecord } from '../src/channels/files/csv-tokenizer.js';

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

export async function run(): Promise<string> {
  const out: string[] = ['## Review analysis (R6, R8; EVAL §5)', ''];
  const sets: Array<[string, Row[]]> = [];
  const missing: string[] = [];
  try {
    sets.push(['FewCLUE EPRSTMT test_public', readEprstmt()]);
  } catch {
    missing.push('fewclue_eprstmt');
  }
  let shopping: Array<Row & { cat: string }> = [];
  try {
    shopping = readOnlineShopping();
    sets.push(['online_shopping_10_cats', shopping]);
  } catch {
    missing.push('online_shopping_10_cats');
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
  let chars = 0;
  for (const t of texts) {
    analyzeReview({ text: t });
    chars += t.length;
  }
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  const cli = await cliThroughput(texts);
  out.push(
    '',
    `Throughput (target ≥ 5,000 reviews/s on one core): in process ${Math.round(texts.length / secs).toLocaleString('en')} reviews/s over ${texts.length.toLocaleString('en')} real reviews (mean ${Math.round(chars / texts.length)} characters); through \`dxe reviews analyze\` (JSON Lines, process start included) ${Math.round(cli).toLocaleString('en')} reviews/s.`,
  );
  return out.join('\n');
}
