// The dossier (材料提前送达, API.md "Representatives and residents"): the presider sends the members the material
// of the session's candidates before the vote — each candidate's assessment and its 民意指数 — and every
// member of the roster with a phone is told it has arrived. Sent once: a second send answers the first.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { command, live, type CommandContext } from '../core/command.js';
import type { DbOrTx } from '../db/connect.js';
import { iso } from '../db/time.js';
import { assessments, ballots, dossiers, members, projects, roster, sessions } from '../db/schema.js';
import { conflict, forbidden, notFound } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { demandOf } from '../projects/demand.js';
import { emptyDemand } from '../../shared/demand.js';
import { notify } from '../outbox/write.js';
import { findSession, rosterEntry, type SessionRow } from './queries.js';
import type { BallotOption } from '../../shared/types.js';

/** The candidates of the session's draft and open selection ballots, in ballot order then option order. */
async function candidateIds(db: DbOrTx, sessionId: string): Promise<string[]> {
  const rows = await db.select({ options: ballots.options }).from(ballots)
    .where(and(eq(ballots.sessionId, sessionId), eq(ballots.kind, 'selection'), inArray(ballots.state, ['draft', 'open'])))
    .orderBy(asc(ballots.createdAt), asc(ballots.id));
  return [...new Set(rows.flatMap((r) => (r.options as BallotOption[]).map((o) => o.id)))];
}

/** Each candidate's material: the department's assessment (falling back on the project's own figures) and its 民意指数. */
async function material(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  const [rows, assessed, demand] = await Promise.all([
    db.select().from(projects).where(inArray(projects.id, ids)),
    db.select().from(assessments).where(inArray(assessments.projectId, ids)),
    demandOf(db, ids),
  ]);
  const byId = new Map(rows.map((p) => [p.id, p]));
  const aById = new Map(assessed.map((a) => [a.projectId, a]));
  return ids.filter((id) => byId.has(id)).map((id) => {
    const p = byId.get(id)!;
    const a = aById.get(id);
    const d = demand.get(id) ?? emptyDemand();
    return {
      id, title: p.title, category: p.category, department: p.department,
      investment: a?.investment ?? p.investment ?? null, fundingSource: a?.fundingSource ?? null,
      completionDate: a?.completionDate ?? null, targets: a?.targets?.length ? a.targets : p.targets,
      reason: a?.reason ?? null, supporters: d.supporters, suggestions: d.suggestions, byChannel: d.byChannel,
    };
  });
}

const notSent = () => conflict('dossier_not_sent', '会议材料尚未送达 / the dossier has not been sent');

/** Sends the dossier; a second send changes nothing and answers the first (`created: false`). */
export const sendDossier = command<{ sessionId: string }>()({
  action: 'dossier.sent', stage: 'publication', roles: ['admin', 'presider'],
  scope: async (cx, { sessionId }) => {
    // The session row locked: two presses at once send it once.
    const [session] = await cx.tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('update');
    if (!session) throw notFound('会议');
    return { bodyId: session.bodyId, session };
  },
  run: async (cx, { sessionId }, { session }) => {
    const [before] = await cx.tx.select().from(dossiers).where(eq(dossiers.sessionId, sessionId));
    if (before) return { created: false, sentAt: iso(before.sentAt), projects: await material(cx.tx, before.projectIds), session };
    const projectIds = await candidateIds(cx.tx, sessionId);
    const actor = cx.actor as Principal;
    const [row] = await cx.tx.insert(dossiers).values({ sessionId, projectIds, sentBy: actor.kind === 'staff' ? actor.userId : null }).returning();
    await tellMembers(cx, session);
    return { created: true, sentAt: iso(row.sentAt), projects: await material(cx.tx, projectIds), session };
  },
  audit: (out) => out.created
    ? { sessionId: out.session.id, subject: { kind: 'session', id: out.session.id, label: out.session.name }, detail: { projects: out.projects.map((p) => p.id), count: out.projects.length } }
    : null,
  effects: (out) => (out.created ? [live(out.session.id)] : []),
});

/** A `dossier` notice to every member of the roster with a phone (the number itself never in the trail). */
async function tellMembers(cx: CommandContext<unknown>, session: SessionRow) {
  const phones = await cx.tx.select({ phone: members.phone, name: members.name }).from(roster)
    .innerJoin(members, eq(members.id, roster.memberId))
    .where(and(eq(roster.sessionId, session.id), isNotNull(members.phone)))
    .orderBy(asc(members.id));
  const link = `${cx.ctx.publicUrl}/tablet/${session.id}/dossier`;
  await notify(cx, phones.map((m) => ({
    kind: 'dossier' as const, bodyId: session.bodyId, to: m.phone!,
    text: `【民生实事】${session.name}会议材料已送达，请在平板上阅读：${link}`,
    params: { session: session.name, name: m.name, link },
  })));
}

/** The dossier as a member of the roster (once sent) or the session's staff (also before, `sentAt: null`) reads it. */
export async function getDossier(ctx: AppContext, p: Principal, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  if (p.kind === 'staff') await assertStaffOfBody(ctx.db, p, s.bodyId);
  else if (p.kind !== 'member' || !(await rosterEntry(ctx.db, sessionId, p.memberId))) throw forbidden('not_on_roster', '您不在本次会议的名单中 / not on this session\'s roster');
  const [sent] = await ctx.db.select().from(dossiers).where(eq(dossiers.sessionId, sessionId));
  if (!sent && p.kind === 'member') throw notSent();
  const ids = sent ? sent.projectIds : await candidateIds(ctx.db, sessionId);
  return { sentAt: sent ? iso(sent.sentAt) : null, projects: await material(ctx.db, ids) };
}
