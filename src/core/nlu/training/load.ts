// The shipped training examples: one UTF-8 file per intent (`<intent>.txt`), one buyer message
// a line, a line starting with `#` is a comment. Written for this project (never taken from the evaluation sets).
// Like the rule-profile loader this is one of the few places in core that reads files: the
// examples are data that ships with the code.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTENT_IDS, type IntentId } from '../../intents.js';

export interface Example {
  text: string;
  intent: IntentId;
}

const DIR = dirname(fileURLToPath(import.meta.url));

/** Parses one intent file's text into examples. */
export function parseExamples(text: string, intent: IntentId): Example[] {
  const out: Example[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length > 0 && !line.startsWith('#')) out.push({ text: line, intent });
  }
  return out;
}

let cache: Example[] | undefined;

/** All shipped examples, in intent order. */
export function loadShippedExamples(): Example[] {
  if (!cache) {
    cache = INTENT_IDS.flatMap((intent) =>
      parseExamples(readFileSync(join(DIR, `${intent}.txt`), 'utf8'), intent),
    );
  }
  return cache.slice();
}
