// 公告 routes: the presider makes a notice of a published ballot; everyone reads it and its signed copy.
import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { readJson } from '../http/json.js';
import { requireStaff } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { idPattern } from '../db/ids.js';
import { notFound } from '../core/errors.js';
import { noticeInput } from '../../shared/screening-schemas.js';
import { signNotice } from '../publication/signing.js';
import { findNotice, publicNotices, publishNotice } from './notices.js';

export function noticeRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/sessions/:id/notices', async (c) => {
      const actor = requireStaff(c, ['presider', 'admin']);
      const sessionId = pathId(c, 'id');
      const { ballotId } = await readJson(c, noticeInput);
      const { notice, created } = await publishNotice(ctx, actor, sessionId, ballotId);
      return c.json(notice, created ? 201 : 200);
    })
    .get('/public/bodies/:bodyId/notices', async (c) => c.json(await publicNotices(ctx, pathId(c, 'bodyId'))))
    // `/public/notices/<id>` and `/public/notices/<id>.jws` (the compact JWS, signed like results).
    .get('/public/notices/:id', async (c) => {
      const raw = c.req.param('id');
      const signed = raw.endsWith('.jws');
      const id = signed ? raw.slice(0, -4) : raw;
      if (!idPattern.test(id)) throw notFound();
      const notice = await findNotice(ctx, id);
      if (!signed) return c.json(notice);
      c.header('Content-Type', 'application/jose; charset=utf-8');
      return c.body(await signNotice(ctx.secrets, notice));
    });
}
