// Published results and boxes, and the public project list, are served from memory with an ETag:
// the same bytes as before, 304 for a client that already has them, and nothing cached too early.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey, type Hall } from '../helpers/fixtures.js';

let server: TestServer;
let hall: Hall;
let ballotId: string;
beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  hall = await createHall(server, { members: 6, projects: 3, checkIn: 'all' });
  const ballot = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, {
    token: hall.presiderToken, json: { kind: 'selection', title: '缓存', projectIds: hall.projectIds, seats: 1 },
  }));
  ballotId = ballot.id;
  ok(await server.call('POST', `/api/ballots/${ballotId}/open`, { token: hall.presiderToken }));
  for (const m of hall.members) {
    ok(await server.call('POST', `/api/ballots/${ballotId}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices: { [hall.projectIds[0]]: 'yes' } } }));
  }
}, 60_000);
afterAll(async () => { await server?.close(); });

describe('published ballot pages', () => {
  it('are not served to the public before publication, and not cached then', async () => {
    ok(await server.call('POST', `/api/ballots/${ballotId}/close`, { token: hall.presiderToken }));
    const early = await server.call('GET', `/api/ballots/${ballotId}/result`);
    expect(early.status).toBe(403);
    expect(early.headers.get('etag')).toBeNull();
    const staff = await server.call('GET', `/api/ballots/${ballotId}/result`, { token: hall.presiderToken });
    expect(staff.status).toBe(200);
    expect(staff.headers.get('etag')).toBeNull();
    expect((await server.call('GET', `/api/ballots/${ballotId}/box`)).status).toBe(403);
  });

  it('after publication: same content, an ETag, and 304 for If-None-Match', async () => {
    const before = await server.call('GET', `/api/ballots/${ballotId}/result`, { token: hall.presiderToken });
    ok(await server.call('POST', `/api/ballots/${ballotId}/publish`, { token: hall.presiderToken }));
    for (const path of [`/api/ballots/${ballotId}/result`, `/api/ballots/${ballotId}/box`]) {
      const first = await server.call('GET', path);
      expect(first.status, path).toBe(200);
      expect(first.headers.get('content-type')).toMatch(/^application\/json/);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      const second = await server.call('GET', path, { token: hall.members[0].token });
      expect(second.body).toEqual(first.body);
      expect(second.headers.get('etag')).toBe(etag);
      for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const again = await server.call('GET', path, { headers: { 'if-none-match': inm } });
        expect(again.status, inm).toBe(304);
        expect(again.body, inm).toBeNull();
        expect(again.headers.get('etag')).toBe(etag);
      }
      expect((await server.call('GET', path, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
      expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const result = await server.call('GET', `/api/ballots/${ballotId}/result`);
    expect(result.body).toEqual(before.body);
  });
});

describe('public project list', () => {
  it('shows a change made through this server at once, with an ETag', async () => {
    const path = `/api/public/bodies/${hall.bodyId}/projects`;
    const first = await server.call('GET', path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await server.call('GET', path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const count = first.body.length;
    // A write through this process drops the cached page: the next read comes from the database.
    ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, {
      token: server.adminToken, json: { year: 2027, title: '新项目', description: '说明', category: '教育', department: '教育局' },
    }));
    const after = await server.call('GET', path);
    expect(after.status).toBe(200);
    // (a new project is a draft and not public, so the list is the same; the page was rebuilt all the same)
    expect(after.body.length).toBe(count);
    expect((await server.call('GET', `/api/public/bodies/zzzzzzzzzzzzzzzz/projects`)).status).toBe(404);
    expect((await server.call('GET', `${path}?year=1`)).status).toBe(422);
  });
});
