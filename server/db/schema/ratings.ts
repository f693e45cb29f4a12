// 群众评单 Public ratings of finished projects: advisory, shown beside (never mixed into) the members' grades.
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { publicGrades } from '../../../shared/portal-schemas.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * One rating from one browser. No address, no account: `keyHash` is a hash of the browser's device key,
 * unique per project so a second rating from the same key is refused whatever races happen.
 */
export const publicRatings = pgTable('public_ratings', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  /** the project's body, kept here so moderation lists by body without a join */
  bodyId: text('body_id').notNull(),
  /** satisfied | basic | unsatisfied */
  grade: text('grade').$type<(typeof publicGrades)[number]>().notNull(),
  comment: text('comment'),
  /** moderation of the comment: pending | visible | hidden; null when there is no comment */
  status: text('status').$type<'pending' | 'visible' | 'hidden'>(),
  keyHash: text('key_hash').notNull(),
  moderatedBy: text('moderated_by'),
  moderatedAt: instant('moderated_at'),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('public_ratings_project_key').on(t.projectId, t.keyHash),
  index('public_ratings_body_status_idx').on(t.bodyId, t.status, t.createdAt),
]);
