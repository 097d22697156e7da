// D9 — no cash-back or other reward in exchange for a good review (seed 001; R7 allows coupons
// for any review, never for a good one). Phrases live in the profile.
import { detectByPatterns } from '../compile.js';
import type { Detector } from '../types.js';

export const d9ReviewReward: Detector = {
  rule: 'D9',
  scope: 'all',
  detect: ({ c, view }) => detectByPatterns(c, view, 'D9'),
};
