// A project's recorded grades (满意度测评), as every reader shows them.
import type { projectGrades } from '../db/schema.js';
import { iso } from '../db/time.js';

/** A recorded grade as every reader shows it (staff, members, the public page, the export). */
export const describeGrade = (g: typeof projectGrades.$inferSelect) => ({
  ballotId: g.ballotId, round: g.round, grade: g.grade, satisfied: g.satisfied, basic: g.basic, unsatisfied: g.unsatisfied, base: g.base, rate: g.rate, publishedAt: iso(g.publishedAt),
  // 子项 rated one by one (API.md `grades[].items`)
  ...(g.items ? { items: g.items } : {}),
});
