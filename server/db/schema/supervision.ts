// 督办 Supervision with deadlines: tasks (督办单) on red projects, referrals of suggestions to departments
// (交办单 → 反馈单 → 回访单), and the departments of a body (承办单位) they go to.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A body's departments (承办单位): the list staff screens choose a project's department from. */
export const departments = pgTable('departments', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('departments_body_name_key').on(t.bodyId, t.name)]);

export type TaskReason = 'behind' | 'report_overdue' | 'rectify_overdue' | 'manual';
export type TaskState = 'open' | 'answered' | 'closed';

/** A 督办单: opened by itself when a project turns red, or by staff by hand; answered by the department, closed by staff. */
export const tasks = pgTable('tasks', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  bodyId: text('body_id').notNull(),
  reason: text('reason').$type<TaskReason>().notNull(),
  note: text('note'),
  openedAt: instant('opened_at').notNull().defaultNow(),
  due: date('due', { mode: 'string' }).notNull(),
  state: text('state').$type<TaskState>().notNull().default('open'),
  answerText: text('answer_text'),
  answerDate: date('answer_date', { mode: 'string' }),
  answerPhotos: jsonb('answer_photos').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  answeredAt: instant('answered_at'),
  closeNote: text('close_note'),
  closedAt: instant('closed_at'),
  /** who opened it by hand; null when the project's colour did */
  openedBy: text('opened_by'),
}, (t) => [
  // At most one task that is not closed per project, whichever process opens it (the scheduled job runs in each).
  uniqueIndex('tasks_one_open_per_project').on(t.projectId).where(sql`state <> 'closed'`),
  index('tasks_body_idx').on(t.bodyId, t.state, t.due),
  index('tasks_project_idx').on(t.projectId, t.openedAt),
]);

export type ReferralState = 'open' | 'answered' | 'closed';

/** A referral (交办单) of a suggestion to a department: answered (反馈单), visited (回访单), referred again. */
export const referrals = pgTable('referrals', {
  id: text('id').primaryKey(),
  suggestionId: text('suggestion_id').notNull(),
  bodyId: text('body_id').notNull(),
  department: text('department').notNull(),
  due: date('due', { mode: 'string' }).notNull(),
  state: text('state').$type<ReferralState>().notNull().default('open'),
  round: integer('round').notNull().default(1),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('referrals_suggestion_key').on(t.suggestionId), index('referrals_department_idx').on(t.bodyId, t.department, t.state)]);

/** The department's answers (反馈单), one per round. */
export const referralAnswers = pgTable('referral_answers', {
  id: text('id').primaryKey(),
  referralId: text('referral_id').notNull(),
  round: integer('round').notNull(),
  text: text('text').notNull(),
  at: instant('at').notNull().defaultNow(),
  by: text('by'),
}, (t) => [index('referral_answers_referral_idx').on(t.referralId, t.at)]);

/** The staff's return calls to the resident (回访单). */
export const referralVisits = pgTable('referral_visits', {
  id: text('id').primaryKey(),
  referralId: text('referral_id').notNull(),
  round: integer('round').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  satisfied: boolean('satisfied').notNull(),
  note: text('note').notNull(),
  at: instant('at').notNull().defaultNow(),
}, (t) => [index('referral_visits_referral_idx').on(t.referralId, t.at)]);
