// The whole database schema, in one place. Every state a restart must keep lives here.
import { sql } from 'drizzle-orm';
import type { BallotForm, BallotKind, BallotOption, BallotResult, BallotState, BaseRule, BodyLevel, EvaluationSpec, MemberKind, Role, SessionKind } from '../../shared/types.js';
import type { ProjectStatus } from '../../shared/projects.js';
import {
  pgTable, text, integer, boolean, timestamp, jsonb, numeric, primaryKey, bigserial, index, uniqueIndex, pgSequence, date,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();

/** Keys that must survive restarts: token secret, receipt key, result-signing key. */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

export const bodies = pgTable('bodies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  level: text('level').$type<BodyLevel>().notNull(),
  parentId: text('parent_id'),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').$type<Role>().notNull(),
  /** null: a deployment-wide administrator (the first `admin`). */
  bodyId: text('body_id'),
  department: text('department'),
  /** a mobile number for notices to people (a department user hears of a 督办单); seen by admins only */
  phone: text('phone'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_username_key').on(t.username)]);

export const members = pgTable('members', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull(),
  name: text('name').notNull(),
  delegation: text('delegation'),
  kind: text('kind').$type<MemberKind>().notNull(),
  /** keyed hash of the personal sign-in code; the code itself is shown once and never stored */
  codeHash: text('code_hash').notNull(),
  /** raised when the code is regenerated (a lost card): member tokens of an older generation stop working at once */
  tokenGeneration: integer('token_generation').notNull().default(0),
  /** a mobile number for notices to people (代表码 requests, the dossier); seen by the body's admins only */
  phone: text('phone'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('members_code_hash_key').on(t.codeHash), index('members_body_idx').on(t.bodyId)]);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<SessionKind>().notNull(),
  state: text('state').$type<'open' | 'ended'>().notNull().default('open'),
  quorumNum: integer('quorum_num').notNull(),
  quorumDen: integer('quorum_den').notNull(),
  quorumStrict: boolean('quorum_strict').notNull(),
  createdAt: createdAt(),
}, (t) => [index('sessions_body_idx').on(t.bodyId)]);

export const roster = pgTable('roster', {
  sessionId: text('session_id').notNull(),
  memberId: text('member_id').notNull(),
  present: boolean('present').notNull().default(false),
  note: text('note'),
}, (t) => [primaryKey({ columns: [t.sessionId, t.memberId] }), index('roster_member_idx').on(t.memberId)]);

/** The material sent to the members before the vote (材料提前送达): which candidates, and when. */
export const dossiers = pgTable('dossiers', {
  sessionId: text('session_id').primaryKey(),
  /** the candidate projects of the session's draft and open selection ballots when it was sent, in ballot order */
  projectIds: text('project_ids').array().notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  sentBy: text('sent_by'),
});

export const projects = pgTable('projects', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  category: text('category').notNull(),
  department: text('department').notNull(),
  investment: numeric('investment', { mode: 'number' }),
  status: text('status').$type<ProjectStatus>().notNull().default('draft'),
  targets: jsonb('targets').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** the day (Asia/Shanghai) the selection that chose it was published: reports are counted from there */
  selectedOn: date('selected_on', { mode: 'string' }),
  /** kept in the body's reserve (储备库) for a later year, with the staff's note */
  reserve: boolean('reserve').notNull().default(false),
  reserveNote: text('reserve_note'),
  /** the reserved project of an earlier year this one was taken from */
  reservedFrom: text('reserved_from'),
  /** the department sent it back as not theirs (an extension), until staff reassign it */
  returnedReason: text('returned_reason'),
  returnedAt: timestamp('returned_at', { withTimezone: true, mode: 'string' }),
  createdAt: createdAt(),
}, (t) => [index('projects_body_idx').on(t.bodyId, t.year)]);

export const ballots = pgTable('ballots', {
  id: text('id').primaryKey(),
  sessionId: text('session_id').notNull(),
  kind: text('kind').$type<BallotKind>().notNull(),
  form: text('form').$type<BallotForm>(),
  seats: integer('seats'),
  question: text('question'),
  title: text('title').notNull(),
  secret: boolean('secret').notNull(),
  baseRule: text('base_rule').$type<BaseRule>().notNull(),
  runoffOf: text('runoff_of'),
  /** the candidate list a selection ballot was made from (one per list unless cancelled: 409 list_already_voted) */
  fromList: text('from_list'),
  /** evaluation ballots: what is evaluated, the score scale and the flags (API.md "Evaluation") */
  evaluation: jsonb('evaluation').$type<EvaluationSpec>(),
  /** satisfaction ballots that rate each project's items (子项) one by one */
  byItem: boolean('by_item').notNull().default(false),
  state: text('state').$type<BallotState>().notNull().default('draft'),
  options: jsonb('options').$type<BallotOption[]>().notNull(),
  eligible: integer('eligible'),
  base: integer('base'),
  cast: integer('cast'),
  result: jsonb('result').$type<BallotResult>(),
  openedAt: timestamp('opened_at', { withTimezone: true, mode: 'string' }),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'string' }),
  cancelReason: text('cancel_reason'),
  /** while open: the partition of ballot_roll_live / ballot_box_live that holds its votes (null otherwise) */
  liveSlot: integer('live_slot'),
  createdAt: createdAt(),
}, (t) => [
  index('ballots_session_idx').on(t.sessionId),
  // A slot holds the votes of one open ballot at a time.
  uniqueIndex('ballots_live_slot_key').on(t.liveSlot),
  // At most one open ballot per session, whatever races the application might lose.
  uniqueIndex('ballots_one_open_per_session').on(t.sessionId).where(sql`state = 'open'`),
]);

/**
 * Who has voted. Apart from the box, with nothing linking the two: key_hash is a keyed hash of the
 * tablet's submission key (so a retry can be recognised) that cannot be turned into the receipt.
 */
export const ballotRoll = pgTable('ballot_roll', {
  ballotId: text('ballot_id').notNull(),
  memberId: text('member_id').notNull(),
  keyHash: text('key_hash').notNull(),
}, (t) => [primaryKey({ columns: [t.ballotId, t.memberId] })]);

/** What was voted. No member, no time, no sequence: the receipt is a keyed hash, random-looking. */
export const ballotBox = pgTable('ballot_box', {
  ballotId: text('ballot_id').notNull(),
  receipt: text('receipt').notNull(),
  choices: jsonb('choices').notNull(),
}, (t) => [primaryKey({ columns: [t.ballotId, t.receipt] })]);

/*
 * ballot_roll and ballot_box hold the CLOSED ballots only, written once by the close, sorted, never
 * updated or deleted. The votes of an OPEN ballot are in ballot_roll_live / ballot_box_live, partitioned
 * by LIST (slot): one partition per slot (ballot_roll_live_<n>), one open ballot per slot, and the close
 * copies the rows out and TRUNCATEs the partition — a new, empty file, so nothing of the order or the
 * transactions of the votes remains and no vacuum is needed (migration 0015, server/ballots/live-slots.ts).
 * The parents are declared here for the migrations' record; drizzle cannot say PARTITION BY, so the
 * migration creates them by hand and the server writes through the partitions by name.
 */
export const ballotRollLive = pgTable('ballot_roll_live', {
  slot: integer('slot').notNull(),
  ballotId: text('ballot_id').notNull(),
  memberId: text('member_id').notNull(),
  keyHash: text('key_hash').notNull(),
}, (t) => [primaryKey({ columns: [t.ballotId, t.memberId, t.slot] })]);

export const ballotBoxLive = pgTable('ballot_box_live', {
  slot: integer('slot').notNull(),
  ballotId: text('ballot_id').notNull(),
  receipt: text('receipt').notNull(),
  choices: jsonb('choices').notNull(),
}, (t) => [primaryKey({ columns: [t.ballotId, t.receipt, t.slot] })]);

/** Votes of a named (记名) motion, published by name. */
export const namedVotes = pgTable('named_votes', {
  ballotId: text('ballot_id').notNull(),
  memberId: text('member_id').notNull(),
  vote: text('vote').notNull(),
}, (t) => [primaryKey({ columns: [t.ballotId, t.memberId] })]);

/**
 * The trail: one row per change, written in the change's own transaction (audit/log.ts). Append-only: the
 * database refuses UPDATE, DELETE and TRUNCATE on it (migration 0008's triggers).
 */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sessionId: text('session_id'),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  /** `<role>:<username>`, `member:<id>`, `public` or `system`, as written since the first release */
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  /** the id of the thing acted on */
  subject: text('subject').notNull(),
  detail: jsonb('detail'),
  /** the body the changed thing belongs to (null: deployment-wide, or a row of a release before 0008 that could not tell) */
  bodyId: text('body_id'),
  /** setup, collection, screening, vote, implementation, supervision, evaluation, publication, notification */
  stage: text('stage'),
  subjectKind: text('subject_kind'),
  /** the subject's title or name when the change was made, so the trail reads in words */
  subjectLabel: text('subject_label'),
  /** user, member, public, system */
  actorKind: text('actor_kind'),
  actorId: text('actor_id'),
}, (t) => [index('audit_session_idx').on(t.sessionId, t.id), index('audit_body_idx').on(t.bodyId, t.id), index('audit_subject_idx').on(t.subject)]);

/** Versions of live updates: monotonic across restarts and shared by every server process. */
export const liveVersion = pgSequence('live_version');

// The tables of each later stage of the year live in a file of their own under schema/, re-exported here
// (drizzle-kit reads this file; one line per stage).
export * from './schema/collection.js';
export * from './schema/screening.js';
export * from './schema/files.js';
export * from './schema/implementation.js';
export * from './schema/ratings.js';
export * from './schema/publication.js';
export * from './schema/operations.js';
export * from './schema/outbox.js';
export * from './schema/supervision.js';
export * from './schema/evaluation.js';
