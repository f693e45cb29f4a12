// The combined satisfaction of a project (API.md "Evaluation"): the members' latest published grade, the
// residents' ratings and the latest household survey, each a 满意率, weighed by the rule of the project's own
// body. Read by the public project page and the open data; the rule itself is written by evaluation.
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { projectGrades, satisfactionRules, surveys } from '../db/schema.js';
import { compositeSatisfaction, type Composite, type CompositeWeights } from '../../shared/counting/index.js';
import { ratingSummaries } from './ratings.js';

export async function ruleOf(db: DbOrTx, bodyId: string): Promise<CompositeWeights | null> {
  const [r] = await db.select().from(satisfactionRules).where(eq(satisfactionRules.bodyId, bodyId));
  return r ? { members: r.members, public: r.public, survey: r.survey } : null;
}

export async function latestSurvey(db: DbOrTx, projectId: string) {
  const [s] = await db.select().from(surveys).where(eq(surveys.projectId, projectId)).orderBy(desc(surveys.date), desc(surveys.createdAt)).limit(1);
  return s ?? null;
}

export async function compositeOf(db: DbOrTx, project: { id: string; bodyId: string }): Promise<Composite | null> {
  const weights = await ruleOf(db, project.bodyId);
  if (!weights) return null;
  const [[grade], ratings, survey] = await Promise.all([
    db.select().from(projectGrades).where(eq(projectGrades.projectId, project.id)).orderBy(desc(projectGrades.publishedAt)).limit(1),
    ratingSummaries(db, [project.id]),
    latestSurvey(db, project.id),
  ]);
  return compositeSatisfaction({ members: grade ?? null, public: ratings.get(project.id) ?? null, survey }, weights);
}
