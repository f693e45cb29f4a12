// Sessions and check-in (API.md "Sessions and check-in").
import { attendanceInput, sessionInput } from '../../shared/schemas.js';
import { route } from '../http/route.js';
import {
  checkIn, createSession, endSession, getAudit, getRoster, getSession, issueScreenToken, listSessions, setAttendance,
} from './service.js';
import { getDossier, sendDossier } from './dossier.js';
import { hearingInput } from '../../shared/hearing-schemas.js';
import { addHearing, removeHearing, updateHearing } from './hearings.js';
import { listHearings } from './hearings-read.js';

export const sessionRoutes = [
  route({
    method: 'POST', path: '/bodies/:bodyId/sessions', summary: 'Create a session (大会 or 常委会会议) with its roster and quorum', status: 201, body: sessionInput,
    command: createSession, input: (r) => ({ bodyId: r.params.bodyId, ...r.body }),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/sessions', summary: 'The body\'s sessions, with roster size and attendance', roles: ['admin', 'presider'], extension: true,
    handler: (ctx, r) => listSessions(ctx, r.actor, r.params.bodyId),
  }),
  route({
    method: 'GET', path: '/sessions/:id', summary: 'A session: attendance, quorum, its ballots', roles: ['admin', 'presider', 'department', 'member', 'screen'],
    handler: (ctx, r) => getSession(ctx, r.actor, r.params.id),
  }),
  route({
    method: 'POST', path: '/sessions/:id/checkin', summary: 'A member on the roster checks in (签到); idempotent', errors: ['not_on_roster', 'session_ended'],
    command: checkIn, input: (r) => ({ sessionId: r.params.id }), answer: () => ({ present: true as const }),
  }),
  route({
    method: 'PUT', path: '/sessions/:id/attendance/:memberId', summary: 'Mark a member present or absent (请假)', body: attendanceInput, errors: ['session_ended'],
    command: setAttendance, input: (r) => ({ sessionId: r.params.id, memberId: r.params.memberId, ...r.body }),
    answer: ({ memberId, present, note }) => ({ memberId, present, note }),
  }),
  route({
    method: 'POST', path: '/sessions/:id/end', summary: 'End the session: no more check-in or ballots', errors: ['session_ended'], extension: true,
    command: endSession, input: (r) => ({ sessionId: r.params.id }), answer: (_s, ctx, r) => getSession(ctx, r.actor, r.params.id),
  }),
  route({
    method: 'GET', path: '/sessions/:id/roster', summary: 'The session\'s roster with attendance', roles: ['admin', 'presider'], extension: true,
    handler: (ctx, r) => getRoster(ctx, r.actor, r.params.id),
  }),
  route({
    method: 'GET', path: '/sessions/:id/audit', summary: 'Every procedural action of the session and its ballots, oldest first (never a member\'s vote)', roles: ['admin', 'presider'],
    handler: (ctx, r) => getAudit(ctx, r.actor, r.params.id),
  }),
  route({
    method: 'POST', path: '/sessions/:id/screen-token', summary: 'A token for the session\'s big screen, which may watch this session only', extension: true,
    command: issueScreenToken, input: (r) => ({ sessionId: r.params.id }),
  }),
  // 材料提前送达: the candidates' material and 民意指数, sent once before the vote
  route({
    method: 'POST', path: '/sessions/:id/dossier', summary: 'Send the members the material of the session\'s draft and open selection ballots (材料提前送达); again → 200 with the first sentAt', status: 201,
    command: sendDossier, input: (r) => ({ sessionId: r.params.id }),
    answer: (out, _ctx, r) => r.c.json({ sentAt: out.sentAt, projects: out.projects }, out.created ? 201 : 200),
  }),
  route({
    method: 'GET', path: '/sessions/:id/dossier', summary: 'The dossier: each candidate\'s assessment and 民意指数 (members on the roster once sent; admin and presider also before)', roles: ['admin', 'presider', 'member'], errors: ['dossier_not_sent', 'not_on_roster'],
    handler: (ctx, r) => getDossier(ctx, r.actor, r.params.id),
  }),
  // 听取报告: the 专项报告 and 述职 heard before an evaluation ballot (an extension of API.md "Evaluation")
  route({
    method: 'GET', path: '/sessions/:id/hearings', summary: 'The session\'s hearings (专项报告, 述职) in agenda order, each with its reporter, document and the evaluation ballot it comes before', roles: ['admin', 'presider', 'member', 'screen'], extension: true,
    handler: (ctx, r) => listHearings(ctx, r.actor, r.params.id),
  }),
  route({
    method: 'POST', path: '/sessions/:id/hearings', summary: 'Add a hearing to the session\'s agenda: {kind, title, reporter, fileId?, ballotId?, position?}', status: 201, body: hearingInput, extension: true,
    errors: ['not_evaluation_ballot', 'reporter_not_member', 'unknown_document', 'hearing_locked', 'session_ended'],
    command: addHearing, input: (r) => ({ sessionId: r.params.id, ...r.body }),
  }),
  route({
    method: 'PUT', path: '/hearings/:id', summary: 'Replace a hearing (same body as adding); refused once its evaluation ballot is closed', body: hearingInput, extension: true,
    errors: ['not_evaluation_ballot', 'reporter_not_member', 'unknown_document', 'hearing_locked', 'session_ended'],
    command: updateHearing, input: (r) => ({ hearingId: r.params.id, ...r.body }),
  }),
  route({
    method: 'POST', path: '/hearings/:id/remove', summary: 'Remove a hearing from the agenda (the others close ranks); refused once its evaluation ballot is closed', extension: true,
    errors: ['hearing_locked', 'session_ended'],
    command: removeHearing, input: (r) => ({ hearingId: r.params.id }),
  }),
];
