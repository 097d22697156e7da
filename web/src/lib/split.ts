// C4 preview: how a long answer would go out as short messages, one line each. The server does
// the real split; this only tells the agent before sending.
const MAX = 40;

export function splitPreview(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (trimmed.length <= MAX) {
      out.push(trimmed);
      continue;
    }
    let buf = '';
    for (const part of trimmed.split(/(?<=[。！？!?；;])/)) {
      if (buf && buf.length + part.length > MAX) {
        out.push(buf);
        buf = '';
      }
      buf += part;
    }
    if (buf) out.push(buf);
  }
  return out;
}

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
