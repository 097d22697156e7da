// Public API of the NLU (B1, B2, B3). Other modules import from here only.
//
//   createNlu(opts?: { shopDictionary?: string[]; extraExamples?: {text, intent}[]; folds?: number;
//             cache?: { load(key), save(key, bytes) } }): Nlu   (cache: reuse a trained model between runs)
//     Trains an intent model on the shipped examples (src/core/nlu/training/*.txt) plus the shop's
//     own, with the shop's item names added to the segmenter and matched as itemRefs.
//   nlu.classify(text, { context?: string[]; now?: Date; scores?: boolean })
//     → { intent, confidence (calibrated 0–1), secondary?, entities, normalized, fromContext?, scores? }
//   nlu.understand(text, opts)  → classify's result + language + questions[] (issue 12: every
//     question of a message — clauses, ？/?, 还有/另外/顺便, and/also — classified, in order)
//   detectLanguage(text): 'zh'|'en'|'es'|'pt'|'ru'|'fr';  glossZh(language, questions): a Chinese
//     gloss of a foreign-language message for the agent (intent + key entities)
//   getDefaultNlu(): Nlu          lazily trained singleton on the shipped examples
//   setDefaultNluCache(cache)     where getDefaultNlu keeps its model between processes (app/shops/nlu-model-cache)
//   normalizeText(text): string   full-width, traditional, emoji, 旺旺 codes, slang → canonical text
//   extractEntities(normalized, { shopDictionary?, now? }): Entities
//   trainModel(examples, opts) / loadShippedExamples(): lower-level training for tools and benches
//   evaluate(items: {gold, goldSecondary?, predicted}[], topConfusions = 15): EvalReport with
//     accuracy, macro-F1, secondary-aware accuracy, per-intent P/R and the top confusion pairs
export { createNlu, getDefaultNlu, loadedDefaultNlu, OTHER_PRIOR, OTHER_PRIOR_EN, nluFromModelBytes, trainNluBytes, trainingInput, setDefaultNluCache } from './nlu.js';
export { detectLanguage, ANSWERED_LANGUAGES, LANGUAGE_NAMES_EN, LANGUAGE_NAMES_ZH, MESSAGE_LANGUAGES } from './language.js';
export type { MessageLanguage } from './language.js';
export { splitClauses } from './questions.js';
export { glossZh } from './gloss.js';
export type { ClassifyOptions, ClassifyResult, MessageUnderstanding, ModelCache, Nlu, NluOptions, QuestionResult } from './nlu.js';
export { normalizeText } from './normalize.js';
export { extractEntities } from './entities/index.js';
export type { EntityOptions } from './entities/index.js';
export { exportModel, importModel, trainModel } from './classifier.js';
export type { IntentModel, ModelStats, TrainModelOptions } from './classifier.js';
export { loadShippedExamples, parseExamples } from './training/load.js';
export type { Example } from './training/load.js';
export { evaluate } from './metrics.js';
export type { EvalItem, EvalReport } from './metrics.js';
