// Cutting one buyer message into the questions it asks (issue 12): "这件T恤有L码吗？什么时候发货？"
// is two questions, and so is "do you have XL and when do you ship". The cut is generous (every
// clause); nlu.ts classifies the clauses and joins back those that are not questions of their own
// (measurements before 穿什么码, an opener like 亲/老板, a lone 那个).

export interface Clause {
  text: string;
  /** Offset of the clause in the text it was cut from. */
  start: number;
}

/** Sentence ends and clause separators, Chinese and Latin. */
const HARD = /[？?。！!；;\n]+/gu;
/** Commas and Chinese enumeration separators; a space between two Han characters counts too. */
const SOFT = /[，,、]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/gu;
/** Words that start a new question inside a clause (还有/另外/顺便 …), not at its start. */
const CONNECTOR_ZH = /(?<=.)(还有就是|还有|另外|顺便问一?下|顺便|再问一?下|然后|以及|对了)/gu;
/** English: "and/also/btw" before a new question. */
const CONNECTOR_EN =
  /\s+(?:and\s+also|and|also|btw|by the way|plus)\s+(?=(?:when|where|how|what|which|why|can|could|do|does|did|is|are|will|would|should|may|i\s+want|i\s+need|please|pls|any|the|my|your)\b)/giu;

function cutAt(clauses: Clause[], re: RegExp, keepMatch: boolean): Clause[] {
  const out: Clause[] = [];
  for (const c of clauses) {
    let last = 0;
    re.lastIndex = 0;
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const piece = c.text.slice(last, m.index);
      if (piece.trim()) out.push({ text: piece, start: c.start + last });
      last = keepMatch ? m.index : m.index + m[0].length;
    }
    const rest = c.text.slice(last);
    if (rest.trim()) out.push({ text: rest, start: c.start + last });
  }
  return out;
}

/**
 * Every clause of a message in order, trimmed. A message without separators is one clause, so the
 * common case costs one regex test.
 */
export function splitClauses(text: string): Clause[] {
  let clauses: Clause[] = [{ text, start: 0 }];
  clauses = cutAt(clauses, HARD, false);
  clauses = cutAt(clauses, SOFT, false);
  clauses = cutAt(clauses, CONNECTOR_ZH, true);
  clauses = cutAt(clauses, CONNECTOR_EN, false);
  return clauses
    .map((c) => {
      const lead = c.text.length - c.text.trimStart().length;
      return { text: c.text.trim(), start: c.start + lead };
    })
    .filter((c) => c.text.length > 0);
}

/** Quick test: could this text hold more than one clause? */
export function mayHoldSeveral(text: string): boolean {
  return /[？?。！!；;\n，,、]|\s\S|还有|另外|顺便|然后|以及|对了|再问/u.test(text.trim());
}
