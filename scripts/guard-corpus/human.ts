// Hand-written replies for the learned layer (issue 11): the guard's development sets in
// bench/sets/guard (earlier rounds' blind sets, released for development once their first run was
// reported). Templates teach the model the kinds; people's sentences teach it how differently the
// same kind is said, which is what the next blind set measures. Each reply is used as written and
// in `copies` disguised copies (the corpus's own evasion operators), always in the train split:
// thresholds are calibrated on the generated corpus's development split only, and a round left out
// with `--hold-out rN` stays an honest check of generalisation.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../../src/core/prng.js';
import { evade, type Sample } from './generate.js';
import type { RuleLabel } from './templates.js';

const SETS = join(dirname(fileURLToPath(import.meta.url)), '../../bench/sets/guard');

/** The development rounds the trainer reads (never a round still blind or held out: r13 and later are not listed; r8–r12 joined after their first runs were reported). */
export const DEVELOPMENT_ROUNDS = ['r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12'] as const;

/** Replies the project wrote itself, by kind of phrasing: round 11 (hand-r11.jsonl) and round 12 (hand-r12.jsonl:
 * promises taken back in a later sentence, curt whole replies, contempt and put-downs in English, numbers in
 * pieces and in English words, payment outside with no channel word, and innocent look-alikes of each) and round 13
 * (hand-r13.jsonl: contempt by rhetorical structure, review rewards by condition, payment outside by code, link or
 * red packet, blame by cause, absolute delivery promises, contact in pieces and other apps, and 225 innocent
 * look-alikes: product names with insult words, the platform's own payment words, warranty terms, hedged dates). */
export const OWN_FILES = ['hand-r11.jsonl', 'hand-r12.jsonl', 'hand-r13.jsonl', 'hand-r14.jsonl'].map((f) => join(dirname(fileURLToPath(import.meta.url)), f));

interface Row {
  id: string;
  text: string;
  platform?: string;
  expect?: string[];
  context?: { free_shipping?: boolean; asker_is_buyer?: boolean };
}

export function humanSamples(rounds: readonly string[], copies = 2, seed = 20261207, extra: readonly string[] = []): Sample[] {
  const r = prng(seed);
  const out: Sample[] = [];
  const files = [...rounds.flatMap((round) => ['blind', 'compliant'].map((kind) => join(SETS, `${kind}-${round}.jsonl`))), ...extra];
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as Row;
      // D8 in one reply (a promise recalled and taken back) is scored since round 12.
      const rules = (row.expect ?? []) as RuleLabel[];
      const ctx: Sample['ctx'] = { platform: row.platform };
      if (row.context?.free_shipping !== undefined) ctx.freeShipping = row.context.free_shipping;
      if (row.context?.asker_is_buyer !== undefined) ctx.askerIsBuyer = row.context.asker_is_buyer;
      const en = !/[\u4e00-\u9fff]/.test(row.text);
      const seen = new Set<string>();
      for (let k = 0; k <= copies; k++) {
        const text = k === 0 ? row.text : evade(r, row.text, en);
        if (seen.has(text)) continue;
        seen.add(text);
        out.push({ text, rules, ctx, orderStatus: false, template: `h:${row.id}`, split: 'train', human: true, ...(k > 0 ? { copy: true } : {}) });
      }
    }
  }
  return out;
}

