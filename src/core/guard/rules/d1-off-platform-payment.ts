// D1 — no off-platform payment: WeChat/Alipay transfers, red packets, scan-to-pay, bank cards,
// private deals (seeds 000, 001). Phrases live in the profile (`guard.rules.D1`).
import { detectByPatterns } from '../compile.js';
import type { Detector } from '../types.js';

export const d1OffPlatformPayment: Detector = {
  rule: 'D1',
  scope: 'all',
  detect: ({ c, view }) => detectByPatterns(c, view, 'D1'),
};
