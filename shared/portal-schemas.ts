// Inputs of the public portal (API.md last section): public ratings, their moderation, stats and exports.
import { z } from 'zod';

export const publicGrades = ['satisfied', 'basic', 'unsatisfied'] as const;

export const ratingInput = z.strictObject({
  grade: z.enum(publicGrades),
  comment: z.string().trim().max(500).refine((s) => !s.includes('\u0000'), '不能包含 NUL 字符 / no NUL characters').optional().nullable(),
  /** made once by the browser; identifies nobody, only "this browser already rated this project" */
  deviceKey: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, '无效的设备标识 / invalid device key'),
});

export const moderationInput = z.strictObject({ visible: z.boolean() });

export const ratingListQuery = z.strictObject({
  status: z.enum(['pending', 'visible', 'hidden']).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** `?year=` of the stats and exports: the same as the public project list's. */
export { listQuery as yearQuery } from './screening-schemas.js';
