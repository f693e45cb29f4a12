// The answers of the HTTP API the tablet, console and public result pages read, named: each is the server's
// own answer type (server/api-types.ts, from the route definitions), never a shape written here.
import type { z } from 'zod';
import type { ballotInput } from '../../../shared/schemas';
import type { Answer } from '../../../server/api-types';

export type Me = Answer<'GET /api/me'>;
export type StaffUser = Answer<'POST /api/auth/login'>['user'];
export type MemberInfo = Answer<'POST /api/auth/member-login'>['member'];
export type MemberSessionSummary = Extract<Me, { kind: 'member' }>['sessions'][number];

export type Body = Answer<'GET /api/bodies'>[number];
export type StaffSessionSummary = Answer<'GET /api/bodies/:bodyId/sessions'>[number];
export type SessionDetail = Answer<'GET /api/sessions/:id'>;
export type BallotSummary = SessionDetail['ballots'][number];
export type RosterEntry = Answer<'GET /api/sessions/:id/roster'>[number];
/** One entry of a session's log (oldest first), with the trail's words beside it. */
export type AuditEntry = Answer<'GET /api/sessions/:id/audit'>[number];
export type Project = Answer<'GET /api/bodies/:bodyId/projects'>[number];
/** A ballot as GET /api/ballots/:id answers it: a tally, result and `voted` where the caller may see them. */
export type BallotDetail = Answer<'GET /api/ballots/:id'>;
export type PublicResultSummary = Answer<'GET /api/public/bodies/:bodyId/results'>[number];

export type CreateBallotInput = z.input<typeof ballotInput>;
