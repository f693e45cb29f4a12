// Inputs of evaluation (API.md "Evaluation"): the combined-satisfaction rule and household surveys.
import { z } from 'zod';
import { calendarDate } from './screening-schemas.js';

const weight = z.number().min(0).max(1);

export const satisfactionRuleInput = z.strictObject({
  weights: z.strictObject({ members: weight, public: weight, survey: weight })
    .refine((w) => Math.abs(w.members + w.public + w.survey - 1) <= 0.001, { message: '三项权重之和须为 1 / the weights must sum to 1' }),
});

const count = z.number().int().min(0).max(10_000_000);

export const surveyInput = z.strictObject({
  satisfied: count,
  basic: count,
  unsatisfied: count,
  /** how many households were asked (some may not have answered) */
  households: z.number().int().min(1).max(10_000_000),
  /** 入户调查, 电话回访, 问卷 … in the body's own words */
  method: z.string().trim().min(1).max(100),
  date: calendarDate,
}).refine((s) => s.satisfied + s.basic + s.unsatisfied <= s.households, { message: '三项之和不能超过调查户数 / the three counts cannot exceed the households asked', path: ['households'] });
