// The deadlines still open (pending or warned), soonest first, each with its subject and the view
// the screens show (label, seconds left): what `dxe deadlines list` prints.
import { asc, inArray } from 'drizzle-orm';
import type { Database } from '../../store/open-database.js';
import { deadlines } from '../../store/schema/index.js';
import { deadlineView } from './deadlines.js';

export async function openDeadlines(database: Database, limit: number, now: Date) {
  const rows = await database.db
    .select()
    .from(deadlines)
    .where(inArray(deadlines.state, ['pending', 'warned']))
    .orderBy(asc(deadlines.dueAt))
    .limit(limit);
  return rows.map((r) => ({ subjectKind: r.subjectKind, subjectId: r.subjectId, ...deadlineView(r, now) }));
}
