// The reply guard's public surface (D1–D11).
export { checkReply, pointsFor, type GuardInputProfile } from './check-reply.js';
export { evaluateGuard, reportMarkdown, type GuardEvalReport, type LabelledReply, type RuleScore } from './evaluate.js';
export { guardProfileSchema, RULE_IDS, PROMISE_KINDS, type GuardProfile, type RuleId, type PromiseKind } from './profile-schema.js';
export type { GuardContext, GuardResult, ReplyPromise, Violation } from './types.js';
export { listPhrases, PHRASE_CATEGORIES, type PhraseCategory, type PhraseGroup } from './phrases.js';
