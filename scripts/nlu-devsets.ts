// Development figures for issue 12 on the older bench sets (bench/sets/nlu/*-r1..r8, development
// sets; never the held-out or frozen sets of the current round, never ../shared/data): the same readings as
// bench/blind-eval.ts (understand(), as `dxe nlu classify` does), in one process with one model.
//   npx tsx scripts/nlu-devsets.ts [-v] [--other-prior=0.8] [--other-prior-en=0.8] [sets...]
// Round 11 (issue 12): r9 is a development set now, r10 held out, r11 blind.
import { readFileSync } from 'node:fs';
import { createNlu } from '../src/core/nlu/index.js';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const prior = args.find((a) => a.startsWith('--other-prior='));
const priorEn = args.find((a) => a.startsWith('--other-prior-en='));
const DEFAULT_SETS = [
  'zh-blind-r1', 'zh-blind-r3', 'zh-blind-r4', 'zh-blind-r5', 'zh-blind-r6', 'zh-blind-r7', 'zh-blind-r8', 'zh-blind-r9',
  'context-r1', 'context-r3', 'context-r4', 'context-r5', 'context-r6', 'context-r7', 'context-r8', 'context-r9',
  'en-aliexpress-r1', 'en-aliexpress-r2', 'en-aliexpress-r3', 'en-aliexpress-r4', 'en-aliexpress-r5', 'en-aliexpress-r6', 'en-aliexpress-r7', 'en-aliexpress-r8', 'en-aliexpress-r9',
  'multi-question-r1', 'multi-question-r2', 'multi-question-r3', 'multi-question-r4', 'multi-question-r5', 'multi-question-r6', 'multi-question-r7', 'multi-question-r8', 'multi-question-r9',
  'en-multi-question-r1',
];
const named = args.filter((a) => !a.startsWith('-'));
const sets = named.length ? named : DEFAULT_SETS;
// Round 10 is held out (run only through bench/blind-eval.ts), round 11 is the new blind round.
if (sets.some((s) => /-r1\d\b/.test(s))) throw new Error('round-10 sets are held out and round-11 sets blind: use bench/blind-eval.ts');
const nlu = createNlu({
  ...(prior ? { otherPrior: Number(prior.split('=')[1]) } : {}),
  ...(priorEn ? { otherPriorEn: Number(priorEn.split('=')[1]) } : {}),
});
type Row = { id: string; text: string; context?: string[]; intent?: string; secondary?: string | null; intents?: string[] };
for (const s of sets) {
  const file = s.includes('/') ? s : new URL(`../bench/sets/nlu/${s}.jsonl`, import.meta.url);
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
  let hit = 0;
  let otherWant = 0;
  let otherKept = 0;
  let toOther = 0;
  for (const r of rows) {
    const u = r.context ? nlu.understand(r.text, { context: r.context }) : nlu.understand(r.text);
    if (r.intents) {
      const got = new Set([u.intent, u.secondary, ...u.questions.map((q) => q.intent)].filter(Boolean));
      const ok = r.intents.every((w) => got.has(w as never));
      if (ok) hit++;
      else if (verbose) console.log(`  ${r.intents.join('+')} → ${[...got].join('+')} | ${u.questions.map((q) => `${q.intent}:${q.text}`).join(' | ')} || ${r.text}`);
      continue;
    }
    if (u.intent === r.intent) hit++;
    else {
      if (u.intent === 'other') toOther++;
      if (verbose) console.log(`  ${r.intent} → ${u.intent}: ${r.context ? `[${r.context.join(' / ')}] ` : ''}${r.text}`);
    }
    if (r.intent === 'other') {
      otherWant++;
      if (u.intent === 'other') otherKept++;
    }
  }
  const extra = rows[0]?.intents ? '' : `; wrongly other ${toOther}; other kept ${otherKept}/${otherWant}`;
  console.log(`${s}: ${((100 * hit) / rows.length).toFixed(1)} % (${hit}/${rows.length})${extra}`);
}
