// Hearings (听取报告): the 专项报告 or 述职 a session hears before an evaluation ballot. Added, edited and
// removed by the body's admin or the presider while the session is open and the ballot it comes before is
// not yet closed (after that the agenda is what the members heard: 409 hearing_locked).
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { command, live, type CommandContext } from '../core/command.js';
import { ballots, files, hearings, members } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { conflict, DomainError, notFound } from '../core/errors.js';
import type { HearingInput } from '../../shared/hearing-schemas.js';
import { documentMime } from '../../shared/hearing-schemas.js';
import { findSession, type SessionRow } from './queries.js';
import { describeHearing, type HearingRow } from './hearings-read.js';

const closedStates = new Set(['closed', 'published']);
const locked = () => conflict('hearing_locked', '该评议表决已结束，听取报告不能再修改 / the evaluation ballot is closed: the hearing can no longer change');
const openOnly = (s: SessionRow) => { if (s.state !== 'open') throw conflict('session_ended', '会议已结束 / the session has ended'); };
const unprocessable = (code: string, field: string, message: string) => new DomainError(422, code, message, [{ field, message }]);
const subject = (h: { id: string; title: string }) => ({ kind: 'hearing' as const, id: h.id, label: h.title });

/** The ballot a hearing comes before: an evaluation ballot of the same session, not yet closed; read FOR SHARE so it cannot close meanwhile. */
async function linkedBallot(cx: CommandContext<unknown>, sessionId: string, ballotId: string) {
  const [b] = await cx.tx.select({ id: ballots.id, sessionId: ballots.sessionId, kind: ballots.kind, state: ballots.state, title: ballots.title })
    .from(ballots).where(eq(ballots.id, ballotId)).for('share');
  if (!b || b.sessionId !== sessionId || b.kind !== 'evaluation') {
    throw unprocessable('not_evaluation_ballot', 'ballotId', '只能关联本次会议的评议表决 / ballotId must be an evaluation ballot of this session');
  }
  if (closedStates.has(b.state) || b.state === 'cancelled') throw locked();
  return b;
}

/** What a hearing stores from its input: the reporter resolved (a member's name), the document and ballot checked. */
async function resolve(cx: CommandContext<unknown>, session: SessionRow, input: HearingInput) {
  let reporter: { name: string; memberId: string | null };
  if ('memberId' in input.reporter) {
    const [m] = await cx.tx.select({ name: members.name, bodyId: members.bodyId }).from(members).where(eq(members.id, input.reporter.memberId));
    if (!m || m.bodyId !== session.bodyId) throw unprocessable('reporter_not_member', 'reporter.memberId', '报告人不是本级人大代表 / the reporter is not a representative of this body');
    reporter = { name: m.name, memberId: input.reporter.memberId };
  } else {
    reporter = { name: input.reporter.name, memberId: null };
  }
  let fileSize: number | null = null;
  if (input.fileId) {
    const [f] = await cx.tx.select({ mime: files.mime, size: files.size }).from(files).where(eq(files.id, input.fileId));
    if (!f || f.mime !== documentMime) throw unprocessable('unknown_document', 'fileId', '附件不存在或不是 PDF 文档 / fileId names no uploaded document');
    fileSize = f.size;
  }
  const ballot = input.ballotId ? await linkedBallot(cx, session.id, input.ballotId) : null;
  return {
    values: {
      kind: input.kind, title: input.title, reporter: reporter.name, reporterPost: input.reporter.post ?? null, reporterMemberId: reporter.memberId,
      fileId: input.fileId ?? null, ballotId: input.ballotId ?? null,
    },
    ballot, fileSize,
  };
}

/** Puts `id` at `wanted` (1-based; beyond the end: last) and numbers the session's hearings 1…n again. */
async function place(cx: CommandContext<unknown>, sessionId: string, id: string, wanted: number | undefined) {
  const rows = await cx.tx.select({ id: hearings.id, position: hearings.position }).from(hearings)
    .where(eq(hearings.sessionId, sessionId)).orderBy(asc(hearings.position), asc(hearings.createdAt), asc(hearings.id)).for('update');
  const others = rows.filter((r) => r.id !== id);
  const at = wanted === undefined ? (rows.find((r) => r.id === id) ? rows.findIndex((r) => r.id === id) : others.length) : Math.min(wanted - 1, others.length);
  const order = [...others.slice(0, at), { id, position: -1 }, ...others.slice(at)];
  for (const [i, r] of order.entries()) {
    if (r.position !== i + 1) await cx.tx.update(hearings).set({ position: i + 1 }).where(eq(hearings.id, r.id));
  }
}

async function sessionScope(cx: CommandContext<unknown>, input: { sessionId: string }) {
  const session = await findSession(cx.tx, input.sessionId);
  return { bodyId: session.bodyId, session };
}

/** A hearing, locked, and its session; refused once its ballot is closed. */
async function hearingScope(cx: CommandContext<unknown>, input: { hearingId: string }) {
  const [hearing] = await cx.tx.select().from(hearings).where(eq(hearings.id, input.hearingId)).for('update');
  if (!hearing) throw notFound('听取报告');
  const session = await findSession(cx.tx, hearing.sessionId);
  return { bodyId: session.bodyId, session, hearing };
}
async function assertEditable(cx: CommandContext<unknown>, session: SessionRow, hearing: HearingRow) {
  openOnly(session);
  if (!hearing.ballotId) return;
  const [b] = await cx.tx.select({ state: ballots.state }).from(ballots).where(eq(ballots.id, hearing.ballotId)).for('share');
  if (b && closedStates.has(b.state)) throw locked();
}

async function reread(cx: CommandContext<unknown>, id: string, ballot: { title: string; state: string } | null, fileSize: number | null) {
  const [row] = await cx.tx.select().from(hearings).where(eq(hearings.id, id));
  return describeHearing(row, ballot, fileSize);
}

export const addHearing = command<{ sessionId: string } & HearingInput>()({
  action: 'hearing.added', stage: 'evaluation', roles: ['admin', 'presider'],
  scope: sessionScope,
  run: async (cx, input, { session }) => {
    openOnly(session);
    const { values, ballot, fileSize } = await resolve(cx, session, input);
    const id = newId();
    const [{ next }] = await cx.tx.select({ next: sql<number>`coalesce(max(${hearings.position}), 0) + 1`.mapWith(Number) }).from(hearings).where(eq(hearings.sessionId, session.id));
    await cx.tx.insert(hearings).values({ id, sessionId: session.id, position: next, ...values });
    if (input.position !== undefined && input.position < next) await place(cx, session.id, id, input.position);
    return reread(cx, id, ballot, fileSize);
  },
  audit: (h) => ({ sessionId: h.sessionId, subject: subject(h), detail: { kind: h.kind, reporter: h.reporter.name, ballotId: h.ballot?.id ?? null, document: !!h.document } }),
  effects: (h) => [live(h.sessionId)],
});

export const updateHearing = command<{ hearingId: string } & HearingInput>()({
  action: 'hearing.updated', stage: 'evaluation', roles: ['admin', 'presider'],
  scope: hearingScope,
  run: async (cx, input, { session, hearing }) => {
    await assertEditable(cx, session, hearing);
    const { values, ballot, fileSize } = await resolve(cx, session, input);
    await cx.tx.update(hearings).set({ ...values, updatedAt: sql`now()` }).where(eq(hearings.id, hearing.id));
    if (input.position !== undefined && input.position !== hearing.position) await place(cx, session.id, hearing.id, input.position);
    return reread(cx, hearing.id, ballot, fileSize);
  },
  audit: (h) => ({ sessionId: h.sessionId, subject: subject(h), detail: { kind: h.kind, reporter: h.reporter.name, ballotId: h.ballot?.id ?? null, document: !!h.document } }),
  effects: (h) => [live(h.sessionId)],
});

export const removeHearing = command<{ hearingId: string }>()({
  action: 'hearing.removed', stage: 'evaluation', roles: ['admin', 'presider'],
  scope: hearingScope,
  run: async (cx, _input, { session, hearing }) => {
    await assertEditable(cx, session, hearing);
    await cx.tx.delete(hearings).where(eq(hearings.id, hearing.id));
    // the others close ranks: 1…n again
    const rest = await cx.tx.select({ id: hearings.id }).from(hearings).where(and(eq(hearings.sessionId, session.id), ne(hearings.id, hearing.id)))
      .orderBy(asc(hearings.position), asc(hearings.createdAt), asc(hearings.id)).for('update');
    for (const [i, r] of rest.entries()) await cx.tx.update(hearings).set({ position: i + 1 }).where(eq(hearings.id, r.id));
    return { id: hearing.id, sessionId: session.id, title: hearing.title, removed: true as const };
  },
  audit: (h) => ({ sessionId: h.sessionId, subject: subject(h) }),
  effects: (h) => [live(h.sessionId)],
});
