// L1: the shapes of the role-play simulator (issue 16). A scenario is data
// (scenarios/*.yaml); a session is a seed, the shop's catalogue (read-only) and the buyer's state.
import type { IntentId } from '../intents.js';

export const OUTCOMES = ['bought', 'satisfied', 'left', 'complained'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const FLOW_STEPS = ['greeting', 'needs', 'recommendation', 'verification', 'farewell'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

export const MOODS = ['calm', 'impatient', 'angry'] as const;
export type Mood = (typeof MOODS)[number];

export interface Goal {
  id: string;
  titleZh: string;
  intents: IntentId[];
  /** Every group must have one of its words in the reply for the goal to be met. */
  accept: string[][];
  /** Any group fully… any word here in the reply is the mistake the scenario sets up. */
  trap: string[][];
  trapZh: string | null;
  /** Words that show the reply is about the buyer's question at all. */
  topic: string[];
  ask: string[];
  ok: string[];
}

export interface Scenario {
  id: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  intents: IntentId[];
  mood: Mood;
  patience: number;
  flow: FlowStep[];
  empathyRequired: boolean;
  goodOutcome: Outcome;
  badOutcome: Outcome;
  /** How the buyer ends when the trainee falls into the scenario's trap. */
  trapOutcome: Outcome;
  /** D6 scenarios: the chat partner is not the account that placed the order. */
  askerIsBuyer: boolean;
  goals: Goal[];
  endings: Partial<Record<Outcome, string[]>>;
}

export interface CommonReactions {
  offTopic: string[];
  slow: string[];
  violation: string[];
  push: string[];
  calmSuffix: string[];
  impatientPrefix: string[];
  angryPrefix: string[];
  empathyThanks: string[];
}

/** What the buyer talks about, drawn from the shop's catalogue at the start (never a real order). */
export interface BuyerSlots {
  item: string;
  itemId: string | null;
  price: string;
  size: string;
  colour: string;
  order: string;
  shop: string;
}

/** The simulated buyer between turns (stored as the session's state). */
export interface BuyerState {
  seed: number;
  /** Random draws made so far (the PRNG is re-run to here; same seed and replies → same buyer). */
  draws: number;
  slots: BuyerSlots;
  goalIndex: number;
  patience: number;
  /** The angry buyer calmed by empathy once. */
  soothed: boolean;
  /** Misses on the current goal. */
  misses: number;
  turns: number;
  ended: boolean;
  outcome: Outcome | null;
}

/** How one trainee reply was read (stored with the reply; the report is built from these). */
export interface TurnAnalysis {
  goalId: string | null;
  goalMet: boolean;
  trapHit: boolean;
  onTopic: boolean;
  /** Seconds since the buyer line it answers. */
  seconds: number;
  targetSeconds: number;
  slow: boolean;
  violations: { rule: string; title: string; severity: 'block' | 'warn'; points: number; message: string; rewrite: string }[];
  /** The NLU's reading of the reply (a seller's line read with the buyer-intent model: topic only). */
  replyIntent: IntentId;
  steps: FlowStep[];
  empathy: boolean;
  consistency: number;
  /** The bot's planned answer to the buyer line this reply answers (the model answer). */
  modelAnswer: string;
}

export interface BuyerTurn {
  text: string;
  /** The NLU's intent of the buyer line (as the real pipeline would read it). */
  intent: IntentId;
}
