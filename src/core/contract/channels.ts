// The conversation channels (issue 9: one list). A conversation arrives by, and every reply to it is
// delivered through, exactly one of these (src/app/delivery/deliver.ts):
// - bridge: a marketplace chat relayed by the shop's bridge;
// - widget: the shop's own web chat;
// - cli: `dxe chat`, a seller trying the bot in a terminal — a test, not a buyer (C2, T1).
export const CHANNELS = ['bridge', 'widget', 'cli'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channel of `dxe chat`, a seller trying the bot in a terminal, not a buyer. */
export const TEST_CHANNEL: Channel = 'cli';

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}
