// 征集 Collection routes (API.md "Collection and screening"): windows, stations, suggestions, the inbox.
import {
  dutyInput, dutyQuery, inboxQuery, mergeInput, replyInput, mergeManyInput, referralAnswerInput, referralListQuery, referralVisitInput, similarTextQuery,
  stationInput, suggestionInput, suggestionStatusInput, suggestionStatusManyInput, windowInput, yearQuery,
} from '../../shared/collection-schemas.js';
import { clientAddress } from '../http/address.js';
import { route } from '../http/route.js';
import { createWindow, listWindows, publicCollection } from './windows.js';
import { createStation, listStations } from './stations.js';
import { mySuggestions, submitSuggestion, trackSuggestion } from './suggestions.js';
import { listInbox } from './inbox.js';
import { publicSimilar, similarSuggestions } from './similar.js';
import { mergeSuggestions, setSuggestionStatus } from './decisions.js';
import { listRepresentatives, representativeCard } from './representatives.js';
import { bodyDuty, setDuty } from './duty.js';
import { myInbox, replyToSuggestion } from './replies.js';
import { answerReferral, visitReferral } from './referrals.js';
import { bodyReferrals, myReferrals } from './referrals-read.js';

const signedIn = ['admin', 'presider', 'department', 'member', 'screen'] as const;

export const collectionRoutes = [
  route({
    method: 'POST', path: '/bodies/:bodyId/collection', summary: 'Open a collection window (征集期) of the body for a year', status: 201, body: windowInput,
    errors: ['window_overlaps'], command: createWindow, input: (r) => ({ bodyId: r.params.bodyId, ...r.body }),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/collection', summary: 'The body\'s collection windows, for staff', roles: ['admin', 'presider'], extension: true,
    handler: (ctx, r) => listWindows(ctx, r.actor, r.params.bodyId),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/collection', summary: 'The collection window residents see, with counts by category and channel (never a suggestion\'s text)',
    roles: ['public'], query: yearQuery, handler: (ctx, r) => publicCollection(ctx, r.params.bodyId, r.query.year),
  }),
  route({
    method: 'POST', path: '/bodies/:bodyId/stations', summary: 'Add a representative liaison station (代表联络站), whose QR poster opens the suggestion form', status: 201, body: stationInput,
    command: createStation, input: (r) => ({ bodyId: r.params.bodyId, ...r.body }),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/stations', summary: 'The body\'s liaison stations', roles: ['public'],
    handler: (ctx, r) => listStations(ctx, r.params.bodyId),
  }),
  route({
    method: 'PUT', path: '/stations/:id/duty', summary: 'Set who is on duty at a station on the days named (编组排班): each day named is replaced', body: dutyInput,
    command: setDuty, input: (r) => ({ stationId: r.params.id, ...r.body }),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/duty', summary: 'The duty rosters of the body\'s stations for some days (default: a fortnight from today)', roles: ['admin'], query: dutyQuery, extension: true,
    handler: (ctx, r) => bodyDuty(ctx, r.actor, r.params.bodyId, r.query),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/representatives', summary: 'The body\'s representatives (代表亮身份), each with the station of their next duty day', roles: ['public'],
    handler: (ctx, r) => listRepresentatives(ctx, r.params.bodyId),
  }),
  route({
    method: 'GET', path: '/public/members/:id', summary: 'A representative\'s public card: delegation, station, duty days, suggestions received and answered', roles: ['public'],
    handler: (ctx, r) => representativeCard(ctx, r.params.id),
  }),
  route({
    method: 'POST', path: '/bodies/:bodyId/suggestions', summary: 'Send a suggestion while the window is open (to a representative too, through their 代表码); answers its tracking code', status: 201, body: suggestionInput,
    errors: ['collection_closed', 'too_many_attempts'], command: submitSuggestion,
    // A resident without an account is limited per address, before anything is written; a signed-in clerk or
    // representative is not. (A big screen's token is refused by the guard: it reads its own session only.)
    input: async (r) => {
      if (!r.actor) await r.ctx.publicLimits.suggestion(clientAddress(r.c, r.ctx.trustedProxies));
      return { bodyId: r.params.bodyId, ...r.body };
    },
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/similar', summary: 'Public projects like a text, and how many suggestions of the open window are like it (a count)',
    roles: ['public'], query: similarTextQuery, errors: ['too_many_attempts'],
    handler: async (ctx, r) => {
      await ctx.publicLimits.lookup(clientAddress(r.c, ctx.trustedProxies));
      return publicSimilar(ctx, r.params.bodyId, r.query.text);
    },
  }),
  route({
    method: 'GET', path: '/me/suggestions', summary: 'What the caller (a representative or department user) has sent, with tracking codes', roles: signedIn, extension: true,
    handler: (ctx, r) => mySuggestions(ctx, r.actor),
  }),
  route({
    method: 'GET', path: '/me/inbox', summary: 'What residents sent the member through their 代表码 (群众找我), newest first, with the replies', roles: ['member'],
    handler: (ctx, r) => myInbox(ctx, r.actor),
  }),
  route({
    method: 'POST', path: '/suggestions/:id/reply', summary: 'The representative a suggestion was sent to answers it (代表回复, shown on its tracking page)', status: 201, body: replyInput,
    errors: ['not_your_suggestion'], command: replyToSuggestion, input: (r) => ({ suggestionId: r.params.id, ...r.body }),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/suggestions', summary: 'The inbox: the body\'s suggestions of a year, searched, filtered, counted and paged', roles: ['admin'], query: inboxQuery,
    handler: (ctx, r) => listInbox(ctx, r.actor, r.params.bodyId, r.query),
  }),
  route({
    method: 'POST', path: '/bodies/:bodyId/suggestions/merge', summary: 'Merge several suggestions of the body into one at once', body: mergeManyInput,
    errors: ['already_merged', 'suggestion_adopted'], extension: true,
    command: mergeSuggestions, input: (r) => ({ ids: r.body.ids, into: r.body.into, bodyId: r.params.bodyId }),
  }),
  route({
    method: 'POST', path: '/bodies/:bodyId/suggestions/status', summary: 'Close several suggestions of the body at once as not adopted or referred (to a department: each opens a referral), with a reason', body: suggestionStatusManyInput,
    errors: ['already_merged', 'suggestion_adopted', 'already_referred'], extension: true,
    command: setSuggestionStatus, input: (r) => ({ ids: r.body.ids, status: r.body.status, reason: r.body.reason, department: r.body.department, due: r.body.due, bodyId: r.params.bodyId }),
  }),
  route({
    method: 'GET', path: '/suggestions/:code', summary: 'A suggestion followed by its tracking code: status, history, the project it became, the representative\'s replies', roles: ['public'], rawParams: ['code'],
    errors: ['too_many_attempts'],
    handler: async (ctx, r) => {
      await ctx.publicLimits.lookup(clientAddress(r.c, ctx.trustedProxies));
      return trackSuggestion(ctx, r.params.code);
    },
  }),
  route({
    method: 'GET', path: '/suggestions/:id/similar', summary: 'Likely duplicates of a suggestion in its body and year, best first', roles: ['admin'],
    handler: (ctx, r) => similarSuggestions(ctx, r.actor, r.params.id),
  }),
  route({
    method: 'POST', path: '/suggestions/:id/merge', summary: 'Merge a suggestion into another: the target gains its supporters', body: mergeInput,
    errors: ['already_merged', 'suggestion_adopted'], command: mergeSuggestions, input: (r) => ({ ids: [r.params.id], into: r.body.into }),
  }),
  route({
    method: 'PUT', path: '/suggestions/:id/status', summary: 'Close a suggestion as not adopted or referred, with the reason shown on its page; referred to a department, it opens a referral (交办单) due in 30 days', body: suggestionStatusInput,
    errors: ['already_merged', 'suggestion_adopted', 'already_referred'], command: setSuggestionStatus,
    input: (r) => ({ ids: [r.params.id], status: r.body.status, reason: r.body.reason, department: r.body.department, due: r.body.due }),
    answer: ([one]) => one,
  }),
  // 交办—反馈—回访 (referrals.ts)
  route({
    method: 'GET', path: '/me/referrals', summary: 'The department user\'s referrals (交办件), open first: the suggestion (never its contact), due, state, round, answer, visits', roles: ['department'],
    handler: (ctx, r) => myReferrals(ctx, r.actor),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/referrals', summary: 'An extension: the body\'s referrals for the staff\'s 交办 list, by state (open, answered, closed, or overdue), with the contact to call back and the body\'s departments to refer to', roles: ['admin'], query: referralListQuery, extension: true,
    handler: (ctx, r) => bodyReferrals(ctx, r.actor, r.params.bodyId, r.query),
  }),
  route({
    method: 'POST', path: '/referrals/:id/answer', summary: 'The department answers a referral (反馈单): it becomes answered, and the answer shows on the tracking page', body: referralAnswerInput,
    errors: ['not_your_department', 'referral_closed'], command: answerReferral, input: (r) => ({ referralId: r.params.id, ...r.body }),
  }),
  route({
    method: 'POST', path: '/referrals/:id/visit', summary: 'Staff record the return call (回访单): satisfied closes the referral, not satisfied refers it again (二次交办) due 30 days after the call', body: referralVisitInput,
    errors: ['referral_not_answered'], command: visitReferral, input: (r) => ({ referralId: r.params.id, ...r.body }),
  }),
];
