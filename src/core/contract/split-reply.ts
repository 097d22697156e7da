// C4: how a reply goes out — one short chat message a line; a longer answer is cut at sentence
// ends, then at commas; nothing but blank lines and surrounding spaces is dropped, nothing is
// reordered. Shared by the server (which sends the pieces) and the workbench (which shows the
// agent the same pieces before sending).

/** C4: one short line a message; longer answers are cut at sentence ends, then at commas. */
export const MAX_MESSAGE_CHARS = 40;

export function splitReply(text: string, max = MAX_MESSAGE_CHARS): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if ([...trimmed].length <= max) {
      out.push(trimmed);
      continue;
    }
    // One sentence a message (closing punctuation and emoticons stay with it); an overlong
    // sentence is cut at commas, packing its pieces up to the limit; a lone fragment such as
    // 好的。 joins its neighbour.
    const sentences = trimmed.match(/[^。！？!?；;]+[。！？!?；;]*|[。！？!?；;]+/g) ?? [trimmed];
    const units: string[] = [];
    for (const s of sentences) {
      if ([...s].length <= max) units.push(s);
      else units.push(...pack((s.match(/[^，,、]+[，,、]*|[，,、]+/g) ?? [s]).flatMap((x) => hardWrap(x, max)), max));
    }
    const merged: string[] = [];
    for (const u of units) {
      const prev = merged[merged.length - 1];
      const tiny = (x: string) => [...x.trim()].length < MIN_MESSAGE_CHARS;
      if (prev !== undefined && (tiny(u) || tiny(prev)) && [...prev + u].length <= max) merged[merged.length - 1] = prev + u;
      else merged.push(u);
    }
    out.push(...merged.map((m) => m.trim()).filter(Boolean));
  }
  return out;
}

/** Fragments shorter than this are not sent alone. */
const MIN_MESSAGE_CHARS = 6;

function pack(pieces: string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current && [...current + piece].length > max) {
      out.push(current);
      current = '';
    }
    current += piece;
  }
  if (current) out.push(current);
  return out;
}

function hardWrap(piece: string, max: number): string[] {
  const chars = [...piece];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += max) out.push(chars.slice(i, i + max).join(''));
  return out;
}
