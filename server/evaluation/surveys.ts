// 入户调查 A household survey of a project's residents: three counts, how many households were asked and how.
// The latest survey is the `survey` part of the project's combined satisfaction.
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { surveys } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { iso } from '../db/time.js';
import { command, publicChange } from '../core/command.js';
import { conflict } from '../core/errors.js';
import { findProject } from '../projects/find.js';
import type { surveyInput } from '../../shared/evaluation-schemas.js';

type SurveyRow = typeof surveys.$inferSelect;
const surveyOut = (s: SurveyRow) => ({
  id: s.id, projectId: s.projectId, satisfied: s.satisfied, basic: s.basic, unsatisfied: s.unsatisfied,
  households: s.households, method: s.method, date: s.date, createdAt: iso(s.createdAt),
});

/** GET /api/projects/:id/surveys: the staff's list of a project's surveys, the latest (the one counted) first. */
export async function listSurveys(ctx: AppContext, staff: StaffPrincipal, projectId: string) {
  const project = await findProject(ctx.db, projectId);
  await assertStaffOfBody(ctx.db, staff, project.bodyId);
  const rows = await ctx.db.select().from(surveys).where(eq(surveys.projectId, project.id)).orderBy(desc(surveys.date), desc(surveys.createdAt), desc(surveys.id));
  return rows.map(surveyOut);
}

/** recordSurvey: a selected project only (a survey asks residents about what was built). */
export const recordSurvey = command<{ projectId: string } & z.infer<typeof surveyInput>>()({
  action: 'project.surveyed', stage: 'evaluation', roles: ['admin'],
  scope: async (cx, input) => {
    const project = await findProject(cx.tx, input.projectId, true);
    if (project.status !== 'selected') throw conflict('project_not_selected', '只有已票决确定的项目才能入户调查 / only a selected project can be surveyed');
    return { bodyId: project.bodyId, project };
  },
  run: async (cx, input, { project }) => {
    const [s] = await cx.tx.insert(surveys).values({ ...input, id: newId(), projectId: project.id, bodyId: project.bodyId }).returning();
    return surveyOut(s);
  },
  audit: (s, _input, { project }) => ({
    subject: { kind: 'project', id: project.id, label: project.title },
    detail: { date: s.date, households: s.households, satisfied: s.satisfied, basic: s.basic, unsatisfied: s.unsatisfied },
  }),
  effects: [publicChange],
});
