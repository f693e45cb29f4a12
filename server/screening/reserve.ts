// The reserve (储备库): ideas worth doing later are kept, not lost. A not-selected or infeasible project (and a
// not-adopted suggestion, collection/reserve.ts) is kept with a note; a later year's screening takes a project
// from it in one step (createProject's `fromReserve`), carrying its supporters. PROCESS.md "Referrals and the reserve".
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { projects, suggestions } from '../db/schema.js';
import { command, type CommandContext } from '../core/command.js';
import { conflict, fieldError } from '../core/errors.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { lockedProject } from '../projects/scope.js';
import { staffViews, supportersOf } from '../projects/views.js';
import type { ProjectRow } from '../projects/find.js';
import { isReservable } from '../../shared/projects.js';
import type { reserveInput } from '../../shared/reserve-schemas.js';

const subject = (p: { id: string; title: string }) => ({ kind: 'project' as const, id: p.id, label: p.title });

/** Puts a project in the reserve with a note, or takes it out (taking out is always allowed). */
export const setProjectReserve = command<{ projectId: string } & z.infer<typeof reserveInput>>()({
  action: 'project.reserved', stage: 'screening', roles: ['admin'],
  scope: lockedProject,
  run: async (cx, input, { project }) => {
    if (input.reserve && !isReservable(project.status)) {
      throw conflict('not_reservable', '只有未入选或经评估不可行的项目可以加入储备库 / only a not-selected or infeasible project');
    }
    const [p] = await cx.tx.update(projects).set({ reserve: input.reserve, reserveNote: input.reserve ? input.note ?? null : null })
      .where(eq(projects.id, project.id)).returning();
    return (await staffViews(cx.tx, [p]))[0];
  },
  // Asking again for what is already so changes nothing and leaves no entry.
  audit: (p, input, { project }) => (project.reserve === input.reserve && (project.reserveNote ?? null) === (p.reserve?.note ?? null) ? null : {
    action: input.reserve ? 'project.reserved' : 'project.unreserved', subject: subject(p), detail: input.reserve && input.note ? { note: input.note } : undefined,
  }),
});

/**
 * In createProject's transaction: the reserved project of an earlier year of the body that a new draft is
 * made from, locked; it leaves the reserve. Not reserved, or not earlier → 409 not_in_reserve.
 */
export async function takeFromReserve(cx: CommandContext, bodyId: string, year: number, projectId: string): Promise<ProjectRow> {
  const [origin] = await cx.tx.select().from(projects).where(eq(projects.id, projectId)).for('update');
  if (!origin || origin.bodyId !== bodyId) throw fieldError('fromReserve', '储备库中没有这个项目 / no such project in the body\'s reserve');
  if (!origin.reserve || origin.year >= year) throw conflict('not_in_reserve', `「${origin.title}」不在储备库中，或不是更早年度的项目 / not in the reserve of an earlier year`);
  await cx.tx.update(projects).set({ reserve: false }).where(eq(projects.id, origin.id));
  cx.audit({ action: 'project.unreserved', subject: subject(origin), detail: { toYear: year } });
  return origin;
}

/** The body's reserve: projects and suggestions, newest year first, then by supporters. */
export async function reserveOf(ctx: AppContext, actor: StaffPrincipal, bodyId: string) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const rows = await ctx.db.select().from(projects).where(and(eq(projects.bodyId, bodyId), eq(projects.reserve, true))).orderBy(desc(projects.year), projects.id);
  const support = await supportersOf(ctx.db, rows.map((p) => p.id));
  const ideas = await ctx.db.select().from(suggestions)
    .where(and(eq(suggestions.bodyId, bodyId), eq(suggestions.reserve, true), eq(suggestions.status, 'not_adopted')))
    .orderBy(desc(suggestions.year), desc(suggestions.supporters), suggestions.id);
  const byYearThenSupport = <T extends { year: number; supporters: number }>(a: T, b: T) => b.year - a.year || b.supporters - a.supporters;
  return {
    projects: rows.map((p) => ({ id: p.id, year: p.year, title: p.title, status: p.status, department: p.department, supporters: support.get(p.id)!.supporters, note: p.reserveNote }))
      .sort(byYearThenSupport),
    // (description and category too: a later year's draft is made from them)
    suggestions: ideas.map((s) => ({ id: s.id, year: s.year, title: s.title, supporters: s.supporters, note: s.reserveNote, description: s.description, category: s.category })),
  };
}
