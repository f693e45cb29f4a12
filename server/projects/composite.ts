// The combined satisfaction of a project (API.md "Evaluation"): the members' latest published grade, the
// residents' ratings and the latest household survey, each a 满意率, weighed by the rule of the project's own
// body. Read by the public project page, the stats and the open data; the rule itself is written by evaluation.
// "Latest" is the same everywhere (and in the verifier, which reads the export's lists oldest first and takes
// the last): grades by (publishedAt, ballotId), surveys by (date, createdAt, id).
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { iso } from '../db/time.js';
import { projectGrades, satisfactionRules, surveys } from '../db/schema.js';
import { compositeSatisfaction, type Composite, type CompositeWeights, type SatisfactionCounts } from '../../shared/counting/index.js';
import { ratingSummaries } from './ratings.js';

const weightsOf = (r: typeof satisfactionRules.$inferSelect): CompositeWeights => ({ members: r.members, public: r.public, survey: r.survey });

export async function ruleOf(db: DbOrTx, bodyId: string): Promise<CompositeWeights | null> {
  const [r] = await db.select().from(satisfactionRules).where(eq(satisfactionRules.bodyId, bodyId));
  return r ? weightsOf(r) : null;
}

/** The published rules of these bodies (the open data lists them so the verifier can weigh the parts itself). */
export async function rulesOf(db: DbOrTx, bodyIds: string[]) {
  if (!bodyIds.length) return [];
  const rows = await db.select().from(satisfactionRules).where(inArray(satisfactionRules.bodyId, bodyIds)).orderBy(asc(satisfactionRules.bodyId));
  return rows.map((r) => ({ bodyId: r.bodyId, weights: weightsOf(r), updatedAt: iso(r.updatedAt) }));
}

export async function latestSurvey(db: DbOrTx, projectId: string) {
  const [s] = await db.select().from(surveys).where(eq(surveys.projectId, projectId)).orderBy(desc(surveys.date), desc(surveys.createdAt), desc(surveys.id)).limit(1);
  return s ?? null;
}

/** Every survey of these projects, oldest first (the last of a project is its latest), as the open data gives them. */
export async function surveysOf(db: DbOrTx, projectIds: string[]) {
  const out = new Map<string, { id: string; date: string; satisfied: number; basic: number; unsatisfied: number; households: number; method: string }[]>();
  for (const id of projectIds) out.set(id, []);
  if (!projectIds.length) return out;
  const rows = await db.select().from(surveys).where(inArray(surveys.projectId, projectIds)).orderBy(asc(surveys.date), asc(surveys.createdAt), asc(surveys.id));
  for (const s of rows) out.get(s.projectId)!.push({ id: s.id, date: s.date, satisfied: s.satisfied, basic: s.basic, unsatisfied: s.unsatisfied, households: s.households, method: s.method });
  return out;
}

export async function compositeOf(db: DbOrTx, project: { id: string; bodyId: string }): Promise<Composite | null> {
  const weights = await ruleOf(db, project.bodyId);
  if (!weights) return null;
  const [[grade], ratings, survey] = await Promise.all([
    db.select().from(projectGrades).where(eq(projectGrades.projectId, project.id)).orderBy(desc(projectGrades.publishedAt), desc(projectGrades.ballotId)).limit(1),
    ratingSummaries(db, [project.id]),
    latestSurvey(db, project.id),
  ]);
  return compositeSatisfaction({ members: grade ?? null, public: ratings.get(project.id) ?? null, survey }, weights);
}

export type PartCounts = { members: SatisfactionCounts | null; public: SatisfactionCounts | null; survey: SatisfactionCounts | null };

/** The three parts' counts of many projects at once (the stats add them up under the body's rule). */
export async function partCountsOf(db: DbOrTx, projectIds: string[]): Promise<Map<string, PartCounts>> {
  const out = new Map<string, PartCounts>();
  if (!projectIds.length) return out;
  const [grades, ratings, surveyLists] = await Promise.all([
    db.select().from(projectGrades).where(inArray(projectGrades.projectId, projectIds)).orderBy(asc(projectGrades.publishedAt), asc(projectGrades.ballotId)),
    ratingSummaries(db, projectIds),
    surveysOf(db, projectIds),
  ]);
  const latestGrade = new Map(grades.map((g) => [g.projectId, g])); // ascending: the last written wins
  for (const id of projectIds) {
    const g = latestGrade.get(id);
    out.set(id, { members: g ?? null, public: ratings.get(id) ?? null, survey: surveyLists.get(id)!.at(-1) ?? null });
  }
  return out;
}
