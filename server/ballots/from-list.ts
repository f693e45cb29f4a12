// The selection ballot made from an approved candidate list (the console's one step): exactly the list's
// projects for its seats, in a session of the same body; one ballot per list unless it was cancelled (a tie
// goes to a runoff instead: `runoffOf`).
import { and, eq, ne } from 'drizzle-orm';
import { ballots, candidateLists, sessions } from '../db/schema.js';
import { command, live } from '../core/command.js';
import { conflict, fieldError, notFound } from '../core/errors.js';
import type { listBallotInput } from '../../shared/screening-schemas.js';
import type { z } from 'zod';
import { ballotCreatedDetail, ballotSubject, insertBallot, prepareBallot } from './create.js';

export const createBallotFromList = command<{ listId: string } & z.infer<typeof listBallotInput>>()({
  action: 'ballot.created', stage: 'vote', roles: ['admin', 'presider'],
  scope: async (cx, input) => {
    // The list row is locked: two clicks at once make one ballot.
    const [list] = await cx.tx.select().from(candidateLists).where(eq(candidateLists.id, input.listId)).for('update');
    if (!list) throw notFound('候选项目名单');
    return { bodyId: list.bodyId, list };
  },
  run: async (cx, input, { list }) => {
    if (list.state !== 'approved') throw conflict('list_not_approved', '候选项目名单尚未批准 / the candidate list is not approved');
    const [session] = await cx.tx.select().from(sessions).where(eq(sessions.id, input.sessionId));
    if (!session) throw fieldError('sessionId', '会议不存在 / no such session');
    if (session.bodyId !== list.bodyId) throw fieldError('sessionId', '会议不属于该人大 / a session of another body');
    const [voted] = await cx.tx.select({ id: ballots.id }).from(ballots).where(and(eq(ballots.fromList, list.id), ne(ballots.state, 'cancelled')));
    if (voted) throw conflict('list_already_voted', '该候选名单已经创建过票决；并列的项目请用“再次投票” / the list already has a ballot (a tie goes to a runoff)');
    const { input: checked, options } = await prepareBallot(cx.tx, session, {
      kind: 'selection', title: input.title ?? `${list.year} 年度民生实事项目票决`, projectIds: list.projectIds, seats: list.seats, form: input.form ?? 'per_candidate',
    });
    const ballot = await insertBallot(cx.tx, session.id, checked, options);
    const [linked] = await cx.tx.update(ballots).set({ fromList: list.id }).where(eq(ballots.id, ballot.id)).returning();
    return linked;
  },
  audit: (b) => ({ sessionId: b.sessionId, subject: ballotSubject(b), detail: { ...ballotCreatedDetail(b), fromList: b.fromList } }),
  effects: (b) => [live(b.sessionId)],
});
