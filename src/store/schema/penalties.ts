// Penalty points (N2, N3, N4): the facts about a shop's points that only a person can tell the
// product — a description-mismatch complaint's kind on an after-sales case (and whether the
// platform upheld it), a late-shipment compensation paid to the buyer (which waives the points
// when paid before the platform rules), the platform's ruling on a complaint about a sent
// violation or a broken promise, and a deduction the platform notified that the product could not
// see (a special promise, a refused price: `manual`, subject `record` = its own id). The ledger itself is a read model over these
// rows and the orders, promises and messages the product already keeps (app/penalties).
import { boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { shops } from './org.js';

export const penaltyRecords = pgTable(
  'penalty_records',
  {
    id: id(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    /** `case` for a description mismatch, `order` for a compensation paid, `message`/`promise` for a ruling. */
    subjectKind: text('subject_kind', { enum: ['order', 'case', 'message', 'promise', 'record'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    kind: text('kind', { enum: ['description_mismatch', 'compensation_paid', 'platform_ruling', 'manual'] }).notNull(),
    /** N3: the profile's description_mismatch key (material, flaw_affecting_use…). */
    mismatchKind: text('mismatch_kind'),
    /** A deduction the platform notified by other means: the point table's key or a D rule. */
    category: text('category'),
    orderId: text('order_id'),
    /** The platform upheld the complaint (points incurred). A mismatch not (yet) upheld stays at stake; a ruling not upheld dismisses it. */
    upheld: boolean('upheld').notNull().default(false),
    /** When it happened: the compensation paid, the complaint recorded. */
    at: ts('at').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    note: text('note'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('penalty_records_subject_uq').on(t.subjectKind, t.subjectId, t.kind),
    index('penalty_records_shop_idx').on(t.shopId, t.at),
  ],
);
