// A citizen checks a notice (公告): its JWS against the published keys, with `npm run verify -- --notice`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey } from '../helpers/fixtures.js';
import { verifyNotice } from '../../scripts/verify-lib.js';

let server: TestServer;
let jws = '';
let jwks: unknown;
let notice: Record<string, unknown> = {};

beforeAll(async () => {
  server = await startTestServer();
  const hall = await createHall(server, { members: 5, projects: 3, checkIn: 'all' });
  const b = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 } }));
  ok(await server.call('POST', `/api/ballots/${b.id}/open`, { token: hall.presiderToken }));
  for (const m of hall.members) {
    ok(await server.call('POST', `/api/ballots/${b.id}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices: { [hall.projectIds[0]]: 'yes', [hall.projectIds[1]]: 'yes' } } }));
  }
  for (const step of ['close', 'publish']) ok(await server.call('POST', `/api/ballots/${b.id}/${step}`, { token: hall.presiderToken }));
  const n = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/notices`, { token: hall.presiderToken, json: { ballotId: b.id } }));
  notice = ok(await server.call('GET', `/api/public/notices/${n.id}`));
  jws = (await server.call('GET', `/api/public/notices/${n.id}.jws`)).body as string;
  jwks = ok(await server.call('GET', '/api/public/keys'));
}, 90_000);
afterAll(async () => server?.close());

describe('notice signatures', () => {
  it('the signed notice verifies and equals the public page', async () => {
    const report = await verifyNotice(jws, jwks, notice);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.notice?.number).toBe(1);
    expect(report.notice?.text).toContain('项目1（赞成 5 票');
  });

  it('a changed copy or a changed signature fails', async () => {
    const changed = await verifyNotice(jws, jwks, { ...notice, text: `${String(notice.text)}（改）` });
    expect(changed.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['notice-copy']);
    const [h, p, s] = jws.split('.');
    const forged = Buffer.from(JSON.stringify({ ...notice, number: 2 })).toString('base64url');
    expect((await verifyNotice(`${h}.${forged}.${s}`, jwks)).checks[0]).toMatchObject({ id: 'signature', ok: false });
    expect((await verifyNotice(`${h}.${p}.${s}`, { keys: [] })).ok).toBe(false);
  });

  it('npm run verify -- --notice checks it from files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notice-'));
    writeFileSync(join(dir, 'notice.jws'), jws);
    writeFileSync(join(dir, 'keys.json'), JSON.stringify(jwks));
    writeFileSync(join(dir, 'notice.json'), JSON.stringify(notice));
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify({ ...notice, title: '伪造的公告' }));
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
    const good = run('--notice', join(dir, 'notice.jws'), '--jwks', join(dir, 'keys.json'), '--notice-json', join(dir, 'notice.json'));
    expect(good.stderr).toBe('');
    expect(good.stdout).toContain('全部核验通过');
    expect(good.status).toBe(0);
    const bad = run('--notice', join(dir, 'notice.jws'), '--jwks', join(dir, 'keys.json'), '--notice-json', join(dir, 'tampered.json'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('核验未通过');
    expect(run('--notice', join(dir, 'notice.jws')).status).toBe(1);
  }, 60_000);
});
