// Output guard for speed work on the review analysis (issue 13): runs analyzeReview over our own
// texts (generated corpus with several seeds, the hand-written reviews, the dev fixture, and pairs
// of them joined into longer reviews) and compares every result with a saved JSON from the code
// before the change. Fails loudly on any difference. Also prints CPU time per review.
//   npx tsx scripts/review-corpus/same-output.ts --save FILE   (record the reference)
//   npx tsx scripts/review-corpus/same-output.ts --check FILE  (compare, exit 1 on a difference)
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { analyzeReview, type ReviewAnalysisInput } from '../../src/core/reviews/analyze.js';
import { generateCorpus } from './generate.js';
import { HANDWRITTEN } from './handwritten.js';
import { HANDWRITTEN_R4 } from './handwritten-r4.js';

function inputs(): ReviewAnalysisInput[] {
  const base: ReviewAnalysisInput[] = [];
  for (const seed of [1, 7, 13, 29]) for (const s of generateCorpus(6000, seed)) base.push({ text: s.text, rating: s.rating });
  for (const s of [...HANDWRITTEN, ...HANDWRITTEN_R4]) base.push({ text: s.text, rating: s.rating });
  for (const line of readFileSync('test/fixtures/reviews/dev.jsonl', 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const j = JSON.parse(line) as { text: string; rating?: number; platform?: string };
    base.push({ text: j.text, rating: j.rating, platform: j.platform });
  }
  // Longer reviews: neighbours joined in pairs (Chinese and English separators alternate).
  const pairs: ReviewAnalysisInput[] = [];
  for (let i = 0; i + 1 < base.length && pairs.length < 10000; i += 2) {
    const a = base[i]!, b = base[(i * 7919 + 1) % base.length]!;
    pairs.push({ text: `${a.text}${i % 4 === 0 ? ' ' : '，'}${b.text}`, rating: a.rating });
  }
  return [...base, ...pairs, { text: '' }, { text: '   ', rating: 2 }];
}

const all = inputs();
const args = process.argv.slice(2);
const mode = args[0];
const file = args[1];
for (let i = 0; i < 300; i++) analyzeReview(all[i]!); // warm up (model load, JIT)
const before = process.cpuUsage();
const out = all.map((x) => analyzeReview(x));
const used = process.cpuUsage(before);
const cpuSec = (used.user + used.system) / 1e6;
const lines = out.map((r) => JSON.stringify(r));
const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
console.log(`texts: ${all.length}  cpu: ${cpuSec.toFixed(2)} s  reviews per CPU-second: ${Math.round(all.length / cpuSec)}  sha256: ${hash}`);
if (mode === '--save' && file) {
  writeFileSync(file, JSON.stringify({ hash, texts: all.map((x) => x.text), outputs: lines }));
  console.log(`saved ${file}`);
} else if (mode === '--check' && file) {
  const ref = JSON.parse(readFileSync(file, 'utf8')) as { hash: string; texts: string[]; outputs: string[] };
  let diff = 0;
  if (ref.outputs.length !== lines.length) { console.error(`DIFFERENT COUNT: ${ref.outputs.length} vs ${lines.length}`); process.exit(1); }
  for (let i = 0; i < lines.length; i++) {
    if (ref.texts[i] !== all[i]!.text) { console.error(`text ${i} differs — corpus changed`); process.exit(1); }
    if (ref.outputs[i] !== lines[i]) {
      if (diff++ < 10) console.error(`DIFF #${i}: ${all[i]!.text}\n  was ${ref.outputs[i]}\n  now ${lines[i]}`);
    }
  }
  if (diff > 0 || ref.hash !== hash) { console.error(`OUTPUT CHANGED: ${diff} of ${lines.length} differ`); process.exit(1); }
  console.log(`identical: ${lines.length} of ${lines.length}`);
}
