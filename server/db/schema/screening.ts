// 筛选 Screening: department assessments, the exclusion checklist, candidate lists, and the presidium's notices.
import { sql } from 'drizzle-orm';
import { pgTable, text, integer, boolean, timestamp, jsonb, numeric, index, uniqueIndex } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** The carrying department's answer about one project; public (with its reason) once the year's list is approved. */
export const assessments = pgTable('assessments', {
  projectId: text('project_id').primaryKey(),
  feasible: boolean('feasible').notNull(),
  reason: text('reason').notNull(),
  /** 投资估算, 万元 */
  investment: numeric('investment', { mode: 'number' }).notNull(),
  fundingSource: text('funding_source'),
  /** YYYY-MM-DD */
  completionDate: text('completion_date').notNull(),
  targets: jsonb('targets').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  assessedBy: text('assessed_by').notNull(),
  assessedAt: instant('assessed_at').notNull().defaultNow(),
  /** set when the year's candidate list is approved: from then the assessment (an infeasible one too) is public */
  publishedAt: instant('published_at'),
});

/** Staff's checklist of PROCESS.md's exclusion rules for one project, with a note. */
export const screeningChecks = pgTable('screening_checks', {
  projectId: text('project_id').primaryKey(),
  /** e.g. {"notWithinYear": false, "debtRisk": false, "assignedFromAbove": true} */
  exclusions: jsonb('exclusions').$type<Record<string, boolean>>().notNull(),
  note: text('note'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** The list of candidates the chairpersons' meeting (主任会议) approves for a year's vote. */
export const candidateLists = pgTable('candidate_lists', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull(),
  year: integer('year').notNull(),
  seats: integer('seats').notNull(),
  projectIds: jsonb('project_ids').$type<string[]>().notNull(),
  /** the 差额 ratio below which the list is warned about (candidates < ratio × seats) */
  ratio: numeric('ratio', { mode: 'number' }).notNull().default(1.2),
  /** draft | approved */
  state: text('state').$type<'draft' | 'approved'>().notNull().default('draft'),
  meeting: text('meeting'),
  /** YYYY-MM-DD */
  approvedAt: text('approved_at'),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [index('candidate_lists_body_idx').on(t.bodyId, t.year)]);

/** The presidium's numbered notice (公告) of a published ballot: one per ballot, numbered per session. */
export const notices = pgTable('notices', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull(),
  sessionId: text('session_id').notNull(),
  ballotId: text('ballot_id').notNull(),
  number: integer('number').notNull(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  publishedAt: instant('published_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('notices_ballot_key').on(t.ballotId),
  uniqueIndex('notices_session_number_key').on(t.sessionId, t.number),
  index('notices_body_idx').on(t.bodyId, t.publishedAt),
]);

/** The last notice number given in a session: the row lock serialises numbering (no gap, no repeat). */
export const noticeCounters = pgTable('notice_counters', {
  sessionId: text('session_id').primaryKey(),
  last: integer('last').notNull(),
});
