// 代表亮身份: the body's representatives as the public sees them, and each one's card, whose QR code (代表码)
// opens the suggestion form addressed to them (`/suggest/<bodyId>?rep=<memberId>`). Never a sign-in code
// or a phone number. Every member of the body is a representative here: a standing-committee member
// (`kind: committee`) is one too, and says so.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { members, stationDuty, stations, suggestionReplies, suggestions } from '../db/schema.js';
import { notFound } from '../core/errors.js';
import { findBody } from '../bodies/tree.js';
import { dutyWindow } from './duty.js';

const publicMember = { id: members.id, name: members.name, delegation: members.delegation, kind: members.kind, bodyId: members.bodyId };

/** GET /api/public/bodies/:bodyId/representatives: each with the station of their next duty day (today or later, within 14 days) or null. */
export async function listRepresentatives(ctx: AppContext, bodyId: string) {
  await findBody(ctx.db, bodyId);
  const { from, to } = dutyWindow(ctx);
  const [rows, duty] = await Promise.all([
    ctx.db.select(publicMember).from(members).where(eq(members.bodyId, bodyId)).orderBy(asc(members.delegation), asc(members.name), asc(members.id)),
    ctx.db.select({ memberId: stationDuty.memberId, stationId: stationDuty.stationId }).from(stationDuty)
      .innerJoin(stations, eq(stations.id, stationDuty.stationId))
      .where(and(eq(stations.bodyId, bodyId), gte(stationDuty.date, from), lte(stationDuty.date, to)))
      .orderBy(asc(stationDuty.date), asc(stations.createdAt), asc(stations.id)),
  ]);
  const next = new Map<string, string>();
  for (const d of duty) if (!next.has(d.memberId)) next.set(d.memberId, d.stationId);
  return rows.map((m) => ({ id: m.id, name: m.name, delegation: m.delegation, kind: m.kind, stationId: next.get(m.id) ?? null }));
}

/**
 * GET /api/public/members/:id: a representative's card — delegation, the station of the next duty day, the
 * duty days from today to 14 days on, how many suggestions residents sent them through the 代表码 and how
 * many of those they answered.
 */
export async function representativeCard(ctx: AppContext, memberId: string) {
  const [m] = await ctx.db.select(publicMember).from(members).where(eq(members.id, memberId));
  if (!m) throw notFound('代表');
  const { from, to } = dutyWindow(ctx);
  const [duty, [received], [replied]] = await Promise.all([
    ctx.db.select({ date: stationDuty.date, stationId: stationDuty.stationId, name: stations.name }).from(stationDuty)
      .innerJoin(stations, eq(stations.id, stationDuty.stationId))
      .where(and(eq(stationDuty.memberId, memberId), gte(stationDuty.date, from), lte(stationDuty.date, to)))
      .orderBy(asc(stationDuty.date), asc(stations.createdAt), asc(stations.id)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(suggestions).where(eq(suggestions.repId, memberId)),
    ctx.db.select({ n: sql<number>`count(distinct ${suggestionReplies.suggestionId})::int` }).from(suggestionReplies)
      .innerJoin(suggestions, eq(suggestions.id, suggestionReplies.suggestionId)).where(eq(suggestions.repId, memberId)),
  ]);
  const first = duty[0];
  return {
    ...m,
    station: first ? { id: first.stationId, name: first.name } : null,
    duty: duty.map((d) => ({ date: d.date, stationId: d.stationId })),
    received: Number(received?.n ?? 0), replied: Number(replied?.n ?? 0),
  };
}

