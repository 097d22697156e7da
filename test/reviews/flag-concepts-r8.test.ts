// Report flags as concepts, round 8 (R6; issue 13): the sentences in test/fixtures/reviews/flags-r8.ts,
// written by hand for this round (batch 1: 54 flagged, 20 look-alikes). Run before flag-rules.ts was changed
// for them: 43/74 right — flagged caught 25/54 (abuse with no swear word 1/21, extortion 12/14,
// private data 7/9, ads 5/10), false flags 1/20 (不需要任何补偿 read as a deal). Kinds: contempt for a
// person of the shop as a lesser kind (老妖婆, 讨饭的, 软骨头, 蛆, 鹦鹉, "clueless donkey", "pack of
// hyenas"), family and upbringing dragged in, harm promised; a gift or coupon for a better review,
// the buyer's price (价格谈得拢就撤), a review left hanging until a promised gift comes, "unless you …
// I copy this"; phone pieces (尾号 + 前面), a flat in Chinese numerals, one's own name after a place;
// a rival seller quoted after its platform, an invite code, one's own stall. Every flagged one failed
// before this round's changes or is a look-alike that must stay unflagged. Batch 2 (36 flagged, 13
// look-alikes), written after batch 1's fixes and run before any change for it: 30/49 right — flagged
// caught 17/36 (abuse 0/12, extortion 6/9, private data 5/8, ads 6/7), no false flag; abuse with no
// swear word stays the open-ended kind (比城墙还厚, 回村里放羊, 机器都比她有脑子, greedy goblin, zoo).
// Batch 3 (10: person-insult nouns and their look-alikes) and batch 4 (28: extortion, private data, ads;
// first run 23/28 — a conditional gift, 不免就写差评, 'offer me something', '… and I will forget this
// review' missed — no false flag) and batch 6 (18 English: 13/18 first) follow.
// Across the 17,370 unflagged texts of the training corpus the rules flag 1, as at the round's start.
import { describe, expect, it } from 'vitest';
import { analyzeReview } from '../../src/core/reviews/analyze.js';
import { FLAG_CASES_R8 } from '../fixtures/reviews/flags-r8.js';

describe('review flags, round 8 concepts (R6)', () => {
  it('holds hand-written flagged cases and look-alikes', () => {
    expect(FLAG_CASES_R8.filter(([, f]) => f !== '').length).toBeGreaterThanOrEqual(50);
    expect(FLAG_CASES_R8.filter(([, f]) => f === '').length).toBeGreaterThanOrEqual(20);
  });
  it.each(FLAG_CASES_R8)('%s → [%s]', (text, flags) => {
    expect(analyzeReview({ text }).flags.join(',')).toBe(flags);
  });
});
