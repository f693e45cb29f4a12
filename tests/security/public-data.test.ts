// QUALITY.md "public data": after a full session, what anyone can read without signing in — /api/public/…,
// /api/bodies, and each ballot's /result, /box and /result.jws — never holds a sign-in code, a password
// hash, a key hash, a server secret, a submission key, a member id next to a receipt, or any count of a
// ballot that is not published (the live tally while open, the result once closed but not yet published).
// Nor a suggestion's private contact, or which representative sent it, or a representative's phone. (Members'
// ids and names are public where the public roster shows them: 代表亮身份, cards, who is on duty.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey, type Hall } from '../helpers/fixtures.js';
import { rowsOf } from '../../server/db/connect.js';
import { members } from '../../server/db/schema.js';
import { eq } from 'drizzle-orm';

let server: TestServer;
let hall: Hall;
const sentKeys: string[] = [];
const receipts: string[] = [];
const ids = { selection: '', satisfaction: '', named: '', closedUnpublished: '', open: '' };
let regenerated = '';
const contacts = ['13912345678', 'resident@example.cn'];
const trackingCodes: string[] = [];
let adopted = '';
const deviceKeys: string[] = [];
const repPhone = '13700001234';

async function runBallot(json: object, choices: (i: number) => unknown, end: 'published' | 'closed' | 'open') {
  const p = { token: hall.presiderToken };
  const b = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...p, json }));
  ok(await server.call('POST', `/api/ballots/${b.id}/open`, p));
  for (const [i, m] of hall.members.slice(0, 8).entries()) {
    const key = submissionKey();
    sentKeys.push(key);
    const r = ok(await server.call('POST', `/api/ballots/${b.id}/votes`, { token: m.token, json: { submissionKey: key, choices: choices(i) } }));
    receipts.push(r.receipt);
  }
  if (end === 'open') return b.id as string;
  ok(await server.call('POST', `/api/ballots/${b.id}/close`, p));
  if (end === 'published') ok(await server.call('POST', `/api/ballots/${b.id}/publish`, p));
  return b.id as string;
}

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  hall = await createHall(server, { members: 10, projects: 4, checkIn: 'all' });
  const [a, b, c, d] = hall.projectIds;
  ids.selection = await runBallot({ kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 }, (i) => ({ [a]: 'yes', [b]: i % 2 ? 'yes' : 'no', [c]: 'abstain' }), 'published');
  ids.satisfaction = await runBallot({ kind: 'satisfaction', title: '测评', projectIds: [a, b] }, (i) => ({ [a]: 'satisfied', [b]: i % 3 ? 'basic' : 'unsatisfied' }), 'published');
  ids.named = await runBallot({ kind: 'motion', title: '记名表决', question: '通过？', secret: false }, () => ({ vote: 'yes' }), 'published');
  ids.closedUnpublished = await runBallot({ kind: 'motion', title: '未公布', question: '通过？' }, (i) => ({ vote: i % 2 ? 'yes' : 'no' }), 'closed');
  ids.open = await runBallot({ kind: 'selection', title: '进行中', projectIds: [c, d], seats: 1 }, () => ({ [c]: 'yes', [d]: 'no' }), 'open');
  regenerated = ok(await server.call('POST', `/api/members/${hall.members[9].id}/code`, { token: server.adminToken })).code;
  const day = 86_400_000;
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: server.adminToken, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() } }));
  const station = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/stations`, { token: server.adminToken, json: { name: '联络站' } }));
  const suggest = async (json: object, token?: string) => trackingCodes.push(ok(await server.call('POST', `/api/bodies/${hall.bodyId}/suggestions`, { token, json: { title: '幸福路口加装信号灯', description: '过马路危险', category: '交通出行', ...json } })).trackingCode);
  await suggest({ contact: contacts[0] });
  await suggest({ contact: contacts[1], channel: 'station', stationId: station.id });
  await suggest({ contact: contacts[0] }, hall.members[1].token);
  // A project adopting the suggestions with contacts (its page counts them, never shows them), and public
  // ratings of a finished project (their device keys are never shown).
  const inbox = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions`, { token: server.adminToken }));
  const suggestionIds = (Array.isArray(inbox) ? inbox : inbox.items).map((x: { id: string }) => x.id);
  adopted = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: server.adminToken, json: { year: 2027, title: '信号灯', description: '说明', category: '交通出行', department: '交通局', suggestionIds } })).id;
  ok(await server.call('PUT', `/api/projects/${adopted}/assessment`, { token: server.adminToken, json: { feasible: true, reason: '可行', investment: 10, completionDate: '2027-12-31' } }));
  const list = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: server.adminToken, json: { year: 2027, projectIds: [adopted], seats: 1 } }));
  ok(await server.call('POST', `/api/candidate-lists/${list.id}/approve`, { token: server.adminToken, json: { meeting: '第1次主任会议' } }));
  // 代表码: a representative with a phone, on duty, sent a suggestion with 通知我, who answered it
  await server.ctx.db.update(members).set({ phone: repPhone }).where(eq(members.id, hall.members[0].id));
  ok(await server.call('PUT', `/api/stations/${station.id}/duty`, { token: server.adminToken, json: { slots: [{ date: '2027-08-16', memberIds: [hall.members[0].id] }] } }));
  await suggest({ contact: contacts[0], channel: 'rep_code', repId: hall.members[0].id, notify: true });
  const [toRep] = ok(await server.call('GET', '/api/me/inbox', { token: hall.members[0].token }));
  ok(await server.call('POST', `/api/suggestions/${toRep.id}/reply`, { token: hall.members[0].token, json: { text: '已收到，正在协调。' } }));
  ok(await server.call('POST', `/api/projects/${a}/progress`, { token: server.adminToken, json: { percent: 100, note: '完工', date: '2027-06-01' } }));
  for (const comment of ['很好', undefined]) {
    const deviceKey = `dk${Math.random().toString(36).slice(2)}xxxxxxxxxxxxxxxxxxxx`;
    deviceKeys.push(deviceKey);
    const r = ok(await server.call('POST', `/api/public/projects/${a}/ratings`, { json: { grade: 'satisfied', deviceKey, ...(comment ? { comment } : {}) } }));
    if (comment) ok(await server.call('PUT', `/api/ratings/${r.id}`, { token: server.adminToken, json: { visible: true } }));
  }
}, 90_000);
afterAll(async () => { await server?.close(); });

/** Every public read, as an anonymous client: path → status and raw text. */
async function publicReads() {
  const paths = [
    '/api/bodies', '/api/public/keys',
    `/api/public/bodies/${hall.bodyId}/projects`, `/api/public/bodies/${hall.bodyId}/projects?year=2027`, `/api/public/bodies/${hall.bodyId}/results`,
    ...Object.values(ids).flatMap((id) => [`/api/ballots/${id}/result`, `/api/ballots/${id}/box`, `/api/ballots/${id}/result.jws`]),
    `/api/public/bodies/${hall.bodyId}/collection`, `/api/public/bodies/${hall.bodyId}/stations`,
    `/api/public/bodies/${hall.bodyId}/representatives`, ...hall.members.slice(0, 2).map((m) => `/api/public/members/${m.id}`),
    `/api/public/bodies/${hall.bodyId}/similar?text=${encodeURIComponent('幸福路信号灯')}`,
    ...trackingCodes.map((code) => `/api/suggestions/${code}`),
    // the public portal: project pages, stats, exports and their digests
    ...[...hall.projectIds, adopted].map((id) => `/api/public/projects/${id}`),
    `/api/public/bodies/${hall.bodyId}/stats`, `/api/public/bodies/${hall.bodyId}/stats?year=2027`,
    `/api/public/bodies/${hall.bodyId}/export.csv`, `/api/public/bodies/${hall.bodyId}/export.json`,
    `/api/public/bodies/${hall.bodyId}/export.csv.sha256`, `/api/public/bodies/${hall.bodyId}/export.json.sha256?year=2027`,
    // published evaluations and the combined satisfaction rule (issue 24)
    `/api/public/bodies/${hall.bodyId}/evaluations`, `/api/public/bodies/${hall.bodyId}/satisfaction-rule`,
  ];
  const out: { path: string; status: number; text: string }[] = [];
  for (const path of paths) {
    const res = await fetch(server.url + path);
    let text = await res.text();
    // A JWS carries its payload in base64url: read it as the text it encodes too.
    if (path.endsWith('.jws') && res.status === 200) text += `\n${text.split('.').slice(0, 2).map((p) => Buffer.from(p, 'base64url').toString()).join('\n')}`;
    out.push({ path, status: res.status, text });
  }
  return out;
}

async function column(q: string): Promise<string[]> {
  return rowsOf<{ v: string }>(await server.database.db.execute(sql.raw(q))).map((r) => r.v).filter((v) => typeof v === 'string' && v.length >= 6);
}

describe('what the public can read', () => {
  it('never holds a code, a hash, a secret, a submission key, or a member id beside a receipt', async () => {
    const reads = await publicReads();
    const texts = reads.filter((r) => r.status === 200);
    expect(texts.length).toBeGreaterThanOrEqual(15);
    const forbidden: [string, string[]][] = [
      ['sign-in code', [...hall.members.map((m) => m.code), regenerated]],
      ['password hash', await column('select password_hash as v from users')],
      ['sign-in code hash', await column('select code_hash as v from members')],
      ['roll key hash', await column('select key_hash as v from ballot_roll')],
      ['server secret', await column('select value as v from server_secrets where name <> \'signing_public_key\'')],
      ['submission key', sentKeys],
      ['suggestion contact', contacts],
      ['rating device key', deviceKeys],
      ['rating key hash', await column('select key_hash as v from public_ratings')],
      ['representative\'s phone', [repPhone]],
    ];
    const privateJwk = JSON.parse((await column('select value as v from server_secrets where name = \'signing_key\''))[0]);
    forbidden.push(['signing key (d)', [privateJwk.d]]);
    expect(forbidden.every(([, list]) => list.length > 0)).toBe(true);
    const leaks: string[] = [];
    for (const r of reads) {
      for (const [what, list] of forbidden) for (const v of list) if (r.text.includes(v)) leaks.push(`${r.path} holds a ${what}`);
      if (r.status < 300 && /scrypt\$|"passwordHash"|"password_hash"|"codeHash"|"code_hash"|"keyHash"|"key_hash"|"submissionKey"|"code"\s*:/.test(r.text)) leaks.push(`${r.path} names a secret field`);
      if (r.path === '/api/public/keys' && /"d"\s*:/.test(r.text)) leaks.push('the JWKS holds a private key');
    }
    expect(leaks).toEqual([]);
  });

  it('the portal\'s pages and exports hold no tracking code either, and show the adopted project\'s supporters', async () => {
    const reads = (await publicReads()).filter((r) => !r.path.startsWith('/api/suggestions/'));
    expect(reads.filter((r) => r.path.includes('/export.') && r.status === 200)).toHaveLength(4);
    for (const r of reads) for (const code of trackingCodes) expect(r.text.includes(code), r.path).toBe(false);
    const page = JSON.parse(reads.find((r) => r.path === `/api/public/projects/${adopted}`)!.text);
    expect(page).toMatchObject({ status: 'candidate', suggestions: 3, supporters: 3 });
    expect(page.timeline.map((e: { stage: string }) => e.stage)).toEqual(['suggested', 'listed']);
  });

  it('never puts a member id in the same answer as a receipt; only a named motion and the public roster name members', async () => {
    const reads = await publicReads();
    // 代表亮身份: the representatives, their cards and who is on duty at the stations
    const roster = (path: string) => /\/representatives$|\/public\/members\/|\/stations$/.test(path);
    expect(reads.filter((r) => roster(r.path) && hall.members.some((m) => r.text.includes(m.id))).length).toBe(4);
    const memberIds = hall.members.map((m) => m.id);
    const problems: string[] = [];
    for (const r of reads) {
      const hasReceipt = receipts.some((x) => r.text.includes(x));
      const members = memberIds.filter((id) => r.text.includes(id));
      if (hasReceipt && members.length) problems.push(`${r.path}: receipts and member ids together`);
      if (members.length && !r.path.startsWith(`/api/ballots/${ids.named}/result`) && !roster(r.path)) problems.push(`${r.path}: names members`);
    }
    expect(problems).toEqual([]);
    // The published secret boxes hold every receipt; the named motion's box holds none.
    const box = (id: string) => reads.find((r) => r.path === `/api/ballots/${id}/box`)!;
    expect(receipts.slice(0, 8).every((x) => box(ids.selection).text.includes(x))).toBe(true);
    expect(JSON.parse(box(ids.named).text).entries).toEqual([]);
    // …and the named motion's published result does name its voters, as a 记名 vote must.
    expect(memberIds.slice(0, 8).every((id) => reads.find((r) => r.path === `/api/ballots/${ids.named}/result`)!.text.includes(id))).toBe(true);
  });

  it('shows no count of a ballot before it is published: neither the live tally nor a closed result', async () => {
    const reads = await publicReads();
    for (const id of [ids.open, ids.closedUnpublished]) {
      const own = reads.filter((r) => r.path.startsWith(`/api/ballots/${id}/`));
      for (const r of own) {
        expect(r.status, r.path).toBeGreaterThanOrEqual(400);
        expect(Object.keys(JSON.parse(r.text)), r.path).toEqual(['error']);
      }
      expect(own.find((r) => r.path.endsWith('/result'))!.status).toBe(403);
      expect(own.find((r) => r.path.endsWith('/result.jws'))!.status).toBe(403);
      // Nothing else public mentions it at all (the results list holds published ballots only).
      for (const r of reads.filter((x) => !x.path.startsWith(`/api/ballots/${id}/`) && x.status === 200)) expect(r.text.includes(id), r.path).toBe(false);
    }
    expect(reads.find((r) => r.path === `/api/ballots/${ids.open}/box`)!.status).toBe(409);
    expect(reads.find((r) => r.path === `/api/ballots/${ids.closedUnpublished}/box`)!.status).toBe(403);
    // Members (not staff) reading the open ballot do not see its tally either.
    const asMember = ok(await server.call('GET', `/api/ballots/${ids.open}`, { token: hall.members[0].token }));
    expect(asMember.tally).toBeUndefined();
    expect(asMember.result).toBeUndefined();
    // The published ones are listed.
    const list = JSON.parse(reads.find((r) => r.path.endsWith('/results'))!.text) as { ballotId: string }[];
    expect(list.map((b) => b.ballotId).sort()).toEqual([ids.selection, ids.satisfaction, ids.named].sort());
  });
});
