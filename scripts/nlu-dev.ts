// Development figures for issue 12 on our own sets (test/fixtures/nlu-dev/development-*.jsonl,
// written for the project; never the evaluation data in ../shared): Chinese buyer voice with
// out-of-scope requests, English cross-border buyers, and two-question messages (both answered by
// the planner?). Also understand+plan latency. Run: npx tsx scripts/nlu-dev.ts
import { readFileSync } from 'node:fs';
import { createNlu } from '../src/core/nlu/index.js';
import { planReply } from '../src/core/bot/plan-reply.js';
import { makeInput } from '../test/fixtures/bot/clothing-shop.js';
import type { IntentId } from '../src/core/intents.js';

const dir = new URL('../test/fixtures/nlu-dev/', import.meta.url);
const rows = <T>(f: string) =>
  readFileSync(new URL(f, dir), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

const prior = process.argv.find((a) => a.startsWith('--other-prior='));
const nlu = createNlu(prior ? { otherPrior: Number(prior.split('=')[1]) } : {});
const verbose = process.argv.includes('-v');
for (const f of ['development-zh.jsonl', 'development-en.jsonl']) {
  const set = rows<{ text: string; intent: IntentId }>(f);
  let hit = 0;
  let oos = 0;
  let oosHit = 0;
  for (const r of set) {
    const p = nlu.classify(r.text).intent;
    if (p === r.intent) hit++;
    else if (verbose) console.log(`  ${r.intent} → ${p}: ${r.text}`);
    if (r.intent === 'other') {
      oos++;
      if (p === 'other') oosHit++;
    }
  }
  console.log(`${f}: top-1 ${((100 * hit) / set.length).toFixed(1)} % (${hit}/${set.length}); other kept ${oosHit}/${oos}`);
}
const two = rows<{ text: string; intents: [IntentId, IntentId] }>('development-two-questions.jsonl');
let both = 0;
const planMs: number[] = [];
for (let pass = 0; pass < 5; pass++) {
  for (const r of two) {
    const c0 = process.cpuUsage();
    const u = nlu.understand(r.text);
    const plan = planReply(
      makeInput({
        text: r.text,
        intent: u.intent,
        confidence: u.confidence,
        entities: u.entities,
        language: u.language,
        questions: u.questions,
      }),
    );
    const c = process.cpuUsage(c0);
    if (pass > 0) planMs.push((c.user + c.system) / 1000);
    if (pass > 0) continue;
    const ok = r.intents.every((i) => plan.answered.includes(i));
    if (ok) both++;
    else if (verbose) console.log(`  want ${r.intents.join('+')} answered ${plan.answered.join('+')} (${u.questions.map((q) => q.intent + ':' + q.text).join(' | ')})`);
  }
}
planMs.sort((a, b) => a - b);
console.log(`two questions, both answered: ${((100 * both) / two.length).toFixed(1)} % (${both}/${two.length})`);
console.log(`understand + plan, CPU time per message (the machine is shared): p50 ${planMs[Math.floor(planMs.length / 2)]!.toFixed(3)} ms, p99 ${planMs[Math.floor(planMs.length * 0.99)]!.toFixed(3)} ms`);
