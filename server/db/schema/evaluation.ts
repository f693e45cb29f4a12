// 评议 Evaluation beyond projects: the rule a body publishes to combine satisfaction figures, household
// surveys (入户调查), a project's items (子项), and the reports heard before an evaluation ballot.
import type { HearingKind } from '../../../shared/hearing-schemas.js';
import { date, doublePrecision, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** How a body weighs the members' grade, the residents' ratings and its surveys into one figure (public). */
export const satisfactionRules = pgTable('satisfaction_rules', {
  bodyId: text('body_id').primaryKey(),
  members: doublePrecision('members').notNull(),
  public: doublePrecision('public').notNull(),
  survey: doublePrecision('survey').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** One household survey of a project: its three counts, how many households and how it was done. */
export const surveys = pgTable('surveys', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  bodyId: text('body_id').notNull(),
  satisfied: integer('satisfied').notNull(),
  basic: integer('basic').notNull(),
  unsatisfied: integer('unsatisfied').notNull(),
  households: integer('households').notNull(),
  method: text('method').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [index('surveys_project_idx').on(t.projectId, t.date)]);

/** A project's items (子项), each with its own target and progress, rated one by one when a ballot asks. */
export const projectItems = pgTable('project_items', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  target: text('target'),
  percent: integer('percent').notNull().default(0),
}, (t) => [index('project_items_project_idx').on(t.projectId, t.position)]);

/** A report heard before an evaluation ballot (专项报告, 述职): on the session's agenda and beside the ballot. */
export const hearings = pgTable('hearings', {
  id: text('id').primaryKey(),
  sessionId: text('session_id').notNull(),
  ballotId: text('ballot_id'),
  position: integer('position').notNull(),
  /** special_report (专项报告) or duty_report (述职) */
  kind: text('kind').$type<HearingKind>().notNull().default('special_report'),
  title: text('title').notNull(),
  /** the reporter's name (a member's name as it was when the hearing was saved) */
  reporter: text('reporter').notNull(),
  reporterPost: text('reporter_post'),
  /** a representative of the body reporting (述职); null for anyone else */
  reporterMemberId: text('reporter_member_id'),
  fileId: text('file_id'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [index('hearings_session_idx').on(t.sessionId, t.position)]);
