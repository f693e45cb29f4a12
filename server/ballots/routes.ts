// Ballots (API.md "Ballots"), the selection ballot from an approved list, and the presidium's notices (公告).
import { ballotInput, cancelInput, voteInput } from '../../shared/schemas.js';
import { listBallotInput, noticeInput } from '../../shared/screening-schemas.js';
import { DomainError, forbidden, notFound } from '../core/errors.js';
import { publishedCacheControl, servePage } from '../core/page-cache.js';
import { signNotice, signResult } from '../core/signing.js';
import { idPattern } from '../db/ids.js';
import { route } from '../http/route.js';
import { publicEvaluations } from './evaluations.js';
import { yearQuery } from '../../shared/collection-schemas.js';
import { createBallot } from './create.js';
import { createBallotFromList } from './from-list.js';
import { cancelBallot, closeBallot, openBallot, publishBallot } from './lifecycle.js';
import { castBallot } from './cast.js';
import { getBallot, getBox, getResult } from './view.js';
import { countedResult, findBallot } from './queries.js';
import { describeBallot } from './describe.js';
import { publishedBox, publishedResult } from './published.js';
import { findNotice, publicNotices, publishNotice } from './notices.js';

const withResult = (b: Parameters<typeof describeBallot>[0]) => ({ ...describeBallot(b), result: countedResult(b) });

export const ballotRoutes = [
  route({
    method: 'POST', path: '/sessions/:id/ballots', summary: 'Create a draft ballot: a selection, a satisfaction assessment or a motion (or a runoff of a tie)', status: 201, body: ballotInput,
    errors: ['session_ended', 'not_tied'], command: createBallot, input: (r) => ({ sessionId: r.params.id, ...r.body }), answer: (b) => describeBallot(b),
  }),
  route({
    method: 'POST', path: '/candidate-lists/:id/ballots', summary: 'Create the selection ballot over an approved candidate list, for its seats', status: 201, body: listBallotInput,
    errors: ['list_not_approved', 'list_already_voted', 'session_ended'], command: createBallotFromList, input: (r) => ({ listId: r.params.id, ...r.body }), answer: (b) => describeBallot(b),
  }),
  route({
    method: 'POST', path: '/ballots/:id/open', summary: 'Open a draft ballot for voting (the quorum must be met)', errors: ['quorum_not_met', 'another_ballot_open', 'ballot_not_draft', 'session_ended'],
    command: openBallot, input: (r) => ({ ballotId: r.params.id }), answer: ({ row }) => describeBallot(row, { cast: 0 }),
  }),
  route({
    method: 'POST', path: '/ballots/:id/close', summary: 'Close an open ballot: count it and keep the result for the presider', errors: ['ballot_not_open'],
    command: closeBallot, input: (r) => ({ ballotId: r.params.id }), answer: withResult,
  }),
  route({
    method: 'POST', path: '/ballots/:id/publish', summary: 'Publish a closed ballot\'s result (final; selected projects become selected, grades are recorded)', errors: ['ballot_not_closed'],
    command: publishBallot, input: (r) => ({ ballotId: r.params.id }), answer: withResult,
  }),
  route({
    method: 'POST', path: '/ballots/:id/cancel', summary: 'Cancel a draft or open ballot, with a reason; ballots cast on it are discarded', body: cancelInput, errors: ['ballot_not_cancellable'],
    command: cancelBallot, input: (r) => ({ ballotId: r.params.id, reason: r.body.reason }), answer: ({ row }) => describeBallot(row),
  }),
  route({
    method: 'GET', path: '/ballots/:id', summary: 'A ballot; the live tally for presider and admin while open; the result once closed (to those who may see it)',
    roles: ['admin', 'presider', 'department', 'member', 'screen'], handler: (ctx, r) => getBallot(ctx, r.actor, r.params.id),
  }),
  route({
    // The vote itself is the one change that writes no trail entry: the trail must not undo the box's secrecy.
    method: 'POST', path: '/ballots/:id/votes', summary: 'Cast a ballot (final); a retry with the same submission key answers the same receipt', roles: ['member'], body: voteInput,
    status: 201, errors: ['not_on_roster', 'already_voted', 'ballot_not_open', 'not_checked_in', 'submission_key_reused', 'busy'], memberTokenCheckedByStatement: true,
    handler: async (ctx, r) => {
      const outcome = await castBallot(ctx, r.actor, r.params.id, r.body);
      return r.c.json({ receipt: outcome.receipt }, outcome.created ? 201 : 200);
    },
  }),
  route({
    // Published: public and final, served from memory with an ETag (core/page-cache.ts).
    method: 'GET', path: '/ballots/:id/result', summary: 'The result: public once published; after close, to presider, admin, the roster and the session\'s big screen',
    roles: ['public', 'screen'], errors: ['not_published'],
    handler: async (ctx, r) => {
      // The big screen reads the results of its own session only.
      if (r.actor?.kind === 'screen' && (await findBallot(ctx.db, r.params.id)).sessionId !== r.actor.sessionId) throw forbidden();
      const page = await publishedResult(ctx, r.params.id);
      return page ? servePage(r.c, page, publishedCacheControl) : getResult(ctx, r.actor, r.params.id);
    },
  }),
  route({
    method: 'GET', path: '/ballots/:id/box', summary: 'The ballot box: receipts and choices sorted by receipt, with its digest', roles: ['public'], errors: ['ballot_not_closed', 'not_published'],
    handler: async (ctx, r) => {
      const page = await publishedBox(ctx, r.params.id);
      return page ? servePage(r.c, page, publishedCacheControl) : getBox(ctx, r.actor, r.params.id);
    },
  }),
  route({
    method: 'GET', path: '/ballots/:id/result.jws', summary: 'The published result signed (compact JWS, EdDSA; key at /api/public/keys)', roles: ['public'], errors: ['not_published'],
    handler: async (ctx, r) => {
      const b = await findBallot(ctx.db, r.params.id);
      if (b.state !== 'published') throw new DomainError(403, 'not_published', '结果尚未公布 / not published yet');
      r.c.header('Content-Type', 'application/jose; charset=utf-8');
      return r.c.body(await signResult(ctx.secrets, b.id, b.result));
    },
  }),
  route({
    method: 'POST', path: '/sessions/:id/notices', summary: 'Issue the presidium\'s numbered notice (公告) of a published ballot; again answers the same notice (200)', status: 201, body: noticeInput,
    errors: ['ballot_not_published'], command: publishNotice, input: (r) => ({ sessionId: r.params.id, ballotId: r.body.ballotId }),
    answer: ({ notice, created }, _ctx, r) => r.c.json(notice, created ? 201 : 200),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/evaluations', summary: 'The body\'s published evaluations of a year (评议 of departments, 述职评议 of representatives): grades, or mean scores with ranks and flags', roles: ['public'], query: yearQuery,
    handler: (ctx, r) => publicEvaluations(ctx, r.params.bodyId, r.query.year),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/notices', summary: 'Notices of the body and every body below it, newest first', roles: ['public'],
    handler: (ctx, r) => publicNotices(ctx, r.params.bodyId),
  }),
  route({
    // `/public/notices/<id>` and `/public/notices/<id>.jws` (the compact JWS, signed like results).
    method: 'GET', path: '/public/notices/:id', summary: 'One notice, all of it; `<id>.jws` gives it signed', roles: ['public'], rawParams: ['id'],
    handler: async (ctx, r) => {
      const raw = r.params.id;
      const signed = raw.endsWith('.jws');
      const id = signed ? raw.slice(0, -4) : raw;
      if (!idPattern.test(id)) throw notFound();
      const notice = await findNotice(ctx, id);
      if (!signed) return notice;
      r.c.header('Content-Type', 'application/jose; charset=utf-8');
      // the signed copy is a download (a link), not JSON: the route's answer type is the notice
      const jws: Response = r.c.body(await signNotice(ctx.secrets, notice));
      return jws;
    },
  }),
];
