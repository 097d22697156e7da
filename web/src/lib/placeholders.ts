// Standard answers carry placeholders ({shop.name}, {item.title}…, see src/core/bot/answers.ts).
// In the reply box the ones the screen knows are filled; the rest must be completed by the agent
// before sending, so a buyer never sees a raw `{item.title}`.
const PLACEHOLDER = /\{[a-z_]+(?:\.[a-z_]+)?\}/g;

export function fillKnown(text: string, known: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (m) => known[m.slice(1, -1)] ?? m);
}

export function openPlaceholders(text: string): string[] {
  return [...new Set(text.match(PLACEHOLDER) ?? [])];
}
