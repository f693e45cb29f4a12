import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { ballots, members, roster, sessions } from '../db/schema.js';
import { notFound } from '../core/errors.js';
import { quorumMet } from '../../shared/counting/quorum.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function findSession(db: DbOrTx, sessionId: string): Promise<SessionRow> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!row) throw notFound('会议');
  return row;
}

export async function attendanceCounts(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({ rosterSize: count(), present: sql<number>`count(*) filter (where ${roster.present})`.mapWith(Number) })
    .from(roster)
    .where(eq(roster.sessionId, sessionId));
  return { rosterSize: row?.rosterSize ?? 0, present: row?.present ?? 0 };
}

export function quorumOf(s: SessionRow, rosterSize: number, present: number) {
  const quorum = { num: s.quorumNum, den: s.quorumDen, strict: s.quorumStrict };
  return { ...quorum, met: quorumMet(present, rosterSize, quorum) };
}

export async function rosterEntry(db: DbOrTx, sessionId: string, memberId: string) {
  const [row] = await db.select().from(roster).where(and(eq(roster.sessionId, sessionId), eq(roster.memberId, memberId)));
  return row;
}

export async function ballotSummaries(db: DbOrTx, sessionId: string) {
  const rows = await db
    .select({ id: ballots.id, kind: ballots.kind, state: ballots.state, title: ballots.title, eligible: ballots.eligible, cast: ballots.cast, createdAt: ballots.createdAt })
    .from(ballots)
    .where(eq(ballots.sessionId, sessionId))
    .orderBy(asc(ballots.createdAt));
  return rows;
}

export async function rosterList(db: DbOrTx, sessionId: string) {
  return db
    .select({ memberId: roster.memberId, name: members.name, delegation: members.delegation, kind: members.kind, present: roster.present, note: roster.note })
    .from(roster)
    .innerJoin(members, eq(members.id, roster.memberId))
    .where(eq(roster.sessionId, sessionId))
    .orderBy(asc(members.delegation), asc(members.name));
}

export async function sessionsOfBody(db: DbOrTx, bodyId: string) {
  return db
    .select({
      id: sessions.id, name: sessions.name, kind: sessions.kind, state: sessions.state, createdAt: sessions.createdAt,
      rosterSize: sql<number>`(select count(*) from ${roster} where ${roster.sessionId} = ${sessions.id})`.mapWith(Number),
      present: sql<number>`(select count(*) from ${roster} where ${roster.sessionId} = ${sessions.id} and ${roster.present})`.mapWith(Number),
    })
    .from(sessions)
    .where(eq(sessions.bodyId, bodyId))
    .orderBy(desc(sessions.createdAt));
}
