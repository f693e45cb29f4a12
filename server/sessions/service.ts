import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { members, roster, sessions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { MemberPrincipal, StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, staffCoversBody } from '../bodies/tree.js';
import { writeAudit, sessionAudit } from '../audit/log.js';
import { issueToken, expiryOf } from '../auth/tokens.js';
import type { Principal } from '../core/principal.js';
import { findBody } from '../bodies/tree.js';
import { defaultQuorum } from '../../shared/counting/quorum.js';
import type { SessionInput } from '../../shared/schemas.js';
import type { SessionKind } from '../../shared/types.js';
import {
  attendanceCounts, ballotSummaries, findSession, quorumOf, rosterEntry, rosterList, sessionsOfBody, type SessionRow,
} from './queries.js';

export async function createSession(ctx: AppContext, actor: StaffPrincipal, bodyId: string, input: SessionInput) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const kind = input.kind as SessionKind;
  const quorum = input.quorum ?? defaultQuorum(kind);
  return ctx.db.transaction(async (tx) => {
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
    await writeAudit(tx, { sessionId: id, actor, action: 'session.created', subject: id, detail: { name: input.name, kind, rosterSize: memberIds.length, quorum } });
    return describeSession(session, memberIds.length, 0, []);
  });
}

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
  const out: Record<string, unknown> = { ...describeSession(s, rosterSize, present, ballots), version };
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

export async function checkIn(ctx: AppContext, member: MemberPrincipal, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  const changed = await ctx.db.transaction(async (tx) => {
    const entry = await rosterEntry(tx, sessionId, member.memberId);
    if (!entry) throw forbidden('not_on_roster', '您不在本次会议的名单中 / not on this session\'s roster');
    if (s.state !== 'open') throw conflict('session_ended', '会议已结束 / the session has ended');
    if (entry.present) return false;
    await tx.update(roster).set({ present: true, note: null }).where(and(eq(roster.sessionId, sessionId), eq(roster.memberId, member.memberId)));
    await writeAudit(tx, { sessionId, actor: member, action: 'member.checked_in', subject: member.memberId });
    return true;
  });
  if (changed) ctx.live.touch(sessionId);
  return { present: true };
}

export async function setAttendance(ctx: AppContext, actor: StaffPrincipal, sessionId: string, memberId: string, input: { present: boolean; note?: string | null }) {
  const s = await findSession(ctx.db, sessionId);
  await assertStaffOfBody(ctx.db, actor, s.bodyId);
  if (s.state !== 'open') throw conflict('session_ended', '会议已结束 / the session has ended');
  await ctx.db.transaction(async (tx) => {
    const entry = await rosterEntry(tx, sessionId, memberId);
    if (!entry) throw notFound('名单中的代表');
    await tx.update(roster).set({ present: input.present, note: input.note ?? null }).where(and(eq(roster.sessionId, sessionId), eq(roster.memberId, memberId)));
    await writeAudit(tx, { sessionId, actor, action: 'attendance.set', subject: memberId, detail: { present: input.present, note: input.note ?? null } });
  });
  ctx.live.touch(sessionId);
  return { memberId, present: input.present, note: input.note ?? null };
}

export async function endSession(ctx: AppContext, actor: StaffPrincipal, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  await assertStaffOfBody(ctx.db, actor, s.bodyId);
  await ctx.db.transaction(async (tx) => {
    const ended = await tx.update(sessions).set({ state: 'ended' }).where(and(eq(sessions.id, sessionId), eq(sessions.state, 'open'))).returning({ id: sessions.id });
    if (!ended.length) throw conflict('session_ended', '会议已结束 / the session has ended');
    await writeAudit(tx, { sessionId, actor, action: 'session.ended', subject: sessionId });
  });
  ctx.live.touch(sessionId);
  return getSession(ctx, actor, sessionId);
}

export async function getRoster(ctx: AppContext, actor: StaffPrincipal, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  await assertStaffOfBody(ctx.db, actor, s.bodyId);
  return rosterList(ctx.db, sessionId);
}

export async function getAudit(ctx: AppContext, actor: StaffPrincipal, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  await assertStaffOfBody(ctx.db, actor, s.bodyId);
  return sessionAudit(ctx.db, sessionId);
}

export async function issueScreenToken(ctx: AppContext, actor: StaffPrincipal, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  await assertStaffOfBody(ctx.db, actor, s.bodyId);
  const token = await issueToken(ctx.secrets.tokenKey, { kind: 'screen', sessionId });
  await writeAudit(ctx.db, { sessionId, actor, action: 'screen.token_issued', subject: sessionId });
  return { token, expiresAt: expiryOf('screen') };
}
