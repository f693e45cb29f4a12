// A project's 督办单 (supervision tasks) as every reader shows them: the supervision stage's lists, the
// department's workspace and the public project page (which may not import that stage, so the reading lives
// in the project core beside progress and grades).
import { asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { projects, tasks } from '../db/schema.js';
import { shanghaiDate } from '../../shared/execution.js';
import { photoUrls } from './progress.js';

export type TaskRow = typeof tasks.$inferSelect;

/** TASK_DAYS: how long a department has to answer a task opened by the project's colour (default 15 days). */
export const taskDays = () => Number(process.env.TASK_DAYS) || 15;

/** Escalated: still open after its due day (the 主任会议 sees these first). */
export const isEscalated = (t: Pick<TaskRow, 'state' | 'due'>, today: string) => t.state === 'open' && t.due < today;

export function describeTask(t: TaskRow, today: string) {
  return {
    id: t.id, projectId: t.projectId, reason: t.reason, note: t.note, openedAt: new Date(t.openedAt).toISOString(), due: t.due,
    state: t.state, escalated: isEscalated(t, today),
    answer: t.answerText === null ? null : { text: t.answerText, date: t.answerDate!, photos: photoUrls(t.answerPhotos) },
    closedAt: t.closedAt === null ? null : new Date(t.closedAt).toISOString(),
    closeNote: t.closeNote,
  };
}
export type TaskView = ReturnType<typeof describeTask>;

/** Tasks matching `where`, each with its project's title and department: escalated first, then open, answered, closed; the nearest due day first. */
export async function listTasks(db: DbOrTx, where: SQL | undefined, now: Date) {
  const today = shanghaiDate(now);
  const rows = await db.select({ t: tasks, title: projects.title, department: projects.department, year: projects.year, bodyId: projects.bodyId })
    .from(tasks).innerJoin(projects, eq(projects.id, tasks.projectId)).where(where)
    .orderBy(sql`case when ${tasks.state} = 'open' and ${tasks.due} < ${today} then 0 when ${tasks.state} = 'open' then 1 when ${tasks.state} = 'answered' then 2 else 3 end`, asc(tasks.due), desc(tasks.openedAt));
  return rows.map((r) => ({ ...describeTask(r.t, today), project: { id: r.t.projectId, title: r.title, department: r.department, year: r.year, bodyId: r.bodyId } }));
}

/** The tasks of these projects, newest first (the public page shows every one, closed ones too). */
export async function tasksOfProjects(db: DbOrTx, projectIds: string[], now: Date): Promise<Map<string, TaskView[]>> {
  const out = new Map<string, TaskView[]>();
  if (!projectIds.length) return out;
  const today = shanghaiDate(now);
  const rows = await db.select().from(tasks).where(inArray(tasks.projectId, projectIds)).orderBy(desc(tasks.openedAt));
  for (const r of rows) (out.get(r.projectId) ?? out.set(r.projectId, []).get(r.projectId)!).push(describeTask(r, today));
  return out;
}
