// Operations the server itself keeps a record of: the backups taken (npm run backup writes one row each), so the
// staff screens can say when the last one was and warn when none was taken for a week.
import { bigint, bigserial, boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const backups = pgTable('backups', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  /** the file's name as given to the command (no directory is assumed to mean anything to the screens) */
  file: text('file').notNull(),
  bytes: bigint('bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  release: text('release').notNull(),
  migration: text('migration').notNull(),
  encrypted: boolean('encrypted').notNull(),
});
