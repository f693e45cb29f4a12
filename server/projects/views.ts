// How projects are shown to staff: with supporters, suggestions, the department's assessment and the
// exclusion checklist.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { assessments, screeningChecks, suggestions } from '../db/schema.js';
import { iso } from '../db/time.js';
import { describeProject, type ProjectRow } from './find.js';

type AssessmentRow = typeof assessments.$inferSelect;

export const describeAssessment = (a: AssessmentRow) => ({
  feasible: a.feasible, reason: a.reason, investment: a.investment, fundingSource: a.fundingSource,
  completionDate: a.completionDate, targets: a.targets, assessedAt: iso(a.assessedAt),
});

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
