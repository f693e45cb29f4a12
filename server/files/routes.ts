// Photos: uploaded by staff, departments and members; read by anyone, cached for ever (they never change).
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { AppContext, AppEnv } from '../context.js';
import { requirePrincipal } from '../http/auth.js';
import { forbidden, notFound } from '../core/errors.js';
import { pathId } from '../http/params.js';
import { files } from '../db/schema.js';
import { acceptedType, storePhoto } from './photos.js';

export function fileRoutes(ctx: AppContext) {
  const serve = (part: 'bytes' | 'thumb') => async (c: import('hono').Context<AppEnv>) => {
    const id = pathId(c, 'id');
    const [f] = await ctx.db.select({ mime: files.mime, thumbMime: files.thumbMime, sha256: files.sha256, data: part === 'bytes' ? files.bytes : files.thumb }).from(files).where(eq(files.id, id));
    if (!f) throw notFound('文件');
    const etag = `"${f.sha256}${part === 'thumb' ? '-t' : ''}"`;
    const headers = { 'Cache-Control': 'public, max-age=31536000, immutable', ETag: etag, 'Content-Type': part === 'bytes' ? f.mime : f.thumbMime };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(f.data), 200, headers);
  };
  return new Hono<AppEnv>()
    .post('/files', async (c) => {
      const who = requirePrincipal(c);
      if (who.kind === 'screen') throw forbidden();
      const type = acceptedType(c.req.header('content-type'));
      return c.json(await storePhoto(ctx, who, type, new Uint8Array(await c.req.arrayBuffer())), 201);
    })
    .get('/files/:id', serve('bytes'))
    .get('/files/:id/thumb', serve('thumb'));
}
