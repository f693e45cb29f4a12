// Opening a 督办单: by staff by hand (openTask), or by itself when a project is red (openTasksForRed), right
// after a write that made it red (wiring.ts: implementation's `project.execution_changed`) and at start and
// after each midnight in Asia/Shanghai for what time alone made red (schedule.ts).
// One task that is not closed per project, whichever process opens it: the partial unique index
// `tasks_one_open_per_project` decides, and an insert that loses the race does nothing (no entry, no notice).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext, CommandContext, Effect } from '../context.js';
import { projects, tasks } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { anyOf } from '../db/any.js';
import { writeAudit } from '../audit/log.js';
import { command, publicChange } from '../core/command.js';
import { publicPagesChanged } from '../core/page-cache.js';
import { conflict, fieldError } from '../core/errors.js';
import { lockedProject } from '../projects/scope.js';
import { executionOf } from '../projects/execution.js';
import { describeTask, taskDays } from '../projects/tasks.js';
import type { ProjectRow } from '../projects/find.js';
import { addDays } from '../../shared/supervision.js';
import { shanghaiDate } from '../../shared/execution.js';
import type { taskInput } from '../../shared/task-schemas.js';
import { tellOfTask } from './notices.js';

const taskOpen = () => conflict('task_open', '该项目已有未办结的督办单 / the project already has a task that is not closed');
export const projectSubject = (p: { id: string; title: string }) => ({ kind: 'project' as const, id: p.id, label: p.title });

/** openTask: an admin of the body opens a task by hand (e.g. from an inspection's findings), reason `manual`. */
export const openTask = command<{ projectId: string } & z.infer<typeof taskInput>>()({
  action: 'task.opened', stage: 'supervision', roles: ['admin'],
  scope: lockedProject,
  run: async (cx, input, { project: p }) => {
    if (p.status !== 'selected') throw conflict('project_not_selected', '只有票决产生的项目可以督办 / only a selected project');
    const now = cx.ctx.now();
    const today = shanghaiDate(now);
    if (input.due < today) throw fieldError('due', `期限不能早于今天（${today}）/ the due day cannot be before today (${today})`);
    const [row] = await cx.tx.insert(tasks).values({
      id: newId(), projectId: p.id, bodyId: p.bodyId, reason: 'manual', note: input.note, due: input.due, openedAt: now.toISOString(),
      openedBy: cx.actor.userId,
    }).onConflictDoNothing().returning();
    if (!row) throw taskOpen();
    await tellOfTask(cx, p, { due: row.due, reason: 'manual' }, false);
    return describeTask(row, today);
  },
  audit: (t, _input, { project }) => ({ subject: projectSubject(project), detail: { taskId: t.id, reason: t.reason, due: t.due } }),
  effects: [publicChange],
});

/**
 * Opens a task for every red selected project among `projectIds` (all of them when null) that has none open,
 * each in its own transaction, as the server (`system` in the trail). A project whose task was closed today
 * waits for the next midnight (PROCESS.md: "a project that is still red when its task closes gets a new one
 * after the next midnight"). Answers how many it opened.
 */
const sweepChunk = 1000;

export async function openTasksForRed(ctx: AppContext, projectIds: string[] | null): Promise<number> {
  if (projectIds && !projectIds.length) return 0;
  const now = ctx.now();
  const today = shanghaiDate(now);
  const ids = (await ctx.db.select({ id: projects.id }).from(projects).where(and(
    eq(projects.status, 'selected'),
    projectIds ? inArray(projects.id, projectIds) : undefined,
    sql`not exists (select 1 from ${tasks} t where t.project_id = ${projects.id}
      and (t.state <> 'closed' or (t.closed_at at time zone 'Asia/Shanghai')::date = ${today}::date))`,
  ))).map((r) => r.id);
  let opened = 0;
  // A province holds 40,000 selected projects over five years: their reports are read a thousand projects at a
  // time, so the sweep at start (which runs while the server already answers) never holds them all at once.
  for (let i = 0; i < ids.length; i += sweepChunk) {
    const candidates = await ctx.db.select().from(projects).where(anyOf(projects.id, ids.slice(i, i + sweepChunk)));
    const exec = await executionOf(ctx.db, candidates, now);
    for (const p of candidates) {
      const e = exec.get(p.id)!;
      if (e.color !== 'red') continue;
      if (await openForRed(ctx, p, e.redReasons[0], now)) opened++;
    }
  }
  // Public pages (which list each project's tasks) are made again once for the whole sweep: per task, a
  // province's first sweep (4,560 tasks) dropped every cached page 4,560 times in a row and the portal
  // answered at a few percent of its speed for a quarter of an hour.
  if (opened) await publicPagesChanged(ctx.db, 'staff').catch((err) => console.error('public pages after tasks opened', err));
  return opened;
}

async function openForRed(ctx: AppContext, p: ProjectRow, reason: 'behind' | 'report_overdue' | 'rectify_overdue', now: Date): Promise<boolean> {
  const effects: Effect[] = [];
  const opened = await ctx.db.transaction(async (tx) => {
    const cx: CommandContext<null> = {
      ctx, tx, actor: null, audit: () => {}, emit: (name, event) => ctx.events.emit(cx, name, event), after: (e) => { effects.push(e); },
    };
    const due = addDays(shanghaiDate(now), taskDays());
    const [row] = await tx.insert(tasks).values({ id: newId(), projectId: p.id, bodyId: p.bodyId, reason, due, openedAt: now.toISOString() })
      .onConflictDoNothing().returning();
    if (!row) return false;
    await writeAudit(tx, 'system', { action: 'task.opened', stage: 'supervision', bodyId: p.bodyId, subject: projectSubject(p), detail: { taskId: row.id, reason, due } });
    await tellOfTask(cx, p, { due, reason }, true);
    return true;
  });
  if (!opened) return false;
  // after the commit: the notices go out (the public pages are made again by the caller, once for all)
  for (const e of effects) if (e.kind === 'after') await e.run(ctx).catch((err) => console.error(`${e.name} after a task opened`, err));
  return true;
}

/** A subscriber of `project.execution_changed`: once the write commits, the projects it touched that are red get a task. */
export async function openOnRed(cx: CommandContext, event: { projectIds: string[] }): Promise<void> {
  const ids = [...event.projectIds];
  cx.after({ kind: 'after', name: 'open tasks for red projects', run: async (ctx) => { await openTasksForRed(ctx, ids); } });
}
