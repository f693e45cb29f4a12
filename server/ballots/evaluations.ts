// GET /api/public/bodies/:bodyId/evaluations: the body's published evaluations (评议, 述职评议, 无记名打分) of a
// year — departments' grades and ranks, representatives' 述职 grades — read from the signed results themselves.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { ballots, notices, sessions } from '../db/schema.js';
import { iso } from '../db/time.js';
import { findBody } from '../bodies/tree.js';
import { shanghaiDate } from '../../shared/execution.js';
import type { EvaluationResult, EvaluationSpec } from '../../shared/types.js';

export async function publicEvaluations(ctx: AppContext, bodyId: string, year?: number) {
  await findBody(ctx.db, bodyId);
  const sessionIds = (await ctx.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.bodyId, bodyId))).map((s) => s.id);
  if (!sessionIds.length) return [];
  const rows = await ctx.db.select().from(ballots)
    .where(and(inArray(ballots.sessionId, sessionIds), eq(ballots.kind, 'evaluation'), eq(ballots.state, 'published'), isNotNull(ballots.publishedAt)))
    .orderBy(asc(ballots.publishedAt), asc(ballots.id));
  const shown = year === undefined ? rows : rows.filter((b) => shanghaiDate(new Date(b.publishedAt!)).startsWith(`${year}-`));
  // the presidium's notice (公告) of each, once issued: the public page links to it beside the signed result
  const issued = shown.length ? await ctx.db.select({ id: notices.id, ballotId: notices.ballotId }).from(notices).where(inArray(notices.ballotId, shown.map((b) => b.id))) : [];
  const noticeOf = new Map(issued.map((n) => [n.ballotId, n.id]));
  return shown.map((b) => {
    const result = b.result as EvaluationResult;
    const spec = b.evaluation as EvaluationSpec;
    const subjectOf = new Map((b.options ?? []).map((o) => [o.id, o.subject]));
    return {
      ballotId: b.id, title: b.title, form: result.form, publishedAt: iso(b.publishedAt!), noticeId: noticeOf.get(b.id) ?? null,
      ...(spec.scale ? { scale: spec.scale } : {}),
      subjects: result.options.map((o) => {
        const subject = subjectOf.get(o.id);
        const head = { kind: subject?.kind ?? 'department', name: o.title };
        return 'mean' in o
          ? { ...head, mean: o.mean, rank: o.rank, ...(o.flag ? { flag: o.flag } : {}) }
          : { ...head, grade: o.grade, rate: o.rate, satisfied: o.satisfied, basic: o.basic, unsatisfied: o.unsatisfied };
      }),
    };
  });
}
