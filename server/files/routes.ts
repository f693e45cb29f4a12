// Photos and documents: uploaded by staff (photos also by departments and members); read by anyone, cached for ever (they never change).
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import type { AppContext, AppEnv } from '../context.js';
import { notFound } from '../core/errors.js';
import { files } from '../db/schema.js';
import { route } from '../http/route.js';
import { acceptedType, preparePhoto, storePhoto } from './photos.js';
import { checkDocument, documentMime, storeDocument } from './documents.js';

async function serve(ctx: AppContext, c: Context<AppEnv>, id: string, part: 'bytes' | 'thumb'): Promise<Response> {
  const [f] = await ctx.db.select({ mime: files.mime, size: files.size, thumbMime: files.thumbMime, sha256: files.sha256, data: part === 'bytes' ? files.bytes : files.thumb }).from(files).where(eq(files.id, id));
  // a document has no thumbnail
  if (!f || (part === 'thumb' && f.mime === documentMime)) throw notFound('文件');
  const etag = `"${f.sha256}${part === 'thumb' ? '-t' : ''}"`;
  const headers: Record<string, string> = { 'Cache-Control': 'public, max-age=31536000, immutable', ETag: etag, 'Content-Type': part === 'bytes' ? f.mime : f.thumbMime };
  // A PDF is not re-encoded: it opens in the browser's viewer, sandboxed (no script of ours, no forms sent).
  if (f.mime === documentMime) headers['Content-Security-Policy'] = 'sandbox';
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(new Uint8Array(f.data), 200, headers);
}

// The upload's bytes are read and decoded before the command opens its transaction: sharp's work never
// holds a database connection.
const upload = route({
  method: 'POST', path: '/files', summary: 'Upload a photo (JPEG, PNG or WebP): stored upright without its metadata, with a thumbnail', status: 201,
  rawBody: ['image/jpeg', 'image/png', 'image/webp'], errors: ['invalid_image', 'image_too_large'], command: storePhoto,
  input: async (r) => preparePhoto(acceptedType(r.c.req.header('content-type')), new Uint8Array(await r.c.req.arrayBuffer())),
});

export const fileRoutes = [
  upload,
  route({
    method: 'POST', path: '/files/documents', summary: 'Upload a document (PDF, at most 20 MB) for a hearing: kept as sent, served by GET /api/files/:id', status: 201,
    rawBody: [documentMime], errors: ['invalid_document'], extension: true, command: storeDocument,
    input: async (r) => checkDocument(r.c.req.header('content-type'), new Uint8Array(await r.c.req.arrayBuffer())),
  }),
  route({
    method: 'GET', path: '/files/:id', summary: 'A photo\'s or document\'s bytes, immutable, with its ETag', roles: ['public'],
    handler: (ctx, r) => serve(ctx, r.c, r.params.id, 'bytes'),
  }),
  route({
    method: 'GET', path: '/files/:id/thumb', summary: 'A photo\'s thumbnail (WebP, 480 px wide), immutable, with its ETag', roles: ['public'],
    handler: (ctx, r) => serve(ctx, r.c, r.params.id, 'thumb'),
  }),
];
