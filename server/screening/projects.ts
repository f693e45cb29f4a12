// Projects from suggestions (定单 → 派单): create one adopting suggestions, edit or withdraw a draft, list them.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/connect.js';
import { projects, suggestionEvents, suggestions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { conflict } from '../core/errors.js';
import { writeAudit } from '../audit/log.js';
import { findBody } from '../bodies/tree.js';
import type { projectInput } from '../../shared/schemas.js';
import type { projectUpdateInput } from '../../shared/screening-schemas.js';
import { staffViews } from '../projects/views.js';
import { isEditable } from '../../shared/projects.js';
import { departmentOf } from '../projects/departments.js';
import { findProject, describeProject, type ProjectRow } from '../projects/find.js';
import { adoptSuggestions } from '../collection/adopt.js';

export { describeProject };

async function staffView(tx: Tx, p: ProjectRow) {
  return (await staffViews(tx, [p]))[0];
}

export async function createProject(ctx: AppContext, actor: StaffPrincipal, bodyId: string, input: z.infer<typeof projectInput>) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx.insert(projects).values({
      id: newId(), bodyId, year: input.year, title: input.title, description: input.description, category: input.category,
      department: input.department, investment: input.investment ?? null, targets: input.targets ?? [], status: 'draft',
    }).returning();
    await adoptSuggestions(tx, p, input.suggestionIds ?? []);
    await writeAudit(tx, { actor, action: 'project.created', subject: p.id, detail: { title: p.title, bodyId, suggestions: input.suggestionIds ?? [] } });
    return staffView(tx, p);
  });
}

/** A project that staff may still change: of their body, and not yet decided by a candidate list. */
async function editable(tx: Tx, actor: StaffPrincipal, projectId: string) {
  const p = await findProject(tx, projectId, true);
  await assertStaffOfBody(tx, actor, p.bodyId);
  if (!isEditable(p.status)) throw conflict('project_locked', '项目已列入候选名单或已撤回，不能再修改 / the project is on an approved list or withdrawn');
  return p;
}

export async function updateProject(ctx: AppContext, actor: StaffPrincipal, projectId: string, input: z.infer<typeof projectUpdateInput>) {
  return ctx.db.transaction(async (tx) => {
    await editable(tx, actor, projectId);
    const [p] = await tx.update(projects).set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.department !== undefined ? { department: input.department } : {}),
      ...(input.investment !== undefined ? { investment: input.investment } : {}),
      ...(input.targets !== undefined ? { targets: input.targets } : {}),
    }).where(eq(projects.id, projectId)).returning();
    await writeAudit(tx, { actor, action: 'project.updated', subject: p.id, detail: { fields: Object.keys(input) } });
    return staffView(tx, p);
  });
}

/** Withdraws a project before the list: its suggestions go back to `received`, with an event saying so. */
export async function withdrawProject(ctx: AppContext, actor: StaffPrincipal, projectId: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await editable(tx, actor, projectId);
    const linked = await tx.select({ id: suggestions.id }).from(suggestions).where(and(eq(suggestions.projectId, projectId), eq(suggestions.status, 'adopted'))).orderBy(asc(suggestions.id)).for('update');
    if (linked.length) {
      await tx.update(suggestions).set({ status: 'received', projectId: null, updatedAt: sql`now()` }).where(inArray(suggestions.id, linked.map((s) => s.id)));
      await tx.insert(suggestionEvents).values(linked.map((s) => ({ suggestionId: s.id, status: 'received', note: `项目「${before.title}」已撤回，建议重新待处理` })));
    }
    const [p] = await tx.update(projects).set({ status: 'withdrawn' }).where(eq(projects.id, projectId)).returning();
    await writeAudit(tx, { actor, action: 'project.withdrawn', subject: p.id, detail: { title: p.title, suggestions: linked.map((s) => s.id) } });
    return staffView(tx, p);
  });
}

/** Staff list; a department user sees only its own department's projects (`mine` is implied for it). */
export async function listProjects(ctx: AppContext, actor: StaffPrincipal, bodyId: string, year?: number, mine = false) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const conds = [eq(projects.bodyId, bodyId)];
  if (year !== undefined) conds.push(eq(projects.year, year));
  if (actor.role === 'department' || mine) {
    const department = await departmentOf(ctx.db, actor);
    if (actor.role === 'department' || department !== null) conds.push(eq(projects.department, department ?? '\u0000none'));
  }
  const rows = await ctx.db.select().from(projects).where(and(...conds)).orderBy(asc(projects.createdAt), asc(projects.id));
  return staffViews(ctx.db, rows);
}
