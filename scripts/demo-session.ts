// Plays a whole demo session against a running server with the demo county loaded:
// check-in to quorum, the voting-rules motion, the project selection with a tie and its runoff,
// the standing committee's satisfaction assessment, and publication of every result.
//   npx tsx scripts/demo-session.ts [http://127.0.0.1:3000]
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { demoCode } from '../server/demo/data.js';
import { demoLogins } from '../server/demo/seed.js';

type Call = (method: string, path: string, o?: { token?: string; json?: unknown }) => Promise<{ status: number; body: any }>;

export function httpCall(baseUrl: string): Call {
  return async (method, path, o = {}) => {
    const headers: Record<string, string> = {};
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + path, { method, headers, body: o.json === undefined ? undefined : JSON.stringify(o.json) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

async function must(p: Promise<{ status: number; body: any }>, what: string) {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const key = () => randomBytes(24).toString('base64url');

async function inBatches<T>(items: T[], size: number, fn: (item: T, i: number) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((x, j) => fn(x, i + j)));
}

/** Yes-votes per candidate in the selection: the 10th and 11th tie at 180, above half of 300. */
export const selectionYes = [290, 285, 280, 270, 260, 250, 240, 230, 200, 180, 180, 120];
/** 满意 / 基本满意 / 不满意 per project among 30 committee members: 满意, 基本满意, and exactly half → 不满意. */
/** The year-end round of the demo year's ten projects, [满意, 基本满意, 不满意] of the 30 committee members. */
export const satisfactionVotes = [[22, 6, 2], [20, 8, 2], [10, 8, 12], [18, 10, 2], [16, 12, 2], [19, 9, 2], [25, 4, 1], [12, 10, 8], [5, 10, 15], [21, 7, 2]];

export async function runDemoSession(call: Call, log: (s: string) => void = console.log) {
  const presider = (await must(call('POST', '/api/auth/login', { json: demoLogins.presider }), 'presider login')).token as string;
  const me = await must(call('GET', '/api/me', { token: presider }), 'me');
  const sessions = await must(call('GET', `/api/bodies/${me.user.bodyId}/sessions`, { token: presider }), 'sessions');
  const congress = sessions.find((s: any) => s.kind === 'congress');
  const committee = sessions.find((s: any) => s.kind === 'committee' && s.state === 'open');

  const memberTokens: string[] = [];
  await inBatches(Array.from({ length: 300 }, (_, i) => i), 25, async (i) => {
    memberTokens[i] = (await must(call('POST', '/api/auth/member-login', { json: { code: demoCode(i) } }), 'member login')).token;
  });
  await inBatches(memberTokens, 25, (t) => must(call('POST', `/api/sessions/${congress.id}/checkin`, { token: t }), 'check-in'));
  const s = await must(call('GET', `/api/sessions/${congress.id}`, { token: presider }), 'session');
  log(`签到 check-in: 实到 ${s.present} / 应到 ${s.rosterSize}, quorum met: ${s.quorum.met}`);

  const run = async (ballotId: string, votes: (i: number) => unknown, voters: string[]) => {
    await must(call('POST', `/api/ballots/${ballotId}/open`, { token: presider }), 'open');
    await inBatches(voters, 25, (t, i) => must(call('POST', `/api/ballots/${ballotId}/votes`, { token: t, json: { submissionKey: key(), choices: votes(i) } }), 'vote'));
    const closed = await must(call('POST', `/api/ballots/${ballotId}/close`, { token: presider }), 'close');
    await must(call('POST', `/api/ballots/${ballotId}/publish`, { token: presider }), 'publish');
    return closed.result;
  };

  const ballots = s.ballots as { id: string; kind: string; state: string }[];
  const motion = ballots.find((b) => b.kind === 'motion' && b.state === 'draft');
  if (motion) {
    const r = await run(motion.id, (i) => ({ vote: i < 280 ? 'yes' : i < 290 ? 'no' : 'abstain' }), memberTokens);
    log(`表决办法 motion: 赞成 ${r.yes} 反对 ${r.no} 弃权 ${r.abstain} → ${r.passed ? '通过' : '未通过'}`);
  }

  const selection = ballots.find((b) => b.kind === 'selection' && b.state === 'draft');
  if (selection) {
    const detail = await must(call('GET', `/api/ballots/${selection.id}`, { token: presider }), 'ballot');
    const ids = detail.options.map((o: any) => o.id) as string[];
    const r = await run(selection.id, (i) => Object.fromEntries(ids.map((id, j) => [id, i < selectionYes[j] ? 'yes' : i % 2 ? 'no' : 'abstain'])), memberTokens);
    log(`项目票决 selection: ${r.selected.length} selected, tied: ${r.tied.length}, shortfall ${r.shortfall}`);
    if (r.tied.length) {
      const runoff = await must(call('POST', `/api/sessions/${congress.id}/ballots`, { token: presider, json: { kind: 'selection', title: '2027 年度民生实事项目再次投票', runoffOf: selection.id } }), 'runoff');
      const [first, second] = runoff.options.map((o: any) => o.id);
      const rr = await run(runoff.id, (i) => ({ [first]: i < 200 ? 'yes' : 'no', [second]: i < 160 ? 'yes' : 'no' }), memberTokens);
      log(`再次投票 runoff: selected ${rr.selected.length} of ${rr.seats}`);
    }
  }

  const committeeMembers = memberTokens.filter((_, i) => i % 10 === 0);
  await inBatches(committeeMembers, 25, (t) => must(call('POST', `/api/sessions/${committee.id}/checkin`, { token: t }), 'committee check-in'));
  const c = await must(call('GET', `/api/sessions/${committee.id}`, { token: presider }), 'committee session');
  const satisfaction = (c.ballots as { id: string; kind: string; state: string }[]).find((b) => b.kind === 'satisfaction' && b.state === 'draft');
  if (satisfaction) {
    const detail = await must(call('GET', `/api/ballots/${satisfaction.id}`, { token: presider }), 'ballot');
    const ids = detail.options.map((o: any) => o.id) as string[];
    const grade = (counts: number[], i: number) => (i < counts[0] ? 'satisfied' : i < counts[0] + counts[1] ? 'basic' : 'unsatisfied');
    const r = await run(satisfaction.id, (i) => Object.fromEntries(ids.map((id, j) => [id, grade(satisfactionVotes[j], i)])), committeeMembers);
    log(`满意度测评 satisfaction: ${r.options.map((o: any) => `${o.title} ${o.grade}`).join('; ')}`);
  }
  return { congressId: congress.id, committeeId: committee.id };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runDemoSession(httpCall(process.argv[2] ?? 'http://127.0.0.1:3000')).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
