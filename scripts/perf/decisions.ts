// Issue 11 / issue 12 (latency work): every decision the reply guard (D1–D11) and the NLU (B1, B2)
// make on the development sets, as one JSON line per item. Speed-ups must not change any of them:
// `same-decisions.ts` compares these lines with the reference written from the code before the work.
// Development sets only: guard r4–r12, nlu r1–r9 and our fixtures (never this or last round's blind sets).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReply, type GuardContext } from '../../src/core/guard/index.js';
import { profileFor } from '../../src/core/rules/load-profiles.js';
import { PLATFORMS, type Platform } from '../../src/core/platforms.js';
import { createNlu } from '../../src/core/nlu/index.js';
import { generateCorpus } from '../guard-corpus/generate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GUARD_SETS = join(ROOT, 'bench', 'sets', 'guard');
const NLU_SETS = join(ROOT, 'bench', 'sets', 'nlu');

export interface GuardItem {
  key: string;
  text: string;
  platform: Platform;
  ctx: GuardContext;
}
export interface NluItem {
  key: string;
  text: string;
  context?: string[];
}

const lines = (file: string): unknown[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);

/** Guard development rounds: r4–r12 (r13 is held out, r14 is this round's blind set). */
export const GUARD_ROUNDS = [4, 5, 6, 7, 8, 9, 10, 11, 12];
/** NLU development rounds: r1–r9 (r10 held out, r11 blind). */
export const NLU_ROUNDS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

interface GuardLine {
  id: string;
  text: string;
  platform: string;
  context?: { free_shipping?: boolean; asker_is_buyer?: boolean; previous_outgoing?: string[] };
}

function guardCase(set: string, o: GuardLine): GuardItem {
  const platform = PLATFORMS.find((p) => p === o.platform) ?? 'taobao';
  const ctx: GuardContext = {};
  if (o.context?.free_shipping !== undefined) ctx.freeShipping = o.context.free_shipping;
  if (o.context?.asker_is_buyer !== undefined) ctx.askerIsBuyer = o.context.asker_is_buyer;
  if (o.context?.previous_outgoing) ctx.previousOutgoing = o.context.previous_outgoing;
  return { key: `${set}/${o.id}`, text: o.text, platform, ctx };
}

/** Every guard development reply, as written and padded to 200 characters (the latency bench's form). */
export function guardItems(): GuardItem[] {
  const out: GuardItem[] = [];
  const files: string[] = [];
  for (const r of GUARD_ROUNDS) for (const k of ['compliant', 'blind']) files.push(join(GUARD_SETS, `${k}-r${r}.jsonl`));
  for (const f of ['replies', 'heldout', 'heldout-2', 'heldout-3', 'dev-r6', 'dev-r6b', 'dev-r6c']) files.push(join(ROOT, 'test', 'fixtures', 'guard', `${f}.jsonl`));
  for (const file of files) {
    if (!existsSync(file)) continue;
    const set = file.slice(ROOT.length + 1);
    for (const o of lines(file) as GuardLine[]) {
      const c = guardCase(set, o);
      out.push(c);
      const padded = c.text.repeat(Math.max(1, Math.ceil(200 / Math.max(1, c.text.length)))).slice(0, 200);
      if (padded !== c.text) out.push({ ...c, key: `${c.key}#200`, text: padded });
    }
  }
  generateCorpus()
    .filter((s) => s.split === 'development')
    .forEach((s, i) => {
      const ctx: GuardContext = { freeShipping: s.ctx.freeShipping ?? false, askerIsBuyer: s.ctx.askerIsBuyer ?? true, ...(s.ctx.platform ? { platform: s.ctx.platform } : {}) };
      const platform: Platform = /[\u4e00-\u9fff]/.test(s.text) ? 'taobao' : 'aliexpress';
      out.push({ key: `corpus/${i}`, text: s.text, platform, ctx });
      out.push({ key: `corpus/${i}#200`, text: s.text.repeat(Math.max(1, Math.ceil(200 / s.text.length))).slice(0, 200), platform, ctx });
    });
  return out;
}

/** Every NLU development message (rounds 1–9 and test/fixtures/nlu-dev). */
export function nluItems(): NluItem[] {
  const files: string[] = [];
  for (const r of NLU_ROUNDS) {
    for (const k of ['zh-blind', 'context', 'en-aliexpress', 'multi-question']) files.push(join(NLU_SETS, `${k}-r${r}.jsonl`));
  }
  files.push(join(NLU_SETS, 'en-multi-question-r1.jsonl'), join(NLU_SETS, 'other-languages-r1.jsonl'));
  const dev = join(ROOT, 'test', 'fixtures', 'nlu-dev');
  for (const f of ['zh', 'en', 'buyer-fragments', 'two-questions', 'context', 'oos']) files.push(join(dev, `development-${f}.jsonl`));
  const out: NluItem[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const set = file.slice(ROOT.length + 1);
    for (const o of lines(file) as Array<{ id: string; text: string; context?: string[] }>) {
      out.push(o.context ? { key: `${set}/${o.id}`, text: o.text, context: o.context } : { key: `${set}/${o.id}`, text: o.text });
    }
  }
  return out;
}

const NOW = new Date('2026-06-01T02:00:00Z');

/** One line per decision: the guard's whole result, the NLU's classify (with scores) and understand. */
export function* decisions(): Generator<string> {
  const profiles = new Map(PLATFORMS.map((p) => [p, profileFor(p)] as const));
  for (const c of guardItems()) {
    const r = checkReply(c.text, profiles.get(c.platform) ?? profileFor(c.platform), c.ctx);
    yield JSON.stringify({ k: `guard:${c.key}`, r });
  }
  const nlu = createNlu();
  for (const m of nluItems()) {
    const opts = m.context ? { context: m.context, now: NOW } : { now: NOW };
    const cl = nlu.classify(m.text, { ...opts, scores: true });
    const un = nlu.understand(m.text, opts);
    yield JSON.stringify({ k: `nlu:${m.key}`, cl, un });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const l of decisions()) process.stdout.write(`${l}\n`);
}
