// Photos (API.md POST /api/files, QUALITY.md "hostile files"): a phone photo is stored upright without its
// metadata (GPS read back and found gone), with a thumbnail, served immutable with an ETag; every hostile
// file is refused with a code and leaves the table as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { rowsOf } from '../../server/db/connect.js';

let server: TestServer;
let hall: Hall;
let photo: Buffer;

const upload = (bytes: Uint8Array | string, type: string, token: string | undefined = server.adminToken) =>
  server.call('POST', '/api/files', { token, body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes), headers: { 'content-type': type } });
const stored = async () => rowsOf<{ n: number }>(await server.ctx.db.execute(sql`select count(*)::int as n from files`))[0].n;
const uploads = async () => rowsOf<{ n: number }>(await server.ctx.db.execute(sql`select count(*)::int as n from audit_log where action = 'file.uploaded'`))[0].n;

beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 1 });
  // A "phone photo": noisy 1200×900 JPEG taken sideways (EXIF orientation 6) with GPS and camera data.
  const noise = Buffer.alloc(1200 * 900 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  photo = await sharp(noise, { raw: { width: 1200, height: 900, channels: 3 } }).jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'Phone', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}, 60_000);
afterAll(async () => server?.close());

describe('a phone photo', () => {
  it('is stored upright, without EXIF or GPS, with a thumbnail', async () => {
    const before = await sharp(photo).metadata();
    expect(before.exif?.length).toBeGreaterThan(0);
    expect(before.orientation).toBe(6);
    expect(photo.includes(Buffer.from('Phone'))).toBe(true); // the camera's EXIF is there before
    const trail = await uploads();
    const r = await upload(photo, 'image/jpeg', hall.members[0].token);
    expect(r.status).toBe(201);
    expect(await uploads()).toBe(trail + 1); // exactly one entry on the trail, in the member's body
    expect(rowsOf<{ body_id: string }>(await server.ctx.db.execute(sql`select body_id from audit_log where subject = ${r.body.id}`))).toEqual([{ body_id: hall.bodyId }]);
    expect(r.body).toMatchObject({ width: 900, height: 1200, url: `/api/files/${r.body.id}`, thumbUrl: `/api/files/${r.body.id}/thumb` });
    const full = await fetch(server.url + r.body.url);
    expect(full.headers.get('cache-control')).toContain('immutable');
    expect(full.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await full.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(bytes.includes(Buffer.from('Phone'))).toBe(false);
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([900, 1200, 1]);
    const thumb = await fetch(server.url + r.body.thumbUrl);
    const t = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([t.format, t.width]).toEqual(['webp', 480]);
    const again = await fetch(server.url + r.body.url, { headers: { 'if-none-match': full.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('takes PNG and WebP; a big screen token, no token and unknown ids are refused', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } }).png().toBuffer();
    expect((await upload(png, 'image/png')).status).toBe(201);
    const webp = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0c0' } }).webp().toBuffer();
    expect((await upload(webp, 'image/webp; charset=binary')).status).toBe(201);
    const [entry] = rowsOf<{ subject: string; stage: string; subject_kind: string; subject_label: string | null; body_id: string | null; actor_kind: string }>(await server.ctx.db.execute(
      sql`select subject, stage, subject_kind, subject_label, body_id, actor_kind from audit_log where action = 'file.uploaded' order by id desc limit 1`));
    expect(entry).toMatchObject({ stage: 'implementation', subject_kind: 'file', subject_label: null, actor_kind: 'user' });
    expect((await upload(png, 'image/png', '')).status).toBe(401);
    const screen = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })).token;
    expect((await upload(png, 'image/png', screen)).status).toBe(403);
    expect((await server.call('GET', '/api/files/nosuchfile')).status).toBe(404);
  });
});

describe('hostile files', () => {
  const cases: [string, () => Promise<[Uint8Array | string, string]>, number, string][] = [
    ['a type we do not take', async () => [Buffer.from('hello'), 'text/plain'], 415, 'unsupported_media_type'],
    ['HEIC from an iPhone', async () => [Buffer.from('....ftypheic'), 'image/heic'], 415, 'unsupported_media_type'],
    ['a PNG that says it is a JPEG', async () => [await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer(), 'image/jpeg'], 422, 'invalid_image'],
    ['an SVG disguised as a PNG', async () => ['<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>', 'image/png'], 422, 'invalid_image'],
    ['an HTML page disguised as a JPEG', async () => ['<!doctype html><html><body><script>alert(1)</script></body></html>', 'image/jpeg'], 422, 'invalid_image'],
    ['a truncated JPEG', async () => [photo.subarray(0, Math.floor(photo.length / 2)), 'image/jpeg'], 422, 'invalid_image'],
    ['an empty body', async () => [new Uint8Array(0), 'image/jpeg'], 422, 'invalid_image'],
    ['a decompression bomb (10,000 × 10,000 of one colour)', async () => [await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer(), 'image/png'], 422, 'image_too_large'],
    ['more than 10 MB', async () => [Buffer.alloc(10 * 1024 * 1024 + 1, 1), 'image/jpeg'], 413, 'payload_too_large'],
  ];
  for (const [what, make, status, code] of cases) {
    it(`refuses ${what} and stores nothing`, async () => {
      const n = await stored();
      const trail = await uploads();
      const [bytes, type] = await make();
      const r = await upload(bytes, type);
      expect(r.status).toBe(status);
      expect(r.body.error.code).toBe(code);
      expect(await stored()).toBe(n);
      expect(await uploads()).toBe(trail);
    }, 60_000);
  }
});
