import { sql } from 'drizzle-orm';
import { text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Primary key shared by every table: random UUIDs so ids leak no counts or order. */
export const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Who changed something by hand; 'system' for automatic decisions. */
export const changedBy = () => text('changed_by');
