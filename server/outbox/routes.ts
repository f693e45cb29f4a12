// Notices to people, for the body's admins (API.md "Representatives and residents").
import { z } from 'zod';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { route } from '../http/route.js';
import { listNotices, retryNotice } from './admin.js';

export const noticeQuery = z.strictObject({
  status: z.enum(['pending', 'sent', 'failed']).optional(),
  kind: z.enum(['suggestion_status', 'rep_suggestion', 'dossier', 'task', 'red']).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const outboxRoutes = [
  route({
    method: 'GET', path: '/bodies/:bodyId/notifications', summary: 'Notices to people of the body, newest first, numbers masked (the outbox)', roles: ['admin'], query: noticeQuery,
    handler: async (ctx, r) => {
      await findBody(ctx.db, r.params.bodyId);
      await assertStaffOfBody(ctx.db, r.actor, r.params.bodyId);
      return listNotices(ctx.db, r.params.bodyId, r.query);
    },
  }),
  route({
    method: 'POST', path: '/notifications/:id/retry', summary: 'Send a failed notice again, with the same Idempotency-Key', extension: true,
    errors: ['notice_not_failed'], command: retryNotice, input: (r) => ({ id: r.params.id }),
  }),
];
