// The product's own standard answers (标准话术, C12) for every intent of INTENTS.md and for the
// flow steps of seed 004: used for the demo shop and for new shops until they write their own.
// Variants of one key say the same thing in other words; a line break starts a new chat
// message (C4). Placeholders are listed in answers.ts.
import { PRESALES_ANSWERS } from './default-answers-presales.js';
import { SERVICE_ANSWERS } from './default-answers-service.js';
import type { StandardAnswer } from './types.js';

export const DEFAULT_ANSWERS: StandardAnswer[] = [...PRESALES_ANSWERS, ...SERVICE_ANSWERS];
