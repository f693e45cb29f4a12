// Inputs of the collection stage (征集), validated on the server and reused by the client's forms.
import { z } from 'zod';
import { categories, id, text } from './schemas.js';
import { calendarDate } from './screening-schemas.js';

export const suggestionChannels = ['web', 'station', 'rep', 'department', 'rep_code'] as const;
export type SuggestionChannel = (typeof suggestionChannels)[number];
export const suggestionStatuses = ['received', 'merged', 'adopted', 'not_adopted', 'referred'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

/** An instant with its zone, as API.md asks (`2027-07-01T00:00:00+08:00`). */
const instant = z.iso.datetime({ offset: true })
  .refine((s) => { const t = Date.parse(s); return t >= Date.parse('2000-01-01T00:00:00+08:00') && t < Date.parse('2101-01-01T00:00:00+08:00'); }, '时间须在 2000 年至 2100 年之间 / the instant must lie in 2000–2100');
const year = z.number().int().min(2000).max(2100);

export const windowInput = z.strictObject({ year, opensAt: instant, closesAt: instant })
  .refine((w) => Date.parse(w.closesAt) > Date.parse(w.opensAt), { message: '截止时间须晚于开始时间 / closesAt must be after opensAt', path: ['closesAt'] });

export const stationInput = z.strictObject({ name: text(100), address: text(200).optional().nullable() });

export const suggestionInput = z.strictObject({
  title: text(100),
  description: text(2000),
  category: z.enum(categories),
  area: text(100).optional().nullable(),
  channel: z.enum(suggestionChannels).optional(),
  stationId: id.optional().nullable(),
  contact: text(100).optional().nullable(),
  /** the representative whose 代表码 opened the form (channel rep_code) */
  repId: id.optional().nullable(),
  /** 通知我: tell the sender when it moves, at the mobile number in `contact` */
  notify: z.boolean().optional(),
});

export const replyInput = z.strictObject({ text: text(1000) });
/** The days of a station's duty roster it names, each replaced by the members given (none: nobody on duty that day). */
export const dutyInput = z.strictObject({
  slots: z.array(z.strictObject({ date: calendarDate, memberIds: z.array(id).max(50) })).max(400),
});
/** The staff's view of the rosters: `days` days from `from` (default: today in Asia/Shanghai). */
export const dutyQuery = z.strictObject({ from: calendarDate.optional(), days: z.coerce.number().int().min(1).max(62).optional() });

export const mergeInput = z.strictObject({ into: id });
export const mergeManyInput = z.strictObject({ into: id, ids: z.array(id).min(1).max(500) });

const statusFields = {
  status: z.enum(['not_adopted', 'referred']),
  reason: text(500),
  /** 交办: a department (承办单位) of the body the referral goes to; without it a plain referral */
  department: text(100).optional(),
  /** when the department's answer is due (default 30 days on); only with `department` */
  due: calendarDate.optional(),
};
/** Only a referral names a department, and only a referral to a department has a due date. */
const referralFields = <T extends { status: string; department?: string; due?: string }>(v: T, c: z.RefinementCtx) => {
  if (v.department !== undefined && v.status !== 'referred') c.addIssue({ code: 'custom', path: ['department'], message: '只有转交可指定承办单位 / only a referral names a department' });
  if (v.due !== undefined && v.department === undefined) c.addIssue({ code: 'custom', path: ['due'], message: '办理期限须与承办单位一起填写 / due goes with department' });
};
export const suggestionStatusInput = z.strictObject(statusFields).superRefine(referralFields);
export const suggestionStatusManyInput = z.strictObject({ ...statusFields, ids: z.array(id).min(1).max(500) }).superRefine(referralFields);

/** 反馈单: the department's answer to a referral. */
export const referralAnswerInput = z.strictObject({ text: text(2000) });
/** 回访单: the staff's return call to the resident. */
export const referralVisitInput = z.strictObject({ date: calendarDate, satisfied: z.boolean(), note: text(1000) });
export const referralStates = ['open', 'answered', 'closed'] as const;
export type ReferralState = (typeof referralStates)[number];
/** The staff's list: by state, or `overdue` (open past its due date). */
export const referralListQuery = z.strictObject({ state: z.enum([...referralStates, 'overdue']).optional() });

const queryYear = z.coerce.number().int().min(2000).max(2100);

export const inboxQuery = z.strictObject({
  year: queryYear.optional(),
  status: z.enum(suggestionStatuses).optional(),
  category: z.enum(categories).optional(),
  channel: z.enum(suggestionChannels).optional(),
  stationId: id.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['createdAt', '-createdAt', 'supporters', '-supporters']).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const similarTextQuery = z.strictObject({ text: z.string().trim().min(1).max(200) });
export const yearQuery = z.strictObject({ year: queryYear.optional() });
