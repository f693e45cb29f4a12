import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { command, live, type CommandContext } from '../core/command.js';
import { inBody } from '../bodies/scope.js';
import { sessionTrail } from '../audit/trail.js';
import { members, roster, sessions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { Principal, StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody, staffCoversBody } from '../bodies/tree.js';
import { issueToken, expiryOf } from '../auth/tokens.js';
import { defaultQuorum } from '../../shared/counting/quorum.js';
import type { SessionInput } from '../../shared/schemas.js';
import type { SessionKind } from '../../shared/types.js';
import {
  attendanceCounts, ballotSummaries, findSession, quorumOf, rosterEntry, rosterList, sessionsOfBody, type SessionRow,
} from './queries.js';

/** The session of `input.sessionId`, its body the scope (staff must cover it). */
async function sessionScope(cx: CommandContext<unknown>, input: { sessionId: string }) {
  const session = await findSession(cx.tx, input.sessionId);
  return { bodyId: session.bodyId, session };
}
const sessionSubject = (s: { id: string; name: string }) => ({ kind: 'session' as const, id: s.id, label: s.name });
const openOnly = (s: SessionRow) => { if (s.state !== 'open') throw conflict('session_ended', '会议已结束 / the session has ended'); };

export const createSession = command<{ bodyId: string } & SessionInput>()({
  action: 'session.created', stage: 'vote', roles: ['admin'],
  scope: inBody,
  run: async (cx, input) => {
    const { tx } = cx;
    const { bodyId } = input;
    const kind = input.kind as SessionKind;
    const quorum = input.quorum ?? defaultQuorum(kind);
    let memberIds: string[];
    if (input.memberIds) {
      memberIds = [...new Set(input.memberIds)];
      const found = memberIds.length
        ? await tx.select({ id: members.id }).from(members).where(and(eq(members.bodyId, bodyId), inArray(members.id, memberIds)))
        : [];
      if (found.length !== memberIds.length) {
        const known = new Set(found.map((m) => m.id));
        throw invalid('名单中有不属于本人大的代表 / roster names members of another body', memberIds.filter((m) => !known.has(m)).slice(0, 20).map((m) => ({ field: 'memberIds', message: m })));
      }
    } else {
      const where = kind === 'committee' ? and(eq(members.bodyId, bodyId), eq(members.kind, 'committee')) : eq(members.bodyId, bodyId);
      memberIds = (await tx.select({ id: members.id }).from(members).where(where)).map((m) => m.id);
    }
    const id = newId();
    const [session] = await tx.insert(sessions).values({
      id, bodyId, name: input.name, kind, state: 'open', quorumNum: quorum.num, quorumDen: quorum.den, quorumStrict: quorum.strict,
    }).returning();
    for (let i = 0; i < memberIds.length; i += 2000) {
      await tx.insert(roster).values(memberIds.slice(i, i + 2000).map((memberId) => ({ sessionId: id, memberId })));
    }
    return describeSession(session, memberIds.length, 0, []);
  },
  audit: (s) => ({ sessionId: s.id, subject: sessionSubject(s), detail: { name: s.name, kind: s.kind, rosterSize: s.rosterSize, quorum: { num: s.quorum.num, den: s.quorum.den, strict: s.quorum.strict } } }),
});

function describeSession(s: SessionRow, rosterSize: number, present: number, ballots: Awaited<ReturnType<typeof ballotSummaries>>) {
  return {
    id: s.id, bodyId: s.bodyId, name: s.name, kind: s.kind, state: s.state, createdAt: s.createdAt, rosterSize, present,
    quorum: quorumOf(s, rosterSize, present),
    ballots: ballots.map((b) => ({ id: b.id, kind: b.kind, state: b.state, title: b.title, eligible: b.eligible, cast: b.cast ?? 0 })),
  };
}

/** Who may look at a session: its body's staff, its roster, its big screen. */
export async function assertCanSeeSession(ctx: AppContext, p: Principal, s: SessionRow) {
  if (p.kind === 'screen') { if (p.sessionId !== s.id) throw forbidden(); return; }
  if (p.kind === 'staff') { if (!(await staffCoversBody(ctx.db, p, s.bodyId))) throw forbidden('other_body', '无权查看该会议 / not your body'); return; }
  if (p.bodyId !== s.bodyId && !(await rosterEntry(ctx.db, s.id, p.memberId))) throw forbidden();
}

export async function getSession(ctx: AppContext, p: Principal, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  await assertCanSeeSession(ctx, p, s);
  const [{ rosterSize, present }, ballots, version] = await Promise.all([
    attendanceCounts(ctx.db, sessionId), ballotSummaries(ctx.db, sessionId), ctx.live.currentVersion(),
  ]);
  const out: ReturnType<typeof describeSession> & { version: number; me?: { memberId: string; onRoster: boolean; present: boolean } } = {
    ...describeSession(s, rosterSize, present, ballots), version,
  };
  if (p.kind === 'member') {
    const entry = await rosterEntry(ctx.db, sessionId, p.memberId);
    out.me = { memberId: p.memberId, onRoster: !!entry, present: entry?.present ?? false };
  }
  return out;
}

export async function listSessions(ctx: AppContext, actor: StaffPrincipal, bodyId: string) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  return sessionsOfBody(ctx.db, bodyId);
}

/** A member on the roster checks in (签到); again is a no-op that writes nothing. */
export const checkIn = command<{ sessionId: string }>()({
  action: 'member.checked_in', stage: 'vote', roles: ['member'],
  scope: sessionScope,
  run: async (cx, { sessionId }, { session }) => {
    const entry = await rosterEntry(cx.tx, sessionId, cx.actor.memberId);
    if (!entry) throw forbidden('not_on_roster', '您不在本次会议的名单中 / not on this session\'s roster');
    openOnly(session);
    if (entry.present) return { changed: null };
    await cx.tx.update(roster).set({ present: true, note: null }).where(and(eq(roster.sessionId, sessionId), eq(roster.memberId, cx.actor.memberId)));
    const [m] = await cx.tx.select({ name: members.name }).from(members).where(eq(members.id, cx.actor.memberId));
    return { changed: { memberId: cx.actor.memberId, name: m?.name ?? null } };
  },
  audit: ({ changed }, { sessionId }) => changed && { sessionId, subject: { kind: 'member', id: changed.memberId, label: changed.name } },
  effects: ({ changed }, { session }) => (changed ? [live(session.id)] : []),
});

/** The presider marks a member present or absent (请假) by hand. */
export const setAttendance = command<{ sessionId: string; memberId: string; present: boolean; note?: string | null }>()({
  action: 'attendance.set', stage: 'vote', roles: ['presider', 'admin'],
  scope: sessionScope,
  run: async (cx, input, { session }) => {
    openOnly(session);
    const entry = await rosterEntry(cx.tx, input.sessionId, input.memberId);
    if (!entry) throw notFound('名单中的代表');
    await cx.tx.update(roster).set({ present: input.present, note: input.note ?? null }).where(and(eq(roster.sessionId, input.sessionId), eq(roster.memberId, input.memberId)));
    const [m] = await cx.tx.select({ name: members.name }).from(members).where(eq(members.id, input.memberId));
    return { memberId: input.memberId, present: input.present, note: input.note ?? null, name: m?.name ?? null };
  },
  audit: (out, { sessionId }) => ({ sessionId, subject: { kind: 'member', id: out.memberId, label: out.name }, detail: { present: out.present, note: out.note } }),
  effects: (_out, { session }) => [live(session.id)],
});

/** Ends the session: no more check-in or ballots (409 session_ended afterwards). */
export const endSession = command<{ sessionId: string }>()({
  action: 'session.ended', stage: 'vote', roles: ['presider', 'admin'],
  scope: sessionScope,
  run: async (cx, { sessionId }, { session }) => {
    const ended = await cx.tx.update(sessions).set({ state: 'ended' }).where(and(eq(sessions.id, sessionId), eq(sessions.state, 'open'))).returning({ id: sessions.id });
    if (!ended.length) throw conflict('session_ended', '会议已结束 / the session has ended');
    return session;
  },
  audit: (s) => ({ sessionId: s.id, subject: sessionSubject(s) }),
  effects: (s) => [live(s.id)],
});

export async function getRoster(ctx: AppContext, actor: StaffPrincipal, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  await assertStaffOfBody(ctx.db, actor, s.bodyId);
  return rosterList(ctx.db, sessionId);
}

export async function getAudit(ctx: AppContext, actor: StaffPrincipal, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  await assertStaffOfBody(ctx.db, actor, s.bodyId);
  return sessionTrail(ctx.db, sessionId);
}

/** A token the session's big screen watches it with (it may read this session and nothing else). */
export const issueScreenToken = command<{ sessionId: string }>()({
  action: 'screen.token_issued', stage: 'vote', roles: ['presider', 'admin'],
  scope: sessionScope,
  run: async (cx, { sessionId }) => ({ token: await issueToken(cx.ctx.secrets.tokenKey, { kind: 'screen', sessionId }), expiresAt: expiryOf('screen') }),
  audit: (_out, _input, { session }) => ({ sessionId: session.id, subject: sessionSubject(session) }),
});
