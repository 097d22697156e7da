import { describe, expect, it } from 'vitest';
import { INTENT_IDS } from '../intents.js';
import { STAGES, nextStage, servicePhaseOf, isStage, type Stage, type StageEvent } from './stages.js';

describe('conversation stage (C1)', () => {
  const cases: [Stage, StageEvent, Stage][] = [
    ['greet', { kind: 'intent', intent: 'stock' }, 'inquire'],
    ['greet', { kind: 'intent', intent: 'stock', recommended: true }, 'recommend'],
    ['inquire', { kind: 'intent', intent: 'recommend' }, 'recommend'],
    ['recommend', { kind: 'intent', intent: 'bargain' }, 'bargain'],
    ['bargain', { kind: 'order_created' }, 'payment'],
    ['payment', { kind: 'order_paid' }, 'verify'],
    ['verify', { kind: 'order_shipped' }, 'logistics'],
    ['logistics', { kind: 'order_signed' }, 'aftersales'],
    ['aftersales', { kind: 'intent', intent: 'thanks_bye' }, 'farewell'],
    ['farewell', { kind: 'follow_up_due' }, 'follow_up'],
    // a greeting in the middle keeps the stage; after a follow-up it opens a new round
    ['logistics', { kind: 'intent', intent: 'greeting' }, 'logistics'],
    ['follow_up', { kind: 'intent', intent: 'greeting' }, 'greet'],
    // a pre-sales question during logistics does not pull the conversation back
    ['logistics', { kind: 'intent', intent: 'stock' }, 'logistics'],
    ['aftersales', { kind: 'intent', intent: 'bargain' }, 'aftersales'],
    // after a farewell a new question reopens the pre-sales flow
    ['farewell', { kind: 'intent', intent: 'size_fit' }, 'inquire'],
    // stage-neutral intents move a fresh conversation into the dialogue only
    ['greet', { kind: 'intent', intent: 'invoice' }, 'inquire'],
    ['payment', { kind: 'intent', intent: 'invoice' }, 'payment'],
    ['inquire', { kind: 'intent', intent: 'complaint' }, 'aftersales'],
  ];
  it.each(cases)('%s + %o → %s', (from, event, to) => {
    expect(nextStage(from, event)).toBe(to);
  });

  it('every stage maps onto the service flow 欢迎语 → … → 欢送', () => {
    expect(STAGES.map(servicePhaseOf)).toEqual([
      'welcome',
      'dialogue',
      'dialogue',
      'bargain',
      'payment',
      'payment',
      'logistics',
      'aftersales',
      'farewell',
      'farewell',
    ]);
  });

  it('every intent gives a valid stage from every stage', () => {
    for (const s of STAGES)
      for (const intent of INTENT_IDS) expect(isStage(nextStage(s, { kind: 'intent', intent }))).toBe(true);
    expect(isStage('nonsense')).toBe(false);
  });
});
