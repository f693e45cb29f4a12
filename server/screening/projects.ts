// Projects from suggestions (定单 → 派单): create one adopting suggestions, edit or withdraw a draft, list them.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { projects } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { command, publicChange } from '../core/command.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { inBody } from '../bodies/scope.js';
import { lockedProject } from '../projects/scope.js';
import { departmentOf } from '../projects/departments.js';
import { assertCanMove, moveProjects } from '../projects/transitions.js';
import { staffViews } from '../projects/views.js';
import type { projectCreateInput } from '../../shared/reserve-schemas.js';
import { ensureDepartment } from '../departments/list.js';
import { takeFromReserve } from './reserve.js';
import type { projectUpdateInput } from '../../shared/screening-schemas.js';

const projectSubject = (p: { id: string; title: string }) => ({ kind: 'project' as const, id: p.id, label: p.title });

/**
 * createProject: a draft of the body's year; the suggestions it names are adopted into it (collection subscribes).
 * `fromReserve` names a reserved project of an earlier year: the draft copies it (fields given override) and
 * counts its supporters, and that project leaves the reserve.
 */
export const createProject = command<{ bodyId: string } & z.infer<typeof projectCreateInput>>()({
  action: 'project.created', stage: 'screening', roles: ['admin'],
  scope: inBody,
  run: async (cx, input) => {
    const origin = input.fromReserve ? await takeFromReserve(cx, input.bodyId, input.year, input.fromReserve) : null;
    const department = input.department ?? origin!.department;
    await ensureDepartment(cx.tx, input.bodyId, department);
    const [p] = await cx.tx.insert(projects).values({
      id: newId(), bodyId: input.bodyId, year: input.year, title: input.title ?? origin!.title, description: input.description ?? origin!.description,
      category: input.category ?? origin!.category, department, investment: input.investment ?? null, targets: input.targets ?? origin?.targets ?? [],
      status: 'draft', reservedFrom: origin?.id ?? null,
    }).returning();
    await cx.emit('project.created', { project: p, suggestionIds: input.suggestionIds ?? [] });
    return (await staffViews(cx.tx, [p]))[0];
  },
  audit: (p) => ({ subject: projectSubject(p), detail: { year: p.year, suggestions: p.suggestionIds.length, ...(p.reservedFrom ? { fromReserve: p.reservedFrom.id } : {}) } }),
  effects: [publicChange],
});

/** A project staff may still change: not yet decided by a candidate list, nor withdrawn. */
async function editableProject(cx: Parameters<typeof lockedProject>[0], input: { projectId: string }) {
  const scope = await lockedProject(cx, input);
  assertCanMove([scope.project], 'withdrawn', 'withdrawProject');
  return scope;
}

export const updateProject = command<{ projectId: string } & z.infer<typeof projectUpdateInput>>()({
  action: 'project.updated', stage: 'screening', roles: ['admin'],
  scope: editableProject,
  run: async (cx, input, { project }) => {
    const { projectId, ...fields } = input;
    const changed = Object.values(fields).some((v) => v !== undefined);
    // A new department joins the body's list; giving the project to another one answers a department's return.
    await ensureDepartment(cx.tx, project.bodyId, fields.department);
    const reassigned = fields.department !== undefined && fields.department !== project.department;
    const [p] = changed ? await cx.tx.update(projects).set({ ...fields, ...(reassigned ? { returnedReason: null, returnedAt: null } : {}) })
      .where(eq(projects.id, projectId)).returning() : [project];
    return (await staffViews(cx.tx, [p]))[0];
  },
  // An empty edit changes nothing and leaves no entry.
  audit: (p, { projectId: _id, ...fields }) => {
    const names = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
    return names.length ? { subject: projectSubject(p), detail: { fields: names } } : null;
  },
  effects: [publicChange],
});

/** Withdraws a project before its list: its suggestions go back to `received` (collection subscribes). */
export const withdrawProject = command<{ projectId: string }>()({
  action: 'project.withdrawn', stage: 'screening', roles: ['admin'],
  scope: lockedProject,
  run: async (cx, _input, { project }) => {
    const [p] = await moveProjects(cx.tx, [project], 'withdrawn', 'withdrawProject');
    await cx.emit('project.withdrawn', { project: p });
    return (await staffViews(cx.tx, [p]))[0];
  },
  audit: (p) => ({ subject: projectSubject(p) }),
  effects: [publicChange],
});

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
