// D7 — never close an order without the buyer's consent; let the buyer close it (seed 001;
// Tmall 1 point per order, from the profile's penalties).
import { detectByPatterns } from '../compile.js';
import type { Detector } from '../types.js';

export const d7CloseOrder: Detector = {
  rule: 'D7',
  scope: 'own',
  detect: ({ c, view }) => detectByPatterns(c, view, 'D7'),
};
