// Cutting one buyer message into the questions it asks (issue 12): "这件T恤有L码吗？什么时候发货？"
// is two questions, and so is "do you have XL and when do you ship". The cut is generous (every
// clause); nlu.ts classifies the clauses and joins back those that are not questions of their own
// (measurements before 穿什么码, an opener like 亲/老板, a lone 那个).

export interface Clause {
  text: string;
  /** Offset of the clause in the text it was cut from. */
  start: number;
  /** Opened by a connector that was cut away (and/also/btw …): a further question (issue 12). */
  led?: boolean;
}

/** Sentence ends and clause separators, Chinese and Latin. */
const HARD = /[？?。！!；;\n]+/gu;
/**
 * An English full stop between two sentences ("i leave good feedback. how i add photos"); not in
 * numbers (12.5), links or abbreviations without a following word.
 */
const FULL_STOP_EN = /(?<=[a-z]{2})\.+\s+(?=[a-z])/giu;
/** Commas and Chinese enumeration separators; a space between two Han characters counts too. */
const SOFT = /[，,、]+|(?<=[\u4e00-\u9fff0-9a-z])\s+(?=[\u4e00-\u9fff])/gu;
/** Commas only: for word-segmented text ("亲 这个 什么时候 能 发货 啊"), whose spaces are no clauses. */
const COMMAS = /[，,、]+/gu;
/**
 * A question particle followed by more words starts a new question even without punctuation
 * ("包邮吗能开票吗", "能便宜点吗包邮不"); 么 only where it is no part of 什么/怎么/这么/那么/多么/要么.
 */
const PARTICLE = /(?<=[\u4e00-\u9fff](?:吗|呢|嘛|(?<![什怎这那多要])么))\s*(?=[\u4e00-\u9fffa-z0-9]{2})/gu;
/**
 * A second question word after a complete first question ("啥时候发发什么快递", "几号发货发哪个快递"):
 * cut before it when the part before already asks (its question word at least 2 characters back).
 */
const SECOND_ASK = /(?<=(?:什么|啥|哪|多少|几|怎么|咋|多久).{2,})(?=发什么|发哪|(?<!发)(?:什么快递|哪个快递|哪家)|多少钱|几天|多久)/gu;
/**
 * A greeting that opens the message without punctuation ("亲 在不在 170 130斤穿多大的", "老板在吗这个还有吗")
 * is no part of the question after it.
 */
const GREETING_LEAD =
  /(?<=^(?:亲|老板|掌柜的?|客服|店家)?\s*(?:在吗|在么|在嘛|在不在|在不|在没|有人吗|有人在吗|你好|您好|老板好|亲好|哈喽))\s*(?=[\u4e00-\u9fffa-z0-9]{2})/gu;
/**
 * An English greeting that opens the message ("hello seller where my package", "hi 我158 98斤选几码")
 * is no part of the question after it (issue 12).
 */
const GREETING_LEAD_EN =
  /(?<=^(?:hi|hello|hey|hola|ola|good (?:morning|afternoon|evening|day))(?: (?:seller|friend|shop|dear|sir|madam|there|my friend))?[,.!]?)\s+(?!(?:seller|friend|shop|dear|sir|madam|there|my friend)\b)(?=\S{2})/gu;
/** A condition clause (没货的话 / 不行的话 / 退货的话) before what is asked in that case. */
const CONDITION = /(?<=[\u4e00-\u9fff]的话)\s*(?=[\u4e00-\u9fffa-z0-9]{2})/gu;
/** Words that start a new question inside a clause (还有/另外/顺便 …), not at its start. */
const CONNECTOR_ZH = /(?<=.)(还有就是|还有|另外|顺便问一?下|顺便|再问一?下|然后|以及|对了)/gu;
/** English: "and/also/btw" before a new question; "also/btw/plus" and "and" before a new topic. */
const CONNECTOR_EN =
  /\s+(?:(?:and\s+also|and|also|btw|by the way|plus|another question|one more thing)\s+(?=(?:when|where|how|what|which|why|can|could|do|does|did|is|are|will|would|should|may|have|has|got|still|by|i\s+(?:want|need|would|will|give|can|pay|leave|buy)|please|pls|plz|any|the|my|your|u|you|free|discount|coupon|invoice|tracking|shipping|warranty|price|size|colou?r|send|ship|give|put|use|refund|cancel|change|add|make|tell|let|it\s+(?:have|has|is|come|comes|work|works|fit|fits|include|includes))\b)|(?:also|btw|plus)\s+)/giu;

/**
 * Word-segmented text (chat logs exported with a space between words, "亲 这个 什么时候 能 发货
 * 啊"): at least three Han tokens, most of them one or two characters, and a one-character word
 * among them (了/吗/能 stand alone there) unless there are five or more. "好的 那明天能发吧 谢谢" is
 * three clauses a buyer spaced, not a segmented log (issue 12).
 */
export function isWordSegmented(text: string): boolean {
  const tokens = text.split(/\s+/).filter((t) => /[\u4e00-\u9fff]/.test(t));
  if (tokens.length < 3) return false;
  let short = 0;
  let single = 0;
  for (const t of tokens) {
    if (t.length <= 2) short++;
    if (t.length === 1) single++;
  }
  return short / tokens.length >= 0.6 && (single > 0 || tokens.length >= 5);
}

function cutAt(clauses: Clause[], re: RegExp, keepMatch: boolean, marksLed = false): Clause[] {
  const out: Clause[] = [];
  const push = (text: string, start: number, led: boolean | undefined) =>
    out.push(led ? { text, start, led: true } : { text, start });
  for (const c of clauses) {
    let last = 0;
    let led = c.led;
    re.lastIndex = 0;
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
      const empty = m[0].length === 0;
      if (empty) re.lastIndex++;
      if (empty && m.index <= last) continue;
      const piece = c.text.slice(last, m.index);
      if (piece.trim()) push(piece, c.start + last, led);
      last = keepMatch || empty ? m.index : m.index + m[0].length;
      led = marksLed && !empty;
    }
    const rest = c.text.slice(last);
    if (rest.trim()) push(rest, c.start + last, led);
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
  clauses = cutAt(clauses, FULL_STOP_EN, false);
  clauses = cutAt(clauses, isWordSegmented(text) ? COMMAS : SOFT, false);
  clauses = cutAt(clauses, GREETING_LEAD, false);
  clauses = cutAt(clauses, GREETING_LEAD_EN, false);
  clauses = cutAt(clauses, CONDITION, false);
  clauses = cutAt(clauses, CONNECTOR_ZH, true);
  clauses = cutAt(clauses, PARTICLE, false);
  clauses = cutAt(clauses, SECOND_ASK, true);
  clauses = cutAt(clauses, CONNECTOR_EN, false, true);
  return clauses
    .map((c) => {
      const lead = c.text.length - c.text.trimStart().length;
      const out: Clause = { text: c.text.trim(), start: c.start + lead };
      if (c.led) out.led = true;
      return out;
    })
    .filter((c) => c.text.length > 0);
}

/** Quick test: could this text hold more than one clause? */
export function mayHoldSeveral(text: string): boolean {
  return /[？?。！!；;\n，,、]|\s\S|还有|另外|顺便|然后|以及|对了|再问|的话|^(亲|老板)?(在|你好|您好|哈喽)|[吗呢嘛么].|什么.*(快递|哪|多少钱|几天|多久)|[啥几哪].*(什么|哪|多少)/u.test(text.trim());
}
