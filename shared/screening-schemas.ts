// Inputs of the screening stage (筛选): projects, assessments, candidate lists, notices.
import { z } from 'zod';
import { categories, id, text } from './schemas.js';

const year = z.number().int().min(2000).max(2100);
const money = z.number().finite().min(0).max(1e9);
/** A calendar day (Asia/Shanghai), YYYY-MM-DD, that exists. */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / date must be YYYY-MM-DD')
  .refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s; }, '日期不存在 / no such date')
  .refine((s) => s >= '2000-01-01' && s <= '2100-12-31', '日期须在 2000 年至 2100 年之间 / the date must lie in 2000–2100');
const targets = z.array(text(200)).max(50);

/** Editing a draft project: any of its fields. */
export const projectUpdateInput = z.strictObject({
  title: text(200).optional(),
  description: text(5000).optional(),
  category: z.enum(categories).optional(),
  department: text(100).optional(),
  investment: money.optional().nullable(),
  targets: targets.optional(),
});

export const assessmentInput = z.strictObject({
  feasible: z.boolean(),
  reason: text(2000),
  investment: money,
  fundingSource: text(200).optional().nullable(),
  completionDate: calendarDate,
  targets: targets.optional(),
});

/** PROCESS.md's exclusion rules: cannot finish within the year, adds debt risk, assigned from above. */
export const exclusionRules = ['notWithinYear', 'debtRisk', 'assignedFromAbove'] as const;
export const screeningInput = z.strictObject({
  exclusions: z.strictObject(Object.fromEntries(exclusionRules.map((r) => [r, z.boolean().optional()])) as Record<(typeof exclusionRules)[number], z.ZodOptional<z.ZodBoolean>>),
  note: text(1000, 0).optional().nullable(),
});

export const candidateListInput = z.strictObject({
  year,
  projectIds: z.array(id).min(1).max(200),
  seats: z.number().int().min(1).max(200),
  /** the 差额 ratio to warn below; default 1.2 */
  ratio: z.number().finite().min(1).max(10).optional(),
});

export const approveInput = z.strictObject({ meeting: text(200), approvedAt: calendarDate.optional() });

export const listBallotInput = z.strictObject({
  sessionId: id,
  form: z.enum(['per_candidate', 'choose_n']).optional(),
  title: text(200).optional(),
});

export const noticeInput = z.strictObject({ ballotId: id });

export const projectListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  department: z.literal('mine').optional(),
});
export const listQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
