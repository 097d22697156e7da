// Guard underlines (D): a draft cut into plain and flagged stretches. How a reply is split into
// chat messages (C4) is the server's rule, shared from src/core/contract/split-reply.ts.
/** Text cut into plain and flagged stretches, for underlining guard violations. */
export function segmentsOf(text: string, spans: [number, number][]): { text: string; flagged: boolean }[] {
  const marks = new Array<boolean>(text.length).fill(false);
  for (const [a, b] of spans) for (let i = Math.max(0, a); i < Math.min(text.length, b); i++) marks[i] = true;
  const out: { text: string; flagged: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const flagged = marks[i] ?? false;
    const last = out.at(-1);
    if (last && last.flagged === flagged) last.text += text[i];
    else out.push({ text: text[i] ?? '', flagged });
  }
  return out;
}
