// D3 — no insults or rude language (seeds 000, 001; C16). Word lists live in the profile.
import { detectByPatterns } from '../compile.js';
import type { Detector } from '../types.js';

export const d3Rudeness: Detector = {
  rule: 'D3',
  scope: 'all',
  detect: ({ c, view }) => detectByPatterns(c, view, 'D3'),
};
