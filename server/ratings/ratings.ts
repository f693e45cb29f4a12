// 群众评单: a resident rates a finished project (one rating per browser and project); staff approve or
// hide comments before the public sees them. No address, account or device key is stored.
import { createHash } from 'node:crypto';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { projects, publicRatings } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { StaffPrincipal } from '../core/principal.js';
import { command, publicChange, residentsChange, type CommandContext } from '../core/command.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { conflict, notFound } from '../core/errors.js';
import { actorName } from '../audit/log.js';
import { iso } from '../db/time.js';
import { findProject } from '../projects/find.js';
import { isProjectPublic } from '../projects/public.js';
import { executionOf } from '../projects/execution.js';
import type { moderationInput, ratingInput, ratingListQuery } from '../../shared/portal-schemas.js';

type RatingRow = typeof publicRatings.$inferSelect;

/** A one-way hash: enough to recognise the same browser again, useless to tell who it is. */
const keyHash = (deviceKey: string) => createHash('sha256').update(`minsheng-rating:${deviceKey}`).digest('base64url');

const describeRating = (r: RatingRow) => ({
  id: r.id, projectId: r.projectId, grade: r.grade, comment: r.comment, status: r.status, createdAt: iso(r.createdAt),
});

/** The scope of a rating: the project, which must be public (else 404 like an unknown one). */
async function ratedProject(cx: CommandContext<unknown>, input: { projectId: string }) {
  const project = await findProject(cx.tx, input.projectId);
  if (!(await isProjectPublic(cx.tx, project))) throw notFound('项目');
  return { bodyId: project.bodyId, project };
}

/**
 * rateProject: a resident rates a finished project, one rating per device key. The route passes no actor:
 * a rating is a resident's whoever holds a token, so the trail says `public`, and nothing of the device key.
 */
export const rateProject = command<{ projectId: string } & z.infer<typeof ratingInput>>()({
  action: 'rating.received', stage: 'evaluation', roles: ['public'],
  scope: ratedProject,
  run: async (cx, input, { project: p }) => {
    const done = p.status === 'selected' && (await executionOf(cx.tx, [p], cx.ctx.now())).get(p.id)!.execution === 'done';
    if (!done) throw conflict('project_not_finished', '项目尚未完成，暂不能评价 / the project is not finished yet');
    const comment = input.comment?.trim() || null;
    // The unique index (project, key hash) decides a race between two requests with the same key.
    const [row] = await cx.tx.insert(publicRatings).values({
      id: newId(), projectId: p.id, bodyId: p.bodyId, grade: input.grade, comment, status: comment ? 'pending' : null, keyHash: keyHash(input.deviceKey),
    }).onConflictDoNothing().returning();
    if (!row) throw conflict('already_rated', '这台设备已经评价过该项目 / this device has already rated the project');
    return describeRating(row);
  },
  audit: (r, _input, { project }) => ({
    subject: { kind: 'rating', id: r.id, label: project.title }, detail: { projectId: r.projectId, grade: r.grade, comment: r.comment !== null },
  }),
  effects: [residentsChange],
});

/** GET /api/bodies/:bodyId/ratings: comments of the body's projects in one moderation state, newest first, paged. */
export async function listRatings(ctx: AppContext, actor: StaffPrincipal, bodyId: string, q: z.infer<typeof ratingListQuery>) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const status = q.status ?? 'pending';
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 50;
  const where = and(eq(publicRatings.bodyId, bodyId), eq(publicRatings.status, status));
  const [{ n }] = await ctx.db.select({ n: count() }).from(publicRatings).where(where);
  const rows = await ctx.db.select({ r: publicRatings, title: projects.title }).from(publicRatings).innerJoin(projects, eq(projects.id, publicRatings.projectId))
    .where(where).orderBy(desc(publicRatings.createdAt), desc(publicRatings.id)).offset(offset).limit(limit);
  return {
    status, offset, limit, total: Number(n),
    items: rows.map(({ r, title }) => ({ ...describeRating(r), projectTitle: title, moderatedAt: r.moderatedAt ? iso(r.moderatedAt) : null })),
  };
}

/** The rating of `input.ratingId`, locked, with its project's title; staff must cover its body. */
async function lockedRating(cx: CommandContext<unknown>, input: { ratingId: string }) {
  const [found] = await cx.tx.select({ r: publicRatings, title: projects.title }).from(publicRatings).innerJoin(projects, eq(projects.id, publicRatings.projectId))
    .where(eq(publicRatings.id, input.ratingId)).for('update', { of: publicRatings });
  if (!found) throw notFound('评价');
  return { bodyId: found.r.bodyId, rating: found.r, title: found.title };
}

/** moderateRating (PUT /api/ratings/:id): an admin of the rating's body shows or hides its comment. */
export const moderateRating = command<{ ratingId: string } & z.infer<typeof moderationInput>>()({
  action: 'rating.moderated', stage: 'evaluation', roles: ['admin'],
  scope: lockedRating,
  run: async (cx, input, { rating: r }) => {
    if (r.comment === null) throw conflict('no_comment', '该评价没有留言 / the rating has no comment');
    const status = input.visible ? 'visible' : 'hidden';
    const [row] = await cx.tx.update(publicRatings).set({ status, moderatedBy: actorName(cx.actor), moderatedAt: sql`now()` }).where(eq(publicRatings.id, r.id)).returning();
    return { ...describeRating(row), moderatedAt: row.moderatedAt ? iso(row.moderatedAt) : null };
  },
  audit: (_out, input, { rating, title }) => ({ subject: { kind: 'rating', id: rating.id, label: title }, detail: { projectId: rating.projectId, visible: input.visible } }),
  effects: [publicChange],
});
