// The department answers a 督办单 (text, the day it acted, photos); staff close it once answered.
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { files, tasks } from '../db/schema.js';
import { command, publicChange, type CommandContext } from '../core/command.js';
import { conflict, fieldError, invalid, notFound } from '../core/errors.js';
import { findProject, type ProjectRow } from '../projects/find.js';
import { describeTask, type TaskRow } from '../projects/tasks.js';
import { shanghaiDate } from '../../shared/execution.js';
import { typedDateProblem } from '../../shared/typed-dates.js';
import type { taskAnswerInput, taskCloseInput } from '../../shared/task-schemas.js';
import { projectSubject } from './open.js';

interface TaskScope { bodyId: string; task: TaskRow; project: ProjectRow; carrier?: { department: string; message: string } }

/** The task, locked, and its project; a department user must carry the project (403 not_your_department). */
async function lockedTask(cx: CommandContext<unknown>, input: { taskId: string }): Promise<TaskScope> {
  const [task] = await cx.tx.select().from(tasks).where(eq(tasks.id, input.taskId)).for('update');
  if (!task) throw notFound('督办单');
  const project = await findProject(cx.tx, task.projectId);
  return { bodyId: project.bodyId, task, project, carrier: { department: project.department, message: '只能答复本单位承办项目的督办单 / only the carrying department' } };
}

/** Photos named by an answer must be stored photos. */
async function storedPhotos(cx: CommandContext<unknown>, ids: string[] | undefined): Promise<string[]> {
  const list = [...new Set(ids ?? [])];
  if (!list.length) return [];
  const found = await cx.tx.select({ id: files.id }).from(files).where(inArray(files.id, list));
  if (found.length !== list.length) throw invalid('照片不存在 / unknown photo', [{ field: 'photos', message: 'unknown photo' }]);
  return list;
}

/** answerTask: the carrying department (or an admin of the body) answers an open task. */
export const answerTask = command<{ taskId: string } & z.infer<typeof taskAnswerInput>>()({
  action: 'task.answered', stage: 'supervision', roles: ['admin', 'department'],
  scope: lockedTask,
  run: async (cx, input, { task, project }) => {
    if (task.state !== 'open') throw conflict('task_not_open', '督办单不是待答复状态 / the task is not open');
    const now = cx.ctx.now();
    const problem = typedDateProblem(input.date, project.year, now);
    if (problem) throw fieldError('date', problem);
    const photos = await storedPhotos(cx, input.photos);
    const [row] = await cx.tx.update(tasks).set({ state: 'answered', answerText: input.text, answerDate: input.date, answerPhotos: photos, answeredAt: now.toISOString() })
      .where(eq(tasks.id, task.id)).returning();
    return describeTask(row, shanghaiDate(now));
  },
  audit: (t, _input, { project }) => ({ subject: projectSubject(project), detail: { taskId: t.id, date: t.answer?.date ?? null } }),
  effects: [publicChange],
});

/** closeTask: an admin of the body closes an answered task, with a note. */
export const closeTask = command<{ taskId: string } & z.infer<typeof taskCloseInput>>()({
  action: 'task.closed', stage: 'supervision', roles: ['admin'],
  scope: async (cx, input) => { const { carrier: _c, ...rest } = await lockedTask(cx, input); return rest; },
  run: async (cx, input, { task }) => {
    if (task.state !== 'answered') throw conflict('task_not_answered', '督办单尚未答复，不能办结 / the task is not answered');
    const now = cx.ctx.now();
    const [row] = await cx.tx.update(tasks).set({ state: 'closed', closeNote: input.note, closedAt: now.toISOString() }).where(eq(tasks.id, task.id)).returning();
    return describeTask(row, shanghaiDate(now));
  },
  audit: (t, _input, { project }) => ({ subject: projectSubject(project), detail: { taskId: t.id } }),
  effects: [publicChange],
});
