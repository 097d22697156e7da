// Column helpers shared by every table: text ids (UUIDs), timestamptz times.
import { randomUUID } from 'node:crypto';
import { text, timestamp } from 'drizzle-orm/pg-core';

export const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => randomUUID());
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => ts('created_at').notNull().defaultNow();
