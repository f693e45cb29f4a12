// Inputs of implementation and supervision (API.md last section), shared by server and client forms.
import { z } from 'zod';
import { id, text } from './schemas.js';
import { calendarDate } from './screening-schemas.js';

export const satisfactionRounds = ['midyear', 'yearend', 'rectification'] as const;
const photos = z.array(id).max(12).optional();

export const planInput = z.strictObject({
  targets: z.array(text(200)).max(50),
  milestones: z.array(z.strictObject({ title: text(100), due: calendarDate })).max(50)
    .refine((ms) => new Set(ms.map((m) => m.title)).size === ms.length, '里程碑名称不能重复 / milestone titles must differ'),
  funding: text(500),
  completionDate: calendarDate,
});

export const progressInput = z.strictObject({
  percent: z.number().int().min(0).max(100),
  milestone: text(100).optional().nullable(),
  note: text(2000),
  date: calendarDate,
  photos,
  /** each named item's percent (子项 of that project, 0–100) */
  items: z.array(z.strictObject({ itemId: id, percent: z.number().int().min(0).max(100) })).max(50).optional(),
});

/** 子项: the project's items, replaced whole; titles differ (an unchanged title keeps its item and percent). */
export const itemsInput = z.strictObject({
  items: z.array(z.strictObject({ title: text(100), target: text(200).optional().nullable() })).max(50)
    .refine((xs) => new Set(xs.map((x) => x.title)).size === xs.length, '子项名称不能重复 / item titles must differ'),
});

export const supervisorsInput = z.strictObject({
  memberIds: z.array(id).min(1).max(50),
  leadMemberId: id,
}).refine((g) => g.memberIds.includes(g.leadMemberId), { message: '组长须是小组成员 / the lead must be in the group', path: ['leadMemberId'] })
  .refine((g) => new Set(g.memberIds).size === g.memberIds.length, { message: '成员重复 / duplicate members', path: ['memberIds'] });

export const inspectionInput = z.strictObject({ date: calendarDate, findings: text(5000), photos });
export const rectificationInput = z.strictObject({ note: text(5000), date: calendarDate, photos });
export const carryOverInput = z.strictObject({ toYear: z.number().int().min(2000).max(2100) });
