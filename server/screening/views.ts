// How projects are shown: to staff (with assessment, checklist, suggestions) and to the public.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { assessments, projects, screeningChecks, suggestions, users } from '../db/schema.js';
import { forbidden, notFound } from '../core/errors.js';
import type { StaffPrincipal } from '../core/principal.js';

export type ProjectRow = typeof projects.$inferSelect;
type AssessmentRow = typeof assessments.$inferSelect;

/** Stages from which a project is fixed: the candidate list decided it (API.md 409 project_locked). */
export const lockedStatuses = ['candidate', 'selected', 'not_selected'];

export const describeProject = (p: ProjectRow) => ({
  id: p.id, bodyId: p.bodyId, year: p.year, title: p.title, description: p.description, category: p.category,
  department: p.department, investment: p.investment, status: p.status, targets: p.targets, createdAt: p.createdAt,
});

/** PostgreSQL's `2027-01-15 09:00:00.5+00` as ISO 8601 (`2027-01-15T09:00:00.500Z`), as API.md asks of instants. */
export const iso = (t: string) => new Date(t.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString();

export const describeAssessment = (a: AssessmentRow) => ({
  feasible: a.feasible, reason: a.reason, investment: a.investment, fundingSource: a.fundingSource,
  completionDate: a.completionDate, targets: a.targets, assessedAt: iso(a.assessedAt),
});

export async function findProject(db: DbOrTx, projectId: string, lock = false): Promise<ProjectRow> {
  const q = db.select().from(projects).where(eq(projects.id, projectId));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('项目');
  return row;
}

/** The department a department user works for (null for other staff). */
export async function departmentOf(db: DbOrTx, actor: StaffPrincipal): Promise<string | null> {
  if (actor.role !== 'department') return null;
  const [u] = await db.select({ department: users.department }).from(users).where(eq(users.id, actor.userId));
  return u?.department ?? null;
}

/** Supporters per project: the residents behind its adopted suggestions (each 1 + those merged into it). */
export async function supportersOf(db: DbOrTx, ids: string[]): Promise<Map<string, { supporters: number; suggestionIds: string[] }>> {
  const out = new Map(ids.map((id) => [id, { supporters: 0, suggestionIds: [] as string[] }]));
  if (!ids.length) return out;
  const rows = await db.select({ projectId: suggestions.projectId, id: suggestions.id, supporters: suggestions.supporters })
    .from(suggestions).where(and(inArray(suggestions.projectId, ids), eq(suggestions.status, 'adopted'))).orderBy(suggestions.id);
  for (const r of rows) {
    const e = out.get(r.projectId!)!;
    e.supporters += r.supporters;
    e.suggestionIds.push(r.id);
  }
  return out;
}

/** Projects as staff see them: supporters, suggestions, the department's assessment and the exclusion checklist. */
export async function staffViews(db: DbOrTx, rows: ProjectRow[]) {
  const ids = rows.map((p) => p.id);
  const support = await supportersOf(db, ids);
  const assessed = ids.length ? await db.select().from(assessments).where(inArray(assessments.projectId, ids)) : [];
  const checks = ids.length ? await db.select().from(screeningChecks).where(inArray(screeningChecks.projectId, ids)) : [];
  const aById = new Map(assessed.map((a) => [a.projectId, a]));
  const cById = new Map(checks.map((c) => [c.projectId, c]));
  return rows.map((p) => {
    const a = aById.get(p.id);
    const c = cById.get(p.id);
    return {
      ...describeProject(p), ...support.get(p.id)!,
      assessment: a ? describeAssessment(a) : null,
      screening: c ? { exclusions: c.exclusions, note: c.note, updatedAt: iso(c.updatedAt) } : null,
    };
  });
}

/** SQL: the project is public (its year's list approved: a candidate or later, or infeasible with a published reason). */
export const isPublicProject = sql`(${projects.status} in ('candidate', 'selected', 'not_selected')
  or (${projects.status} = 'infeasible' and exists (select 1 from ${assessments} where ${assessments.projectId} = ${projects.id} and ${assessments.publishedAt} is not null)))`;

/** A department user may act only on the projects its department carries (403 not_your_department). */
export async function assertCarryingDepartment(db: DbOrTx, actor: StaffPrincipal, p: { department: string }, message: string): Promise<void> {
  if (actor.role === 'department' && (await departmentOf(db, actor)) !== p.department) throw forbidden('not_your_department', message);
}
