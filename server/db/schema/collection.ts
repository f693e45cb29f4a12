// 征集 Collection: windows, liaison stations, suggestions and their history.
import { sql } from 'drizzle-orm';
import type { SuggestionChannel, SuggestionStatus } from '../../../shared/collection-schemas.js';
import { pgTable, text, integer, timestamp, bigserial, boolean, date, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A period in which a body takes suggestions for a year's projects; windows of one body never overlap. */
export const collectionWindows = pgTable('collection_windows', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull(),
  year: integer('year').notNull(),
  opensAt: instant('opens_at').notNull(),
  closesAt: instant('closes_at').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [index('collection_windows_body_idx').on(t.bodyId, t.opensAt)]);

/** A representative liaison station (代表联络站): its QR poster is a channel of its own. */
export const stations = pgTable('stations', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull(),
  name: text('name').notNull(),
  address: text('address'),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [index('stations_body_idx').on(t.bodyId)]);

/**
 * One suggestion (意见建议). `contact` is private: only an admin of the body reads it, in the inbox.
 * `memberId` / `userId` say which representative or department user sent it; never shown publicly.
 */
export const suggestions = pgTable('suggestions', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull(),
  year: integer('year').notNull(),
  windowId: text('window_id').notNull(),
  trackingCode: text('tracking_code').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  category: text('category').notNull(),
  area: text('area'),
  channel: text('channel').$type<SuggestionChannel>().notNull(),
  stationId: text('station_id'),
  memberId: text('member_id'),
  userId: text('user_id'),
  contact: text('contact'),
  /** the representative it was sent to through their 代表码 (channel rep_code): it shows in their inbox too */
  repId: text('rep_id'),
  /** the sender ticked 通知我: its changes go to the mobile number in `contact` (outbox kind suggestion_status) */
  notify: boolean('notify').notNull().default(false),
  /** kept in the body's reserve (储备库) when not adopted, with the staff's note */
  reserve: boolean('reserve').notNull().default(false),
  reserveNote: text('reserve_note'),
  /** received | merged | adopted | not_adopted | referred */
  status: text('status').$type<SuggestionStatus>().notNull().default('received'),
  /** the reason shown on the tracking page for not_adopted / referred */
  reason: text('reason'),
  mergedInto: text('merged_into'),
  projectId: text('project_id'),
  /** 1 + every suggestion merged into this one (transitively) */
  supporters: integer('supporters').notNull().default(1),
  /** character bigrams of title, area and description (shared/similarity.ts): candidates for duplicates by index */
  grams: text('grams').array().notNull().default(sql`'{}'::text[]`),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('suggestions_tracking_code_key').on(t.trackingCode),
  index('suggestions_body_year_idx').on(t.bodyId, t.year, t.createdAt),
  index('suggestions_project_idx').on(t.projectId).where(sql`project_id is not null`),
  index('suggestions_merged_into_idx').on(t.mergedInto).where(sql`merged_into is not null`),
  index('suggestions_grams_idx').using('gin', t.grams),
  index('suggestions_rep_idx').on(t.repId, t.createdAt).where(sql`rep_id is not null`),
]);

/**
 * The inbox's counts, kept by the database itself (a trigger on suggestions, migration 0015): how many
 * suggestions of a body-year have each status, category, channel and station. The inbox's total and its
 * facets are sums over these few hundred rows instead of a scan of the body-year (70,000 in 上海's year).
 * `station_id` is '' for none (a primary key cannot hold null).
 */
export const suggestionCounts = pgTable('suggestion_counts', {
  bodyId: text('body_id').notNull(),
  year: integer('year').notNull(),
  status: text('status').$type<SuggestionStatus>().notNull(),
  category: text('category').notNull(),
  channel: text('channel').$type<SuggestionChannel>().notNull(),
  stationId: text('station_id').notNull(),
  n: integer('n').notNull(),
}, (t) => [primaryKey({ columns: [t.bodyId, t.year, t.status, t.category, t.channel, t.stationId] })]);

/** The history a resident reads on the tracking page: one row per change of state, oldest first. */
export const suggestionEvents = pgTable('suggestion_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  suggestionId: text('suggestion_id').notNull(),
  at: instant('at').notNull().defaultNow(),
  status: text('status').$type<SuggestionStatus>().notNull(),
  note: text('note'),
}, (t) => [index('suggestion_events_suggestion_idx').on(t.suggestionId, t.id)]);

/** A representative's answer to a suggestion sent through their 代表码 (代表回复): public on the tracking page. */
export const suggestionReplies = pgTable('suggestion_replies', {
  id: text('id').primaryKey(),
  suggestionId: text('suggestion_id').notNull(),
  memberId: text('member_id').notNull(),
  text: text('text').notNull(),
  at: instant('at').notNull().defaultNow(),
}, (t) => [index('suggestion_replies_suggestion_idx').on(t.suggestionId, t.at)]);

/** Who is on duty at a station on which day (编组排班): one row per member and day. */
export const stationDuty = pgTable('station_duty', {
  stationId: text('station_id').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  memberId: text('member_id').notNull(),
}, (t) => [primaryKey({ columns: [t.stationId, t.date, t.memberId] }), index('station_duty_member_idx').on(t.memberId, t.date)]);
