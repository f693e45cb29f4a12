// A department sends back a project that is not theirs (退回, with a reason) and staff reassign it: the
// project keeps its place in the year; only its carrier changes. An extension of API.md (issue 23).
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { projects } from '../db/schema.js';
import { command, publicChange } from '../core/command.js';
import { conflict } from '../core/errors.js';
import { carriedProject, lockedProject } from '../projects/scope.js';
import { staffViews } from '../projects/views.js';
import { isEditable } from '../../shared/projects.js';
import type { reassignInput, returnInput } from '../../shared/reserve-schemas.js';
import { ensureDepartment } from './list.js';

const subject = (p: { id: string; title: string }) => ({ kind: 'project' as const, id: p.id, label: p.title });

/** The carrying department returns its project to the staff; once returned, or once a list decided it → 409 not_returnable. */
export const returnProject = command<{ projectId: string } & z.infer<typeof returnInput>>()({
  action: 'project.returned', stage: 'screening', roles: ['department'],
  scope: carriedProject('只能退回本单位承办的项目 / only your department\'s projects'),
  run: async (cx, input, { project }) => {
    if (!isEditable(project.status) || project.returnedAt !== null) {
      throw conflict('not_returnable', project.returnedAt !== null ? '项目已退回，等待重新交办 / already returned' : '项目已列入候选名单或已表决，不能退回 / decided: cannot be returned');
    }
    const [p] = await cx.tx.update(projects).set({ returnedReason: input.reason, returnedAt: cx.ctx.now().toISOString() })
      .where(eq(projects.id, project.id)).returning();
    return (await staffViews(cx.tx, [p]))[0];
  },
  audit: (p, input) => ({ subject: subject(p), detail: { department: p.department, reason: input.reason } }),
});

/** Staff give the project to a department (the same or another): the return is answered and cleared. */
export const reassignProject = command<{ projectId: string } & z.infer<typeof reassignInput>>()({
  action: 'project.reassigned', stage: 'screening', roles: ['admin'],
  scope: lockedProject,
  run: async (cx, input, { project }) => {
    if (!isEditable(project.status)) throw conflict('project_locked', '项目已列入候选名单或已表决 / the project can no longer change');
    await ensureDepartment(cx.tx, project.bodyId, input.department);
    const [p] = await cx.tx.update(projects).set({ department: input.department, returnedReason: null, returnedAt: null })
      .where(eq(projects.id, project.id)).returning();
    return (await staffViews(cx.tx, [p]))[0];
  },
  audit: (p, _input, { project }) => ({ subject: subject(p), detail: { from: project.department, to: p.department } }),
  effects: [publicChange],
});
