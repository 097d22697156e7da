// The reply guard over a shop's profile (B4, D1–D11) and the context it needs from the
// conversation: the shop's free-shipping promise (D5), the outgoing messages before this one (a
// contact split across messages is still a contact, D2) and whether the chat partner is the
// account that placed the orders under discussion (D6).
import { checkReply } from '../../core/guard/check-reply.js';
import type { GuardContext, GuardResult } from '../../core/guard/types.js';
import type { Profile } from '../../core/rules/schema.js';

export function guardReply(profile: Profile, text: string, ctx: GuardContext): GuardResult {
  return checkReply(text, { guard: profile.guard, penalties: profile.penalties.by_rule }, ctx);
}

export function guardContext(opts: { freeShipping: boolean; previousOutgoing: readonly string[] }): GuardContext {
  return {
    freeShipping: opts.freeShipping,
    // The chat partner is the conversation's own buyer account, and the orders the bot and the
    // side panel show are that account's own (D6).
    askerIsBuyer: true,
    previousOutgoing: opts.previousOutgoing,
  };
}
