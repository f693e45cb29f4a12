// 实施与督办 Implementation and supervision: plans, progress reports, supervision groups, inspections,
// rectification reports, grades by satisfaction round, carry-over to the next year.
import { sql } from 'drizzle-orm';
import type { Grade, ItemGradeResult } from '../../../shared/types.js';
import type { satisfactionRounds } from '../../../shared/implementation-schemas.js';

type Round = (typeof satisfactionRounds)[number];
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const photos = () => jsonb('photos').$type<string[]>().notNull().default(sql`'[]'::jsonb`);

/** The department's implementation plan of a selected project (public). */
export const projectPlans = pgTable('project_plans', {
  projectId: text('project_id').primaryKey(),
  targets: jsonb('targets').$type<string[]>().notNull(),
  milestones: jsonb('milestones').$type<{ title: string; due: string }[]>().notNull(),
  funding: text('funding').notNull(),
  completionDate: text('completion_date').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const progressReports = pgTable('progress_reports', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  percent: integer('percent').notNull(),
  milestone: text('milestone'),
  note: text('note').notNull(),
  date: text('date').notNull(),
  photos: photos(),
  /** each item's percent (子项) when the project has items */
  items: jsonb('items').$type<{ itemId: string; percent: number }[]>().notNull().default(sql`'[]'::jsonb`),
  createdBy: text('created_by').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [index('progress_reports_project_idx').on(t.projectId, t.date)]);

/** A project's supervision group (代表监督小组): members of its body, one of them the lead. */
export const supervisors = pgTable('supervisors', {
  projectId: text('project_id').notNull(),
  memberId: text('member_id').notNull(),
  lead: boolean('lead').notNull().default(false),
}, (t) => [primaryKey({ columns: [t.projectId, t.memberId] }), index('supervisors_member_idx').on(t.memberId)]);

export const inspections = pgTable('inspections', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  date: text('date').notNull(),
  findings: text('findings').notNull(),
  photos: photos(),
  /** the group member who recorded it (null: staff) */
  memberId: text('member_id'),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [index('inspections_project_idx').on(t.projectId, t.date)]);

export const rectifications = pgTable('rectifications', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  note: text('note').notNull(),
  date: text('date').notNull(),
  photos: photos(),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [index('rectifications_project_idx').on(t.projectId)]);

/** Which round a satisfaction ballot is (mid-year, year-end, rectification). */
export const ballotRounds = pgTable('ballot_rounds', {
  ballotId: text('ballot_id').primaryKey(),
  round: text('round').$type<Round>().notNull(),
});

/** Each project's grade from a published satisfaction ballot, written in the publishing transaction. */
export const projectGrades = pgTable('project_grades', {
  ballotId: text('ballot_id').notNull(),
  projectId: text('project_id').notNull(),
  round: text('round').$type<Round>().notNull(),
  grade: text('grade').$type<Grade>().notNull(),
  satisfied: integer('satisfied').notNull(),
  basic: integer('basic').notNull(),
  unsatisfied: integer('unsatisfied').notNull(),
  base: integer('base').notNull(),
  rate: doublePrecision('rate').notNull(),
  publishedAt: instant('published_at').notNull(),
  /** 子项 rated one by one: each item's grade (null when the project was rated whole) */
  items: jsonb('items').$type<ItemGradeResult[]>(),
}, (t) => [primaryKey({ columns: [t.ballotId, t.projectId] }), index('project_grades_project_idx').on(t.projectId)]);

/** An unfinished project followed into the next year's supervision (跨年督办). */
export const carryOvers = pgTable('carry_overs', {
  projectId: text('project_id').primaryKey(),
  fromYear: integer('from_year').notNull(),
  toYear: integer('to_year').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [index('carry_overs_to_year_idx').on(t.toYear)]);
