// The trail (API.md "The trail, the contract itself, operations").
import { z } from 'zod';
import { auditStages } from '../../shared/audit.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { route } from '../http/route.js';
import { idPattern } from '../db/ids.js';
import { bodyTrail } from './trail.js';

export const trailQuery = z.strictObject({
  stage: z.enum(auditStages).optional(),
  subject: z.string().regex(idPattern).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const trailRoutes = [
  route({
    method: 'GET', path: '/bodies/:bodyId/audit', summary: 'Every change of the body, newest first, by stage and subject (the trail)', roles: ['admin'], query: trailQuery,
    handler: async (ctx, r) => {
      await findBody(ctx.db, r.params.bodyId);
      await assertStaffOfBody(ctx.db, r.actor, r.params.bodyId);
      return bodyTrail(ctx.db, r.params.bodyId, r.query);
    },
  }),
];
