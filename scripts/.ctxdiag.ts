import { readFileSync } from 'node:fs';
import { createNlu } from '../src/core/nlu/index.js';
import { followUpReading } from '../src/core/nlu/ellipsis.js';
import { normalizeText } from '../src/core/nlu/normalize.js';
const nlu = createNlu();
const sets = process.argv.slice(2);
for (const s of sets) {
  const rows = readFileSync(`bench/sets/nlu/${s}.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const r of rows) {
    const u = nlu.understand(r.text, { context: r.context });
    if (u.intent === r.intent) continue;
    const own = nlu.classify(r.text, { scores: true });
    const last = nlu.classify(r.context[r.context.length - 1]);
    const rd = followUpReading(normalizeText(r.text), last.intent, own.intent, own.confidence);
    console.log(`${r.id} want=${r.intent} got=${u.intent} own=${own.intent}:${own.confidence.toFixed(2)} p(want)=${own.scores![r.intent as keyof typeof own.scores].toFixed(2)} ctx=${last.intent} rd=${rd.kind} | [${r.context.join(' / ')}] ${r.text}`);
  }
}
