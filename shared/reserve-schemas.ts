// Inputs of the departments list (承办单位), a department's return of a project, and the reserve (储备库).
import { z } from 'zod';
import { id, projectInput, text } from './schemas.js';

/** A department's name, as a project and a department user carry it. */
export const departmentName = text(100);

export const departmentInput = z.strictObject({ name: departmentName });
export const returnInput = z.strictObject({ reason: text(500) });
export const reassignInput = z.strictObject({ department: departmentName });
export const reserveInput = z.strictObject({ reserve: z.boolean(), note: text(500, 0).optional().nullable() });

/**
 * Creating a project (API.md "Collection and screening", extended by "the reserve"): either every field, or
 * `{year, fromReserve}` with any of the others overriding what the reserved project gives.
 */
export const projectCreateInput = projectInput
  .partial({ title: true, description: true, category: true, department: true })
  .extend({ fromReserve: id.optional() })
  .superRefine((v, ctx) => {
    if (v.fromReserve) return;
    for (const field of ['title', 'description', 'category', 'department'] as const) {
      if (v[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: '必填 / required' });
    }
  });
