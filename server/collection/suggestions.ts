// Submitting a suggestion (群众点单) and following it by its tracking code, without an account.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { members, projects, stations, suggestionEvents, suggestions, users } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { findBody, staffCoversBody } from '../bodies/tree.js';
import { command, residentsChange } from '../core/command.js';
import type { Principal } from '../core/principal.js';
import { indexGrams } from '../../shared/similarity.js';
import type { SuggestionChannel, suggestionInput } from '../../shared/collection-schemas.js';
import { mobileIn } from '../outbox/mask.js';
import { notify } from '../outbox/write.js';
import { openWindowOf } from './windows.js';
import { repliesOf } from './replies.js';
import { trackingReferral } from './referrals-read.js';
import { isProjectPublic } from '../projects/public.js';

// No 0/1/I/O: a code read aloud or copied by hand from a phone stays unambiguous. 32^14 = 2^70.
const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function newTrackingCode(): string {
  const bytes = randomBytes(14);
  let out = '';
  for (const b of bytes) out += codeAlphabet[b & 31];
  return out;
}
export const trackingCodePattern = /^[0-9A-Za-z]{10,16}$/;

const fieldError = (field: string, message: string) => invalid(message, [{ field, message }]);

const nobody = { stationId: null, memberId: null, userId: null, repId: null };

/**
 * Which channel a submission came by, checked against who sent it (API.md: each, else 422). A 代表码 names the
 * representative it was sent to (`repId`, channel rep_code); the sender stays a resident.
 */
async function channelOf(db: DbOrTx, bodyId: string, input: z.infer<typeof suggestionInput>, who: Principal | null) {
  const channel: SuggestionChannel = input.channel
    ?? (input.stationId ? 'station' : input.repId ? 'rep_code' : who?.kind === 'member' ? 'rep' : who?.kind === 'staff' && who.role === 'department' ? 'department' : 'web');
  if (input.stationId && channel !== 'station') throw fieldError('stationId', '只有联络站渠道可填写联络站 / stationId goes with channel station');
  if (input.repId && channel !== 'rep_code') throw fieldError('repId', '只有代表码渠道可指定代表 / repId goes with channel rep_code');
  if (channel === 'rep_code') {
    if (!input.repId) throw fieldError('repId', '请注明代表 / repId is required for channel rep_code');
    const [m] = await db.select({ id: members.id, name: members.name, phone: members.phone }).from(members)
      .where(and(eq(members.id, input.repId), eq(members.bodyId, bodyId)));
    if (!m) throw fieldError('repId', '不是本级人大的代表 / not a representative of this body');
    return { channel, ...nobody, repId: m.id, userId: who?.kind === 'staff' ? who.userId : null, rep: m };
  }
  if (channel === 'station') {
    if (!input.stationId) throw fieldError('stationId', '请注明联络站 / stationId is required for channel station');
    const [s] = await db.select({ bodyId: stations.bodyId }).from(stations).where(eq(stations.id, input.stationId));
    if (!s || s.bodyId !== bodyId) throw fieldError('stationId', '联络站不属于该人大 / no such station in this body');
    return { channel, ...nobody, stationId: input.stationId, rep: null };
  }
  if (channel === 'rep') {
    if (who?.kind !== 'member' || who.bodyId !== bodyId) throw fieldError('channel', '代表渠道需要本级人大代表登录 / channel rep needs a member of this body signed in');
    const [m] = await db.select({ id: members.id }).from(members).where(eq(members.id, who.memberId));
    if (!m) throw fieldError('channel', '代表不存在 / unknown member');
    return { channel, ...nobody, memberId: who.memberId, rep: null };
  }
  if (channel === 'department') {
    if (who?.kind !== 'staff' || who.role !== 'department' || !(await staffCoversBody(db, who, bodyId))) {
      throw fieldError('channel', '部门渠道需要本级承办单位登录 / channel department needs a department user of this body');
    }
    return { channel, ...nobody, userId: who.userId, rep: null };
  }
  return { channel, ...nobody, userId: who?.kind === 'staff' ? who.userId : null, rep: null };
}

/** The text a representative's phone gets when a resident writes through their 代表码: short, the title, nobody's contact. */
export const repNoticeText = (title: string) =>
  `【民生实事】群众通过您的代表码提交了建议「${title.length > 30 ? `${title.slice(0, 30)}…` : title}」，请在“群众找我”中查看并回复。`;

/**
 * submitSuggestion: anyone may send one while the body's window is open (群众点单). A resident without an
 * account is recorded as `public`; a representative or a department user who sends one, as themselves.
 */
export const submitSuggestion = command<{ bodyId: string } & z.infer<typeof suggestionInput>>()({
  action: 'suggestion.received', stage: 'collection', roles: ['public'],
  scope: async (cx, input) => {
    const body = await findBody(cx.tx, input.bodyId);
    const { rep, ...source } = await channelOf(cx.tx, body.id, input, cx.actor);
    // 通知我 needs a number to tell (server/outbox: a mainland mobile found in the contact)
    if (input.notify && !mobileIn(input.contact)) throw fieldError('contact', '勾选“通知我”需要在联系方式中填写 11 位手机号 / to be notified, put an 11-digit mobile number in the contact');
    const window = await openWindowOf(cx.tx, body.id);
    if (!window) throw conflict('collection_closed', '当前不在征集期内 / the collection window is not open');
    return { bodyId: body.id, body, source, rep, window };
  },
  run: async (cx, input, { body, source, rep, window }) => {
    const { tx } = cx;
    const id = newId();
    const trackingCode = newTrackingCode();
    await tx.insert(suggestions).values({
      id, bodyId: body.id, year: window.year, windowId: window.id, trackingCode,
      title: input.title, description: input.description, category: input.category, area: input.area ?? null,
      ...source, contact: input.contact ?? null, notify: input.notify ?? false, status: 'received', grams: indexGrams(input),
    });
    await tx.insert(suggestionEvents).values({ suggestionId: id, status: 'received', note: null });
    if (rep?.phone) await notify(cx, [{ kind: 'rep_suggestion', bodyId: body.id, to: rep.phone, text: repNoticeText(input.title) }]);
    return { id, trackingCode };
  },
  // Never the contact, the tracking code or the sender (QUALITY.md "personal data").
  audit: ({ id }, input, { source, window }) => ({
    subject: { kind: 'suggestion', id, label: input.title }, detail: { year: window.year, channel: source.channel, category: input.category },
  }),
  // residents' counts moved: public pages catch up within a second
  effects: [residentsChange],
});

/** Follows merges to the suggestion that stands for this one now (at most a few hops). */
async function rootOf(db: DbOrTx, s: typeof suggestions.$inferSelect) {
  let current = s;
  for (let hop = 0; current.mergedInto && hop < 20; hop++) {
    const [next] = await db.select().from(suggestions).where(eq(suggestions.id, current.mergedInto));
    if (!next) break;
    current = next;
  }
  return current;
}

/** GET /api/suggestions/:trackingCode: the resident's view. Never the contact, the member or the sender. */
export async function trackSuggestion(ctx: AppContext, code: string) {
  if (!trackingCodePattern.test(code)) throw notFound('建议');
  const [s] = await ctx.db.select().from(suggestions).where(eq(suggestions.trackingCode, code.toUpperCase()));
  if (!s) throw notFound('建议');
  const history = await ctx.db.select({ at: suggestionEvents.at, status: suggestionEvents.status, note: suggestionEvents.note })
    .from(suggestionEvents).where(eq(suggestionEvents.suggestionId, s.id)).orderBy(asc(suggestionEvents.id));
  const root = await rootOf(ctx.db, s);
  const [target] = s.mergedInto ? await ctx.db.select({ title: suggestions.title, trackingCode: suggestions.trackingCode }).from(suggestions).where(eq(suggestions.id, s.mergedInto)) : [];
  const [p] = root.projectId ? await ctx.db.select().from(projects).where(eq(projects.id, root.projectId)) : [];
  return {
    trackingCode: s.trackingCode, title: s.title, category: s.category, area: s.area, bodyId: s.bodyId, year: s.year,
    status: s.status, reason: s.reason, createdAt: new Date(s.createdAt).toISOString(),
    history: history.map((h) => ({ at: new Date(h.at).toISOString(), status: h.status, note: h.note })),
    ...(target ? { mergedInto: { title: target.title } } : {}),
    ...(p && await isProjectPublic(ctx.db, p) ? { project: { id: p.id, title: p.title, status: p.status } } : {}),
    // 代表回复: what the representative it was sent to answered (never who they are: the resident knows)
    replies: ((await repliesOf(ctx.db, [s.id])).get(s.id) ?? []).map((r) => ({ at: r.at, text: r.text })),
    // 交办—反馈—回访: the department's answers and the return calls (never who answered, never the contact)
    // (a suggestion merged into another follows the referral of the one that stands for it now)
    referral: await trackingReferral(ctx, root.id),
  };
}

/** GET /api/me/suggestions: what a representative or department user has sent, with tracking codes. */
export async function mySuggestions(ctx: AppContext, who: Principal) {
  const mine = who.kind === 'member' ? eq(suggestions.memberId, who.memberId) : who.kind === 'staff' ? eq(suggestions.userId, who.userId) : null;
  if (!mine) return [];
  const rows = await ctx.db.select().from(suggestions).where(mine).orderBy(asc(suggestions.createdAt)).limit(500);
  return rows.map((s) => ({ id: s.id, trackingCode: s.trackingCode, title: s.title, category: s.category, status: s.status, createdAt: new Date(s.createdAt).toISOString() }));
}

/** Names for the inbox's channel column: which user sent a suggestion (staff only). */
export async function senderNames(db: DbOrTx, rows: { memberId: string | null; userId: string | null; repId: string | null }[]) {
  const memberIds = [...new Set(rows.flatMap((r) => [r.memberId, r.repId]).filter((x): x is string => !!x))];
  const userIds = [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))];
  const [ms, us] = await Promise.all([
    memberIds.length ? db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, memberIds)) : [],
    userIds.length ? db.select({ id: users.id, name: users.department, username: users.username }).from(users).where(and(inArray(users.id, userIds))) : [],
  ]);
  return new Map<string, string>([...ms.map((m) => [m.id, m.name] as const), ...us.map((u) => [u.id, u.name ?? u.username] as const)]);
}
