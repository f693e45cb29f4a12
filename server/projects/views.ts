// How projects are shown to staff: with supporters, suggestions, the department's assessment and the
// exclusion checklist.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { assessments, projects, screeningChecks, suggestions } from '../db/schema.js';
import { iso } from '../db/time.js';
import { describeProject, type ProjectRow } from './find.js';
import { anyOf } from '../db/any.js';

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
    .from(suggestions).where(and(anyOf(suggestions.projectId, ids), eq(suggestions.status, 'adopted'))).orderBy(suggestions.id);
  for (const r of rows) {
    const e = out.get(r.projectId!)!;
    e.supporters += r.supporters;
    e.suggestionIds.push(r.id);
  }
  // A project taken from the reserve (储备库) counts the supporters of the one it came from, back along the
  // chain (each link an earlier year, so the chain ends); its own suggestions stay its own.
  const carried = await db.select({ id: projects.id, from: projects.reservedFrom }).from(projects).where(and(inArray(projects.id, ids), isNotNull(projects.reservedFrom)));
  if (carried.length) {
    const earlier = await supportersOf(db, [...new Set(carried.map((c) => c.from!))]);
    for (const c of carried) out.get(c.id)!.supporters += earlier.get(c.from!)?.supporters ?? 0;
  }
  return out;
}

/** Where each project taken from the reserve came from: `{id, year}` of the earlier project. */
export async function reservedFromOf(db: DbOrTx, rows: ProjectRow[]): Promise<Map<string, { id: string; year: number }>> {
  const from = [...new Set(rows.map((p) => p.reservedFrom).filter((x): x is string => x !== null))];
  if (!from.length) return new Map();
  const earlier = await db.select({ id: projects.id, year: projects.year }).from(projects).where(inArray(projects.id, from));
  const byId = new Map(earlier.map((e) => [e.id, e]));
  return new Map(rows.filter((p) => p.reservedFrom && byId.has(p.reservedFrom)).map((p) => [p.id, byId.get(p.reservedFrom!)!]));
}

/** Projects as staff see them: supporters, suggestions, the department's assessment and the exclusion checklist. */
export async function staffViews(db: DbOrTx, rows: ProjectRow[]) {
  const ids = rows.map((p) => p.id);
  const support = await supportersOf(db, ids);
  const assessed = ids.length ? await db.select().from(assessments).where(inArray(assessments.projectId, ids)) : [];
  const checks = ids.length ? await db.select().from(screeningChecks).where(inArray(screeningChecks.projectId, ids)) : [];
  const aById = new Map(assessed.map((a) => [a.projectId, a]));
  const cById = new Map(checks.map((c) => [c.projectId, c]));
  const origins = await reservedFromOf(db, rows);
  return rows.map((p) => {
    const a = aById.get(p.id);
    const c = cById.get(p.id);
    return {
      ...describeProject(p), ...support.get(p.id)!,
      assessment: a ? describeAssessment(a) : null,
      screening: c ? { exclusions: c.exclusions, note: c.note, updatedAt: iso(c.updatedAt) } : null,
      // a department's return (退回) waiting for the staff to reassign it; the reserve (储备库) and where it came from
      returned: p.returnedAt ? { reason: p.returnedReason ?? '', at: iso(p.returnedAt) } : null,
      reserve: p.reserve ? { note: p.reserveNote } : null,
      reservedFrom: origins.get(p.id) ?? null,
    };
  });
}
