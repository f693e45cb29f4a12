// A small city for the portal tests: city C with two counties A and B below it, projects selected by real
// published ballots, suggestions adopted into a project, plan, progress, supervision, inspection, grades.
import { createHall, departmentToken, ok, submissionKey, type Hall } from '../helpers/fixtures.js';
import type { TestServer } from '../helpers/server.js';

export interface City {
  cityId: string; a: Hall; b: Hall; deptA: string;
  /** A: a0 selected (in progress, supervised, graded 满意), a1 selected and done, a2 not selected, aSug selected with 2 suggestions; aDraft not public */
  ids: { a0: string; a1: string; a2: string; aSug: string; aDraft: string; b0: string; b1: string };
  trackingCodes: string[]; contacts: string[]; ballots: string[];
}

export async function ballot(server: TestServer, hall: Hall, json: object, choices: (i: number) => object) {
  const p = { token: hall.presiderToken };
  const b = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...p, json }));
  ok(await server.call('POST', `/api/ballots/${b.id}/open`, p));
  for (const [i, m] of hall.members.entries()) ok(await server.call('POST', `/api/ballots/${b.id}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices: choices(i) } }));
  ok(await server.call('POST', `/api/ballots/${b.id}/close`, p));
  ok(await server.call('POST', `/api/ballots/${b.id}/publish`, p));
  return b.id as string;
}

export async function buildCity(server: TestServer): Promise<City> {
  const admin = { token: server.adminToken };
  const cityId = ok(await server.call('POST', '/api/bodies', { ...admin, json: { name: `市人大${Date.now()}`, level: 'city' } })).id as string;
  const a = await createHall(server, { members: 6, projects: 3, checkIn: 'all', parentId: cityId });
  const b = await createHall(server, { members: 4, projects: 2, checkIn: 'all', parentId: cityId });
  const day = 86_400_000;
  ok(await server.call('POST', `/api/bodies/${a.bodyId}/collection`, { ...admin, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() } }));
  const contacts = ['13800138000', 'someone@example.cn'];
  const trackingCodes: string[] = [];
  const suggestionIds: string[] = [];
  for (const [i, contact] of contacts.entries()) {
    const s = ok(await server.call('POST', `/api/bodies/${a.bodyId}/suggestions`, { json: { title: `幸福路口加装信号灯${i}`, description: '过马路危险', category: '交通出行', contact } }));
    trackingCodes.push(s.trackingCode);
    suggestionIds.push(s.id);
  }
  // one more, not adopted, from a representative: counted by channel, never shown
  trackingCodes.push(ok(await server.call('POST', `/api/bodies/${a.bodyId}/suggestions`, { token: a.members[0].token, json: { title: '社区食堂', description: '老人吃饭难', category: '养老服务' } })).trackingCode);
  const aSug = ok(await server.call('POST', `/api/bodies/${a.bodyId}/projects`, { ...admin, json: {
    year: 2027, title: '幸福路口信号灯, "安全" 工程\n二期', description: '说明', category: '交通出行', department: '交通局', investment: 50.5, suggestionIds,
  } })).id as string;
  const aDraft = ok(await server.call('POST', `/api/bodies/${a.bodyId}/projects`, { ...admin, json: { year: 2027, title: '草稿项目', description: '说明', category: '教育', department: '教育局' } })).id as string;
  const [a0, a1, a2] = a.projectIds;
  const [b0, b1] = b.projectIds;
  const ballots: string[] = [];
  ballots.push(await ballot(server, a, { kind: 'selection', title: 'A票决', projectIds: [a0, a1, a2, aSug], seats: 3 }, () => ({ [a0]: 'yes', [a1]: 'yes', [a2]: 'no', [aSug]: 'yes' })));
  ballots.push(await ballot(server, b, { kind: 'selection', title: 'B票决', projectIds: [b0, b1], seats: 1 }, (i) => ({ [b0]: 'yes', [b1]: i ? 'no' : 'yes' })));
  const deptA = await departmentToken(server, a.bodyId, '教育局');
  const dept = { token: deptA };
  ok(await server.call('PUT', `/api/projects/${a0}/plan`, { ...dept, json: { targets: ['新建幼儿园 1 所'], milestones: [{ title: '开工', due: '2099-03-31' }], funding: '县级财政 100 万元', completionDate: '2099-12-31' } }));
  ok(await server.call('POST', `/api/projects/${a0}/progress`, { ...dept, json: { percent: 20, milestone: '开工', note: '已开工', date: '2027-03-01' } }));
  ok(await server.call('POST', `/api/projects/${a0}/progress`, { ...dept, json: { percent: 60, note: '主体施工', date: '2027-06-01' } }));
  ok(await server.call('POST', `/api/projects/${a1}/progress`, { ...dept, json: { percent: 100, note: '全面完工', date: '2027-05-01' } }));
  ok(await server.call('PUT', `/api/projects/${a0}/supervisors`, { ...admin, json: { memberIds: [a.members[0].id, a.members[1].id], leadMemberId: a.members[1].id } }));
  ok(await server.call('POST', `/api/projects/${a0}/inspections`, { token: a.members[0].token, json: { date: '2027-04-10', findings: '施工进度正常' } }));
  ballots.push(await ballot(server, a, { kind: 'satisfaction', title: 'A年中测评', projectIds: [a0, a1], round: 'midyear' }, (i) => ({ [a0]: i < 4 ? 'satisfied' : 'basic', [a1]: i < 2 ? 'satisfied' : 'basic' })));
  return { cityId, a, b, deptA, ids: { a0, a1, a2, aSug, aDraft, b0, b1 }, trackingCodes, contacts, ballots };
}
