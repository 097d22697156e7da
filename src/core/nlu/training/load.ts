// The shipped training examples: one UTF-8 file per intent (`<intent>.txt`), one buyer message
// a line, a line starting with `#` is a comment. Written for this project (never taken from the evaluation sets).
// The examples are data that ships with the code, read through core/data-files.ts.
import { readShippedFile } from '../../data-files.js';
import { INTENT_IDS, type IntentId } from '../../intents.js';

export interface Example {
  text: string;
  intent: IntentId;
  /** Set for the English examples (training/en/), which get no Chinese augmentation. */
  lang?: 'en';
}

/** Parses one intent file's text into examples. */
export function parseExamples(text: string, intent: IntentId, lang?: 'en'): Example[] {
  const out: Example[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length > 0 && !line.startsWith('#')) out.push(lang ? { text: line, intent, lang } : { text: line, intent });
  }
  return out;
}

let cache: Example[] | undefined;

/**
 * All shipped examples, in intent order: the Chinese ones (`<intent>.txt`), then the English ones
 * of cross-border buyers (`en/<intent>.txt`, issue 12).
 */
export function loadShippedExamples(): Example[] {
  if (!cache) {
    cache = [
      ...INTENT_IDS.flatMap((intent) => parseExamples(readShippedFile(import.meta.url, `${intent}.txt`), intent)),
      ...INTENT_IDS.flatMap((intent) =>
        parseExamples(readShippedFile(import.meta.url, `en/${intent}.txt`), intent, 'en'),
      ),
    ];
  }
  return cache.slice();
}
