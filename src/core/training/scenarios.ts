// L1: the practice scenarios, read from scenarios/*.yaml next to this module and checked once.
import { parse } from 'yaml';
import { z } from 'zod';
import { readShippedFile } from '../data-files.js';
import { INTENT_IDS } from '../intents.js';
import { FLOW_STEPS, MOODS, OUTCOMES, type CommonReactions, type Scenario } from './types.js';

/** The scenarios in the order the workbench lists them. */
export const SCENARIO_IDS = [
  'bargaining',
  'out_of_stock',
  'size_advice',
  'invoice',
  'complaint',
  'refund',
  'delayed_parcel',
  'scam_attempt',
  'privacy_trap',
  'angry_buyer',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

const words = z.array(z.array(z.string().min(1)).min(1));
const lines = z.array(z.string().min(1)).min(1);

const goalSchema = z.strictObject({
  id: z.string(),
  title_zh: z.string(),
  intents: z.array(z.enum(INTENT_IDS)).min(1),
  accept: words,
  trap: words.default([]),
  trap_zh: z.string().optional(),
  topic: z.array(z.string()).default([]),
  ask: lines,
  ok: z.array(z.string()).default([]),
});

const scenarioSchema = z.strictObject({
  id: z.string(),
  title_zh: z.string(),
  title_en: z.string(),
  summary_zh: z.string(),
  intents: z.array(z.enum(INTENT_IDS)).min(1),
  mood: z.enum(MOODS),
  patience: z.number().int().min(1).max(10),
  flow: z.array(z.enum(FLOW_STEPS)),
  empathy_required: z.boolean(),
  good_outcome: z.enum(OUTCOMES),
  bad_outcome: z.enum(OUTCOMES),
  /** How the buyer ends when the trainee falls into the trap (default: bad_outcome). */
  trap_outcome: z.enum(OUTCOMES).optional(),
  context: z.strictObject({ asker_is_buyer: z.boolean() }).optional(),
  goals: z.array(goalSchema).min(1),
  endings: z.partialRecord(z.enum(OUTCOMES), lines),
});

const commonSchema = z.strictObject({
  off_topic: lines,
  slow: lines,
  violation: lines,
  push: lines,
  calm_suffix: z.array(z.string()),
  impatient_prefix: z.array(z.string()),
  angry_prefix: z.array(z.string()),
  empathy_thanks: lines,
});

function read(name: string): unknown {
  return parse(readShippedFile(import.meta.url, `scenarios/${name}.yaml`));
}

let cache: Map<string, Scenario> | null = null;
let common: CommonReactions | null = null;

export function loadScenarios(): Map<string, Scenario> {
  if (cache) return cache;
  const out = new Map<string, Scenario>();
  for (const id of SCENARIO_IDS) {
    const parsed = scenarioSchema.safeParse(read(id));
    if (!parsed.success) throw new Error(`训练场景 ${id}.yaml 格式有误: ${parsed.error.message}`);
    const s = parsed.data;
    if (s.id !== id) throw new Error(`训练场景 ${id}.yaml 的 id 写成了 ${s.id}`);
    for (const o of [s.good_outcome, s.bad_outcome, s.trap_outcome ?? s.bad_outcome, 'left' as const]) if (!s.endings[o]) throw new Error(`训练场景 ${id} 缺少结局 ${o}`);
    out.set(id, {
      id,
      titleZh: s.title_zh,
      titleEn: s.title_en,
      summaryZh: s.summary_zh,
      intents: s.intents,
      mood: s.mood,
      patience: s.patience,
      flow: s.flow,
      empathyRequired: s.empathy_required,
      goodOutcome: s.good_outcome,
      badOutcome: s.bad_outcome,
      trapOutcome: s.trap_outcome ?? s.bad_outcome,
      askerIsBuyer: s.context?.asker_is_buyer ?? true,
      goals: s.goals.map((g) => ({
        id: g.id, titleZh: g.title_zh, intents: g.intents, accept: g.accept, trap: g.trap, trapZh: g.trap_zh ?? null,
        topic: g.topic, ask: g.ask, ok: g.ok,
      })),
      endings: s.endings,
    });
  }
  cache = out;
  return out;
}

export function scenarioById(id: string): Scenario | undefined {
  return loadScenarios().get(id);
}

export function commonReactions(): CommonReactions {
  if (common) return common;
  const parsed = commonSchema.safeParse(read('common'));
  if (!parsed.success) throw new Error(`训练场景 common.yaml 格式有误: ${parsed.error.message}`);
  const c = parsed.data;
  common = {
    offTopic: c.off_topic, slow: c.slow, violation: c.violation, push: c.push,
    calmSuffix: c.calm_suffix, impatientPrefix: c.impatient_prefix, angryPrefix: c.angry_prefix, empathyThanks: c.empathy_thanks,
  };
  return common;
}

const scoringSchema = z.strictObject({
  start: z.number(),
  violation_block: z.number(),
  violation_warn: z.number(),
  slow_reply: z.number(),
  missing_flow_step: z.number(),
  inconsistent_answer: z.number(),
  missing_empathy: z.number(),
  goal_missed: z.number(),
  trap: z.number(),
  bad_outcome: z.number(),
  patience_slow_factor: z.number(),
  consistency_min: z.number(),
});
export type ScoringWeights = z.infer<typeof scoringSchema>;
let weights: ScoringWeights | null = null;

/** The training weights (scoring.yaml): the project's, not a platform's. */
export function scoringWeights(): ScoringWeights {
  weights ??= scoringSchema.parse(parse(readShippedFile(import.meta.url, 'scoring.yaml')));
  return weights;
}
