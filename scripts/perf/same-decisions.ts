// Issue 11 / issue 12: the latency work changes no decision. Compares every decision of the reply
// guard (D1–D11: verdict, violations, spans, messages, rewrites, promises) and of the NLU (B1, B2:
// intent, confidence, scores, secondary, entities, questions) on the development sets with the
// reference written by the code before the work. The reference is not committed (1.9 MB, and stale
// as soon as a model's data changes): write it in a checkout of the code before the speed-up, then
// compare in the checkout after it (REF or DXE_DECISIONS_REF names the file; default
// test-results/reference-decisions.jsonl.gz, ignored by git).
//
//   (old checkout) npx tsx scripts/perf/same-decisions.ts --write
//   (new checkout) DXE_DECISIONS_REF=/abs/path/of/it npx tsx scripts/perf/same-decisions.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decisions } from './decisions.js';

const REF = process.env.DXE_DECISIONS_REF ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'reference-decisions.jsonl.gz');

const keyOf = (line: string): string => (JSON.parse(line) as { k: string }).k;

if (process.argv.includes('--write')) {
  const all = [...decisions()];
  mkdirSync(dirname(REF), { recursive: true });
  writeFileSync(REF, gzipSync(`${all.join('\n')}\n`, { level: 9 }));
  console.log(`wrote ${all.length} decisions to ${REF}`);
} else {
  const ref = new Map<string, string>();
  for (const l of gunzipSync(readFileSync(REF)).toString('utf8').split('\n')) if (l) ref.set(keyOf(l), l);
  let same = 0;
  let differ = 0;
  let missing = 0;
  const shown: string[] = [];
  const seen = new Set<string>();
  for (const l of decisions()) {
    const k = keyOf(l);
    seen.add(k);
    const r = ref.get(k);
    if (r === undefined) missing++;
    else if (r === l) same++;
    else {
      differ++;
      if (shown.length < 10) shown.push(`- ${k}\n  ref: ${r.slice(0, 600)}\n  now: ${l.slice(0, 600)}`);
    }
  }
  const gone = [...ref.keys()].filter((k) => !seen.has(k)).length;
  const guard = [...seen].filter((k) => k.startsWith('guard:')).length;
  console.log(`${seen.size} items (${guard} guard replies, ${seen.size - guard} NLU messages): ${same} same, ${differ} different, ${missing} not in the reference, ${gone} of the reference not produced`);
  if (shown.length) console.log(shown.join('\n'));
  process.exit(differ + missing + gone === 0 ? 0 : 1);
}
