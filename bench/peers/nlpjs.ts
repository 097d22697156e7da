// Peer for the intent benchmark: NLP.js (@nlpjs/basic + @nlpjs/lang-zh), its neural classifier
// trained on the given examples. Used only by bench/nlu.bench.ts (dev dependency).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface NlpJs {
  addLanguage(locale: string): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<{ intent?: string; score?: number }>;
  settings: Record<string, unknown>;
}

export interface PeerModel {
  classify(text: string): Promise<{ intent: string; confidence: number }>;
  trainMs: number;
}

/** Trains an NLP.js Chinese model on the examples; unmatched messages come out `other`. */
export async function trainNlpJs(examples: ReadonlyArray<{ text: string; intent: string }>): Promise<PeerModel> {
  const basic = require('@nlpjs/basic') as {
    containerBootstrap: () => Promise<{ use: (m: unknown) => void; get: (n: string) => unknown }>;
    Nlp: unknown;
  };
  const { LangZh } = require('@nlpjs/lang-zh') as { LangZh: unknown };
  const container = await basic.containerBootstrap();
  container.use(basic.Nlp);
  container.use(LangZh);
  const nlp = container.get('nlp') as NlpJs;
  nlp.settings.autoSave = false;
  nlp.settings.autoLoad = false;
  nlp.settings.log = false;
  nlp.addLanguage('zh');
  for (const ex of examples) nlp.addDocument('zh', ex.text, ex.intent);
  const t0 = performance.now();
  const log = console.log;
  console.log = () => {}; // NLP.js prints training epochs
  try {
    await nlp.train();
  } finally {
    console.log = log;
  }
  const trainMs = performance.now() - t0;
  return {
    trainMs,
    async classify(text: string) {
      const r = await nlp.process('zh', text);
      const intent = r.intent && r.intent !== 'None' ? r.intent : 'other';
      return { intent, confidence: r.score ?? 0 };
    },
  };
}
