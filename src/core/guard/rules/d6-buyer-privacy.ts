// D6 — buyer privacy: order details are confirmed only with the account that placed the order;
// any other account is asked to use that one (seed 001; Tmall 6 points for leaking buyer data).
import { detectByPatterns } from '../compile.js';
import type { Detector } from '../types.js';

export const d6BuyerPrivacy: Detector = {
  rule: 'D6',
  scope: 'own',
  detect: ({ c, view, ctx }) => (ctx.askerIsBuyer === false ? detectByPatterns(c, view, 'D6') : []),
};
