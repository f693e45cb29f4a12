import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { projects } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { assertStaffOfBody, type StaffPrincipal } from '../http/auth.js';
import { writeAudit } from '../audit/log.js';
import { findBody } from '../bodies/service.js';
import { bodyAndDescendants } from '../publication/routes.js';
import type { projectInput } from '../../shared/schemas.js';
import { adoptSuggestions, supportersOf } from './adopt.js';

type ProjectRow = typeof projects.$inferSelect;

export const describeProject = (p: ProjectRow) => ({
  id: p.id, bodyId: p.bodyId, year: p.year, title: p.title, description: p.description, category: p.category,
  department: p.department, investment: p.investment, status: p.status, targets: p.targets, createdAt: p.createdAt,
});

export async function createProject(ctx: AppContext, actor: StaffPrincipal, bodyId: string, input: z.infer<typeof projectInput>) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx.insert(projects).values({
      id: newId(), bodyId, year: input.year, title: input.title, description: input.description, category: input.category,
      department: input.department, investment: input.investment ?? null, targets: input.targets ?? [], status: 'draft',
    }).returning();
    await adoptSuggestions(tx, p, input.suggestionIds ?? []);
    await writeAudit(tx, { actor, action: 'project.created', subject: p.id, detail: { title: p.title, bodyId, suggestions: input.suggestionIds?.length ?? 0 } });
    return { ...describeProject(p), supporters: (await supportersOf(tx, [p.id])).get(p.id) ?? 0, suggestionIds: input.suggestionIds ?? [] };
  });
}

export async function listProjects(ctx: AppContext, actor: StaffPrincipal, bodyId: string, year?: number) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const where = year === undefined ? eq(projects.bodyId, bodyId) : and(eq(projects.bodyId, bodyId), eq(projects.year, year));
  const rows = await ctx.db.select().from(projects).where(where).orderBy(asc(projects.createdAt));
  const supporters = await supportersOf(ctx.db, rows.map((p) => p.id));
  return rows.map((p) => ({ ...describeProject(p), supporters: supporters.get(p.id) ?? 0 }));
}

/** Projects the public may read: those past the draft stage (candidates, selected, …). */
export async function publicProjects(ctx: AppContext, bodyId: string, year?: number) {
  await findBody(ctx.db, bodyId);
  const ids = await bodyAndDescendants(ctx.db, bodyId);
  const rows = await ctx.db.select().from(projects).where(
    year === undefined ? inArray(projects.bodyId, ids) : and(inArray(projects.bodyId, ids), eq(projects.year, year)),
  ).orderBy(asc(projects.createdAt));
  return rows.filter((p) => p.status !== 'draft').map(describeProject);
}
