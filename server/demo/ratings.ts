// Demo 群众评单: residents' ratings of finished projects, a comment approved and shown on each project's page,
// and a few still waiting in the staff's moderation queue. Each comment is written for its own project (the
// caller pairs them: a street-light comment never lands on a school canteen) and dated in the project's year.
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import { publicRatings } from '../db/schema.js';
import { newId } from '../db/ids.js';

type Grade = 'satisfied' | 'basic' | 'unsatisfied';
export interface DemoRated {
  project: { id: string };
  /** the approved comment shown on the project's page */
  shown: readonly [Grade, string];
  /** comments still waiting for moderation */
  waiting?: readonly (readonly [Grade, string])[];
}

/** `year`: the projects' year; ratings come in its November, comments are moderated by its 30 November. */
export async function seedPublicRatings(ctx: AppContext, bodyId: string, rated: DemoRated[], year: number) {
  const rows: (typeof publicRatings.$inferInsert)[] = [];
  const key = () => createHash('sha256').update(randomBytes(24)).digest('hex');
  rated.forEach(({ project, shown, waiting = [] }, j) => {
    // 60–90 ratings a project, mostly satisfied: numbers a county might see.
    const n = 60 + j * 10;
    for (let i = 0; i < n; i++) {
      const grade = i % 10 < 7 ? 'satisfied' : i % 10 < 9 ? 'basic' : 'unsatisfied';
      rows.push({ id: newId(), projectId: project.id, bodyId, grade, comment: null, status: null, keyHash: key(), createdAt: `${year}-11-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00+08:00` });
    }
    rows.push({ id: newId(), projectId: project.id, bodyId, grade: shown[0], comment: shown[1], status: 'visible', keyHash: key(), moderatedBy: 'admin', moderatedAt: `${year}-11-30T10:00:00+08:00`, createdAt: `${year}-11-20T20:00:00+08:00` });
    waiting.forEach(([grade, comment], i) => {
      rows.push({ id: newId(), projectId: project.id, bodyId, grade, comment, status: 'pending', keyHash: key(), createdAt: `${year}-12-0${i + 1}T09:00:00+08:00` });
    });
  });
  await ctx.db.insert(publicRatings).values(rows);
}
