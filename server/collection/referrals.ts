// 交办—反馈—回访 (API.md "Supervision tasks, referrals, the reserve"): a suggestion referred to a department
// opens a referral (交办单) due 30 days on; the department answers it (反馈单); staff call the resident back
// (回访单): satisfied closes it, not satisfied refers it again (二次交办), one round more, due 30 days after the call.
// One command per use case; opening is part of setSuggestionStatus (decisions.ts), in its transaction.
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { departments, referralAnswers, referralVisits, referrals, suggestions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { command, publicChange, type CommandContext } from '../core/command.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import type { StaffPrincipal } from '../core/principal.js';
import { addDays } from '../../shared/supervision.js';
import { shanghaiDate } from '../../shared/execution.js';
import type { referralAnswerInput, referralVisitInput } from '../../shared/collection-schemas.js';
import { tellChainSenders } from '../outbox/suggestion-notices.js';
import { describeReferral, referralOf } from './referrals-read.js';

/** PROCESS.md: the answer is due a month on (承办单位在１个月内予以办理答复), and again a month after a return call. */
export const REFERRAL_DAYS = 30;

type Suggestion = typeof suggestions.$inferSelect;
type Referral = typeof referrals.$inferSelect;

const referralSubject = (s: { id: string; title: string }, r: { id: string }) => ({ kind: 'referral' as const, id: r.id, label: s.title });
const fieldError = (field: string, message: string) => invalid(message, [{ field, message }]);

/** A department named by a referral must be on its body's list (a typo must not misroute it): else 422. */
async function assertDepartment(cx: CommandContext<unknown>, bodyId: string, name: string): Promise<void> {
  const [d] = await cx.tx.select({ id: departments.id }).from(departments).where(sql`${departments.bodyId} = ${bodyId} and ${departments.name} = ${name}`);
  if (!d) throw fieldError('department', `「${name}」不是本级人大的承办单位 / not a department of this body`);
}

/**
 * referSuggestion: opens the 交办单 of a suggestion that setSuggestionStatus refers to `department` (round 1,
 * `due` default today + 30 days in Asia/Shanghai). One referral per suggestion: already referred → 409.
 * Runs inside the status command (its lock on the suggestion), with its own trail entry `referral.opened`.
 */
export async function referSuggestion(cx: CommandContext<StaffPrincipal>, s: Suggestion, to: { department: string; due?: string }): Promise<void> {
  await assertDepartment(cx, s.bodyId, to.department);
  const today = shanghaiDate(cx.ctx.now());
  const due = to.due ?? addDays(today, REFERRAL_DAYS);
  if (due < today) throw fieldError('due', '办理期限不能早于今天 / due must not be in the past');
  const [existing] = await cx.tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.suggestionId, s.id));
  if (existing) throw conflict('already_referred', `「${s.title}」已交办 / already referred to a department`);
  const id = newId();
  await cx.tx.insert(referrals).values({ id, suggestionId: s.id, bodyId: s.bodyId, department: to.department, due, state: 'open', round: 1 });
  cx.audit({ action: 'referral.opened', bodyId: s.bodyId, subject: referralSubject(s, { id }), detail: { department: to.department, due, round: 1 } });
}

/** Finds and locks a referral with its suggestion (404 when either is missing). */
async function lockReferral(cx: CommandContext<StaffPrincipal>, referralId: string): Promise<{ referral: Referral; suggestion: Suggestion }> {
  const [referral] = await cx.tx.select().from(referrals).where(eq(referrals.id, referralId)).for('update');
  if (!referral) throw notFound('交办单');
  const [suggestion] = await cx.tx.select().from(suggestions).where(eq(suggestions.id, referral.suggestionId));
  if (!suggestion) throw notFound('建议');
  return { referral, suggestion };
}

/**
 * answerReferral: the department it was referred to (or staff for it) answers (反馈单): the referral becomes
 * `answered`; the resident who asked to be told hears so. Another department → 403 not_your_department;
 * a closed one → 409 referral_closed. Answering again in the same round adds a later answer (a correction).
 * The senders told are those of the suggestion and of every one merged into it.
 */
export const answerReferral = command<{ referralId: string } & z.infer<typeof referralAnswerInput>>()({
  action: 'referral.answered', stage: 'collection', roles: ['admin', 'department'],
  scope: async (cx, { referralId }) => {
    const found = await lockReferral(cx, referralId);
    return { bodyId: found.referral.bodyId, carrier: { department: found.referral.department, message: '这件建议未交办给本单位 / not referred to your department' }, ...found };
  },
  run: async (cx, input, { referral, suggestion }) => {
    if (referral.state === 'closed') throw conflict('referral_closed', '该交办件已办结 / the referral is closed');
    await cx.tx.insert(referralAnswers).values({ id: newId(), referralId: referral.id, round: referral.round, text: input.text, by: cx.actor.userId });
    await cx.tx.update(referrals).set({ state: 'answered', updatedAt: sql`now()` }).where(eq(referrals.id, referral.id));
    // its sender and the senders of every suggestion merged into it (one request, one answer)
    await tellChainSenders(cx, [suggestion.id], 'answered');
    return describeReferral(cx.tx, (await referralOf(cx.tx, referral.id))!, cx.ctx.now());
  },
  // the answer itself is public on the tracking page; the trail says which round was answered
  audit: (_out, _input, { referral, suggestion }) => ({ subject: referralSubject(suggestion, referral), detail: { department: referral.department, round: referral.round } }),
  effects: [publicChange],
});

/**
 * visitReferral: staff record the return call (回访单). Satisfied → `closed`; not satisfied → `open` again,
 * round + 1, due the call's date + 30 days (二次交办), and the resident is told it was referred again.
 * Not answered in this round → 409 referral_not_answered.
 */
export const visitReferral = command<{ referralId: string } & z.infer<typeof referralVisitInput>>()({
  action: 'referral.visited', stage: 'collection', roles: ['admin'],
  scope: async (cx, { referralId }) => {
    const found = await lockReferral(cx, referralId);
    return { bodyId: found.referral.bodyId, ...found };
  },
  run: async (cx, input, { referral, suggestion }) => {
    if (referral.state !== 'answered') throw conflict('referral_not_answered', '承办单位尚未答复，不能回访 / the department has not answered yet');
    await cx.tx.insert(referralVisits).values({ id: newId(), referralId: referral.id, round: referral.round, date: input.date, satisfied: input.satisfied, note: input.note });
    const next = input.satisfied
      ? { state: 'closed' as const }
      : { state: 'open' as const, round: referral.round + 1, due: addDays(input.date, REFERRAL_DAYS) };
    await cx.tx.update(referrals).set({ ...next, updatedAt: sql`now()` }).where(eq(referrals.id, referral.id));
    if (!input.satisfied) await tellChainSenders(cx, [suggestion.id], 'referred');
    return describeReferral(cx.tx, (await referralOf(cx.tx, referral.id))!, cx.ctx.now());
  },
  // never the note: it may repeat what the resident said on the phone
  audit: (_out, input, { referral, suggestion }) => ({
    subject: referralSubject(suggestion, referral), detail: { round: referral.round, date: input.date, satisfied: input.satisfied },
  }),
  effects: [publicChange],
});
