// Photos (progress reports, inspections): re-encoded without metadata, kept in PostgreSQL so every server
// process serves the same files.
import { customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const files = pgTable('files', {
  id: text('id').primaryKey(),
  mime: text('mime').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  size: integer('size').notNull(),
  /** hex SHA-256 of `bytes`: the ETag */
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  thumbMime: text('thumb_mime').notNull(),
  thumb: bytea('thumb').notNull(),
  /** who uploaded it: `role:username` or `member:<id>`, as in the audit log */
  uploadedBy: text('uploaded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
