// L1: the simulated buyer. It opens with a line posing the scenario's first goal, then reacts to
// each trainee reply as it was read (analyse.ts): a met goal moves on to the next question, an
// off-topic or vague reply costs patience and gets a push, a slow reply an impatient 在吗, a
// violation a pointed remark, the scenario's trap its consequence; an angry buyer calms once when
// spoken to with empathy. The buyer ends the chat like a real one: buys, is satisfied, leaves or
// complains. Deterministic: every choice comes from the session's seed (core/prng).
import { prng } from '../prng.js';
import type { Item } from '../bot/types.js';
import { commonReactions } from './scenarios.js';
import type { BuyerSlots, BuyerState, Outcome, Scenario, TurnAnalysis } from './types.js';

/** The session's dice: the PRNG re-run to the number of draws already made. */
class Dice {
  private readonly next: () => number;
  draws: number;
  constructor(seed: number, draws: number) {
    this.next = prng(seed);
    for (let i = 0; i < draws; i++) this.next();
    this.draws = draws;
  }
  float(): number {
    this.draws += 1;
    return this.next();
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.float() * list.length)]!;
  }
}

export interface Catalogue {
  shopName: string;
  items: readonly Item[];
}

/** When the shop lists nothing, the buyer asks about a generic item (the words, not a product). */
const GENERIC: Omit<BuyerSlots, 'order' | 'shop'> = { item: '这款', itemId: null, price: '99', size: 'M', colour: '黑色' };

function drawSlots(dice: Dice, catalogue: Catalogue): BuyerSlots {
  const order = Array.from({ length: 16 }, (_, i) => (i === 0 ? 9 : Math.floor(dice.float() * 10))).join('');
  const listed = catalogue.items.filter((i) => i.variants.length > 0);
  if (listed.length === 0) return { ...GENERIC, order, shop: catalogue.shopName };
  const item = dice.pick(listed);
  const variant = dice.pick(item.variants);
  return {
    item: item.title,
    itemId: item.id,
    price: String(Math.round(item.price)),
    size: variant.size || 'M',
    colour: variant.colour || '黑色',
    order,
    shop: catalogue.shopName,
  };
}

function fill(line: string, s: BuyerSlots): string {
  return line.replace(/\{(item|price|size|colour|order|shop)\}/g, (_, k: keyof BuyerSlots) => String(s[k] ?? ''));
}

function voiced(scenario: Scenario, dice: Dice, line: string): string {
  const c = commonReactions();
  if (scenario.mood === 'angry') return `${dice.pick(c.angryPrefix)}${line}`;
  if (scenario.mood === 'impatient') return `${dice.pick(c.impatientPrefix)}${line}`;
  return `${line}${dice.pick(c.calmSuffix)}`;
}

export interface BuyerMove {
  state: BuyerState;
  /** The buyer's next line. */
  line: string;
  ended: boolean;
  outcome: Outcome | null;
}

export function startBuyer(scenario: Scenario, seed: number, catalogue: Catalogue): BuyerMove {
  const dice = new Dice(seed, 0);
  const slots = drawSlots(dice, catalogue);
  const line = voiced(scenario, dice, fill(dice.pick(scenario.goals[0]!.ask), slots));
  const state: BuyerState = {
    seed, draws: dice.draws, slots, goalIndex: 0, patience: scenario.patience, soothed: false, misses: 0, turns: 0,
    ended: false, outcome: null,
  };
  return { state, line, ended: false, outcome: null };
}

function ending(scenario: Scenario, dice: Dice, state: BuyerState, outcome: Outcome): string {
  const lines = scenario.endings[outcome] ?? scenario.endings[scenario.badOutcome]!;
  return fill(dice.pick(lines), state.slots);
}

/** The outcome when the buyer runs out of patience: a scammer who gets nothing simply leaves. */
function outOfPatience(scenario: Scenario): Outcome {
  return scenario.badOutcome === 'bought' ? 'left' : scenario.badOutcome;
}

const OFF_PLATFORM_RULES = new Set(['D1', 'D2']);

/** Where an off-platform offer leads: never the scenario's good outcome (a scammer who wanted it complains). */
export function offPlatformOutcome(scenario: Scenario): Outcome {
  return scenario.goodOutcome === 'left' ? 'complained' : 'left';
}

/** The buyer's reaction to a trainee reply. `slowFactor`: patience goes when a reply takes this many times the target. */
export function reactToReply(scenario: Scenario, prev: BuyerState, a: TurnAnalysis, slowFactor: number): BuyerMove {
  if (prev.ended) return { state: prev, line: '', ended: true, outcome: prev.outcome };
  const c = commonReactions();
  const dice = new Dice(prev.seed, prev.draws);
  const state: BuyerState = { ...prev, turns: prev.turns + 1 };
  const finish = (outcome: Outcome): BuyerMove => {
    const line = ending(scenario, dice, state, outcome);
    return { state: { ...state, draws: dice.draws, ended: true, outcome }, line, ended: true, outcome };
  };
  const prefix: string[] = [];

  // D1/D2: a reply that takes the buyer off the platform (WeChat, a private transfer) never ends in a
  // sale on it — the buyer leaves the shop's chat — whatever the scenario's trap would otherwise lead to.
  if (a.violations.some((v) => v.severity === 'block' && OFF_PLATFORM_RULES.has(v.rule))) return finish(offPlatformOutcome(scenario));
  if (a.trapHit) return finish(scenario.trapOutcome);
  if (a.seconds > a.targetSeconds * slowFactor) {
    state.patience -= 1;
    prefix.push(dice.pick(c.slow));
  }
  if (a.violations.some((v) => v.severity === 'block')) {
    state.patience -= 1;
    prefix.push(dice.pick(c.violation));
  }
  if (scenario.mood === 'angry') {
    if (a.empathy && !state.soothed) {
      state.soothed = true;
      state.patience += 1;
      prefix.push(dice.pick(c.empathyThanks));
    } else if (!a.empathy && !state.soothed) {
      state.patience -= 1;
    }
  }

  let line: string;
  if (a.goalMet) {
    state.goalIndex += 1;
    state.misses = 0;
    if (state.goalIndex >= scenario.goals.length) return finish(scenario.goodOutcome);
    const done = scenario.goals[state.goalIndex - 1]!;
    const next = scenario.goals[state.goalIndex]!;
    const ack = done.ok.length ? `${fill(dice.pick(done.ok), state.slots)}，` : '';
    line = `${ack}${fill(dice.pick(next.ask), state.slots)}`;
  } else if (!a.onTopic) {
    state.patience -= 1;
    state.misses += 1;
    const goal = scenario.goals[state.goalIndex]!;
    line = `${dice.pick(c.offTopic)}。${fill(dice.pick(goal.ask), state.slots)}`;
  } else {
    state.misses += 1;
    if (state.misses >= 2) state.patience -= 1;
    line = dice.pick(c.push);
  }
  if (state.patience <= 0) return finish(outOfPatience(scenario));
  // A buyer does not argue forever: three rounds per question at most.
  if (state.turns >= scenario.goals.length * 3 + 1) return finish(outOfPatience(scenario));
  const text = voiced(scenario, dice, [...prefix, line].join(' '));
  return { state: { ...state, draws: dice.draws }, line: text, ended: false, outcome: null };
}

/** The trainee ends the chat before the buyer did: the buyer leaves with the goals left open. */
export function endByTrainee(scenario: Scenario, prev: BuyerState): BuyerMove {
  if (prev.ended) return { state: prev, line: '', ended: true, outcome: prev.outcome };
  const done = prev.goalIndex >= scenario.goals.length;
  const outcome: Outcome = done ? scenario.goodOutcome : 'left';
  return { state: { ...prev, ended: true, outcome }, line: '', ended: true, outcome };
}
