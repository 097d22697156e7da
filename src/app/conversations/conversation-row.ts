// A conversation row held for change: every writer of a conversation's status, assignee or state
// locks the row first (SELECT … FOR UPDATE) inside its transaction, reads the state through the
// one typed schema (core/conversation/state.ts), and writes back only the keys it owns. Two
// writers at once (the bot handing over while an agent takes the chat, an escalation while a
// buyer message is answered) therefore queue behind each other and neither loses the other's
// change (issue 9, bug 3).
import { eq } from 'drizzle-orm';
import { readConversationState, type ConversationState } from '../../core/conversation/state.js';
import { DxeError } from '../../core/errors.js';
import type { Tx } from '../../store/open-database.js';
import { conversations } from '../../store/schema/index.js';
import type { ConversationRow } from './views.js';

export interface LockedConversation {
  row: ConversationRow;
  state: ConversationState;
}

/** The conversation locked for this transaction, or null when there is none. */
export async function findLocked(tx: Tx, id: string): Promise<LockedConversation | null> {
  const [row] = await tx.select().from(conversations).where(eq(conversations.id, id)).for('update');
  return row ? { row, state: readConversationState(row.state) } : null;
}

export async function lockConversation(tx: Tx, id: string): Promise<LockedConversation> {
  const locked = await findLocked(tx, id);
  if (!locked) throw new DxeError('NOT_FOUND', '找不到该会话');
  return locked;
}

/** Column changes plus a patch of state keys, merged into the state read under the lock. */
export async function writeConversation(
  tx: Tx,
  locked: LockedConversation,
  set: Partial<Omit<ConversationRow, 'id' | 'state'>>,
  statePatch?: Partial<ConversationState>,
): Promise<void> {
  const state = statePatch ? { ...locked.state, ...statePatch } : undefined;
  await tx
    .update(conversations)
    .set({ ...set, ...(state ? { state } : {}) })
    .where(eq(conversations.id, locked.row.id));
}
