// QUALITY.md "who may do what": every route × nine test roles (roles-world.ts). Who is allowed comes from the
// route's own definition (server/routes.ts `apiRoutes`, the one that guards it and that the API reference
// and GET /api/openapi.json are made from): `public` → all nine but the big screen (its token reads its own
// session and nothing else: a route lets it in only by naming `screen`), `admin` → admin, `presider` → presider,
// `department` → department, `member` → member and memberOff, `screen` → screen. Staff of another body are
// refused (403 `other_body`) wherever a route acts on one body's things; a row whose route acts on none says
// so (`otherBody`, only where the definition names `admin`). A row may only NARROW the derived set for its
// situation, each time with its reason. Exactly the allowed roles succeed (2xx); the others are refused with
// 401 (no valid token), 403, or the status the row names (e.g. 403 `not_published`, 409 `ballot_not_closed`).
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { ok, submissionKey } from '../helpers/fixtures.js';
import { createApp } from '../../server/app.js';
import { apiRoutes } from '../../server/routes.js';
import type { Caller } from '../../server/core/principal.js';
import type { RouteDef } from '../../server/http/route.js';
import { ballotIn, call, deviceKey, failedNotice, freshSession, newHearing, newList, newProject, newReferral, newSuggestion, newTask, reservableProject, reservableSuggestion, roles, setUpWorld, uniq, w, type Role } from './roles-world.js';

interface Request { path: string; json?: unknown; csv?: string; png?: Uint8Array; pdf?: Uint8Array }
interface Narrowing { to: Role[]; why: string }
interface Row {
  method: 'GET' | 'POST' | 'PUT';
  route: string;
  /** which situation, when one route has several rows */
  when?: string;
  /** fewer roles than the definition names, in this situation, and why */
  narrow?: Narrowing;
  /** the route acts on no body's things: the admin of another body may call it too (its definition names `admin`) */
  otherBody?: string;
  /** builds the request; `fresh` rows get a new fixture after every success (the success changed it) */
  request: () => Promise<Request> | Request;
  fresh?: boolean;
  /** the refusal status per role when it is not the default (401 for none/public, 403 for the rest) */
  refused?: Partial<Record<Role, number>> | number;
  /** an extra condition for a 2xx to count as "allowed" (e.g. the live tally is in the answer) */
  succeeded?: (body: any) => boolean;
  note?: string;
}

const only = (why: string, ...to: Role[]): Narrowing => ({ to, why });
const byRole: Record<Caller, readonly Role[]> = {
  public: roles.filter((r) => r !== 'screen'), admin: ['admin'], presider: ['presider'], department: ['department'], member: ['member', 'memberOff'], screen: ['screen'],
};
const key = (method: string, path: string) => `${method} ${path}`;
const definitions = new Map<string, RouteDef>(apiRoutes.map((d) => [key(d.method, `/api${d.path}`), d]));
const definitionOf = (row: Row) => definitions.get(key(row.method, row.route));

/** The roles the definition lets in, before the row narrows them. */
function derived(row: Row): Role[] {
  const def = definitionOf(row);
  if (!def) return [];
  const set = new Set<Role>(def.roles.flatMap((r) => byRole[r]));
  if (row.otherBody && def.roles.includes('admin')) set.add('otherAdmin');
  return roles.filter((r) => set.has(r));
}
const allowed = (row: Row): Role[] => derived(row).filter((r) => !row.narrow || row.narrow.to.includes(r));

let windowSlot = 0;
beforeAll(setUpWorld, 90_000);
afterAll(async () => { await w.server?.close(); });

const table: Row[] = [
  // Auth
  { method: 'POST', route: '/api/auth/login', request: () => ({ path: '/api/auth/login', json: { username: w.presiderName, password: 'role-password' } }) },
  { method: 'POST', route: '/api/auth/member-login', request: () => ({ path: '/api/auth/member-login', json: { code: w.codes[5] } }) },
  { method: 'GET', route: '/api/me', otherBody: 'who the caller is: no body\'s things', request: () => ({ path: '/api/me' }), note: 'not in API.md' },
  // Bodies, users, members
  { method: 'GET', route: '/api/bodies', request: () => ({ path: '/api/bodies' }) },
  { method: 'POST', route: '/api/bodies', request: () => ({ path: '/api/bodies', json: { name: uniq('乡'), level: 'township', parentId: w.B } }) },
  { method: 'POST', route: '/api/users', request: () => ({ path: '/api/users', json: { username: uniq('u'), password: 'long-password', role: 'presider', bodyId: w.B } }) },
  { method: 'POST', route: '/api/bodies/:bodyId/members', request: () => ({ path: `/api/bodies/${w.B}/members`, json: { members: [{ name: '新代表' }] } }) },
  { method: 'POST', route: '/api/bodies/:bodyId/members/import', request: () => ({ path: `/api/bodies/${w.B}/members/import`, csv: 'name,delegation,kind\n新代表,第一代表团,rep\n' }) },
  { method: 'GET', route: '/api/bodies/:bodyId/members', request: () => ({ path: `/api/bodies/${w.B}/members` }) },
  { method: 'POST', route: '/api/members/:memberId/code', request: () => ({ path: `/api/members/${w.memberIds[7]}/code` }), note: 'regeneration ("shown only here and on regeneration")' },
  // Collection
  { method: 'POST', route: '/api/bodies/:bodyId/projects', request: () => ({ path: `/api/bodies/${w.B}/projects`, json: { year: 2027, title: '新项目', description: '说明', category: '教育', department: '教育局' } }) },
  { method: 'GET', route: '/api/bodies/:bodyId/projects', request: () => ({ path: `/api/bodies/${w.B}/projects` }), note: 'not in API.md (staff list, drafts included)' },
  { method: 'GET', route: '/api/public/bodies/:bodyId/projects', request: () => ({ path: `/api/public/bodies/${w.B}/projects?year=2027&limit=2&offset=1` }), note: 'paged (docs/PAGING.md); the whole list: tests/portal/paging.test.ts' },
  { method: 'POST', route: '/api/bodies/:bodyId/collection', fresh: true, request: () => {
    const opens = Date.UTC(2090, 0, 1) + windowSlot++ * 2 * 86_400_000;
    return { path: `/api/bodies/${w.B}/collection`, json: { year: 2090, opensAt: new Date(opens).toISOString(), closesAt: new Date(opens + 86_400_000).toISOString() } };
  } },
  { method: 'GET', route: '/api/bodies/:bodyId/collection', request: () => ({ path: `/api/bodies/${w.B}/collection` }), note: 'not in API.md (the windows, for staff)' },
  { method: 'GET', route: '/api/public/bodies/:bodyId/collection', request: () => ({ path: `/api/public/bodies/${w.B}/collection` }) },
  { method: 'POST', route: '/api/bodies/:bodyId/stations', request: () => ({ path: `/api/bodies/${w.B}/stations`, json: { name: uniq('联络站') } }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/stations', request: () => ({ path: `/api/public/bodies/${w.B}/stations` }) },
  { method: 'POST', route: '/api/bodies/:bodyId/suggestions', request: () => ({ path: `/api/bodies/${w.B}/suggestions`, json: { title: '建议增设公交站', description: '说明', category: '交通出行' } }),
    note: 'public; a member\'s token makes it channel rep, a department user\'s channel department' },
  { method: 'GET', route: '/api/public/bodies/:bodyId/similar', request: () => ({ path: `/api/public/bodies/${w.B}/similar?text=${encodeURIComponent('信号灯')}` }) },
  { method: 'GET', route: '/api/me/suggestions', otherBody: 'what the caller sent: no body\'s things', request: () => ({ path: '/api/me/suggestions' }), note: 'not in API.md (what the caller sent)' },
  { method: 'GET', route: '/api/suggestions/:code', request: () => ({ path: `/api/suggestions/${w.tracked.trackingCode}` }) },
  { method: 'GET', route: '/api/bodies/:bodyId/suggestions', request: () => ({ path: `/api/bodies/${w.B}/suggestions?year=2027` }) },
  { method: 'GET', route: '/api/suggestions/:id/similar', request: () => ({ path: `/api/suggestions/${w.tracked.id}/similar` }) },
  { method: 'POST', route: '/api/suggestions/:id/merge', fresh: true, request: async () => {
    const [a, b] = [await newSuggestion(), await newSuggestion()];
    return { path: `/api/suggestions/${a.id}/merge`, json: { into: b.id } };
  } },
  { method: 'POST', route: '/api/bodies/:bodyId/suggestions/merge', fresh: true, request: async () => {
    const [a, b] = [await newSuggestion(), await newSuggestion()];
    return { path: `/api/bodies/${w.B}/suggestions/merge`, json: { into: b.id, ids: [a.id] } };
  }, note: 'not in API.md (merge several at once)' },
  { method: 'PUT', route: '/api/suggestions/:id/status', fresh: true, request: async () => ({ path: `/api/suggestions/${(await newSuggestion()).id}/status`, json: { status: 'referred', reason: '转交县交通局' } }) },
  { method: 'POST', route: '/api/bodies/:bodyId/suggestions/status', fresh: true,
    request: async () => ({ path: `/api/bodies/${w.B}/suggestions/status`, json: { ids: [(await newSuggestion()).id], status: 'not_adopted', reason: '不属于民生实事范围' } }), note: 'not in API.md (several at once)' },
  // Representatives and residents: 代表码, duty rosters
  { method: 'GET', route: '/api/public/bodies/:bodyId/representatives', request: () => ({ path: `/api/public/bodies/${w.B}/representatives` }) },
  { method: 'GET', route: '/api/public/members/:id', request: () => ({ path: `/api/public/members/${w.memberIds[0]}` }) },
  { method: 'PUT', route: '/api/stations/:id/duty', request: () => ({ path: `/api/stations/${w.reps.station}/duty`, json: { slots: [{ date: '2027-08-16', memberIds: [w.memberIds[1]] }] } }) },
  { method: 'GET', route: '/api/bodies/:bodyId/duty', request: () => ({ path: `/api/bodies/${w.B}/duty?from=2027-08-15&days=7` }), note: 'not in API.md (the rosters for the staff\'s week grid)' },
  { method: 'GET', route: '/api/me/inbox', request: () => ({ path: '/api/me/inbox' }), note: 'each member reads their own (memberOff\'s is empty)' },
  { method: 'POST', route: '/api/suggestions/:id/reply', narrow: only('memberOff is not the representative it was sent to: 403 not_your_suggestion', 'member'),
    request: () => ({ path: `/api/suggestions/${w.reps.toMember}/reply`, json: { text: '已收到，正在协调。' } }) },
  // 交办—反馈—回访 (referrals): open with a department, the department's list, the staff's list, answer, return call
  { method: 'PUT', route: '/api/suggestions/:id/status', when: 'referred to a department (opens a 交办单)', fresh: true,
    request: async () => ({ path: `/api/suggestions/${(await newSuggestion()).id}/status`, json: { status: 'referred', reason: '部门职责', department: '教育局', due: '2027-09-30' } }) },
  { method: 'GET', route: '/api/me/referrals', request: () => ({ path: '/api/me/referrals' }), note: 'the department\'s own referrals, never the contact' },
  { method: 'GET', route: '/api/bodies/:bodyId/referrals', request: () => ({ path: `/api/bodies/${w.B}/referrals?state=open` }), note: 'not in API.md (the staff\'s 交办 list)' },
  { method: 'POST', route: '/api/referrals/:id/answer', when: 'referred to the department\'s own department',
    request: () => ({ path: `/api/referrals/${w.referrals.own}/answer`, json: { text: '已列入计划，年内办结' } }), note: 'answering again adds a later answer' },
  { method: 'POST', route: '/api/referrals/:id/answer', when: 'referred to another department', narrow: only('a department user of another department: 403 not_your_department', 'admin'),
    request: () => ({ path: `/api/referrals/${w.referrals.foreign}/answer`, json: { text: '已办理' } }) },
  { method: 'POST', route: '/api/referrals/:id/visit', fresh: true,
    request: async () => ({ path: `/api/referrals/${await newReferral({ answered: true })}/visit`, json: { date: '2027-08-20', satisfied: true, note: '电话回访，满意' } }) },
  // Screening
  { method: 'PUT', route: '/api/projects/:id', request: () => ({ path: `/api/projects/${w.screening.draft}`, json: { title: '修改后的项目' } }), note: 'not in API.md (edit a draft)' },
  { method: 'POST', route: '/api/projects/:id/withdraw', fresh: true, request: async () => ({ path: `/api/projects/${await newProject()}/withdraw` }), note: 'not in API.md (withdraw a draft)' },
  { method: 'PUT', route: '/api/projects/:id/assessment', when: 'the department\'s own project',
    request: () => ({ path: `/api/projects/${w.screening.draft}/assessment`, json: { feasible: true, reason: '条件具备', investment: 200, completionDate: '2027-11-30' } }) },
  { method: 'PUT', route: '/api/projects/:id/assessment', when: 'department of another project', narrow: only('a department user of another department: 403 not_your_department', 'admin'),
    request: () => ({ path: `/api/projects/${w.screening.foreign}/assessment`, json: { feasible: false, reason: '当年无法完成', investment: 200, completionDate: '2027-11-30' } }),
    note: 'a department user whose department is not the project\'s is refused' },
  { method: 'PUT', route: '/api/projects/:id/screening', request: () => ({ path: `/api/projects/${w.screening.draft}/screening`, json: { exclusions: { debtRisk: false } } }), note: 'not in API.md (exclusion checklist)' },
  { method: 'GET', route: '/api/me/assessments', request: () => ({ path: '/api/me/assessments' }), note: 'not in API.md (the department\'s worklist)' },
  { method: 'POST', route: '/api/bodies/:bodyId/candidate-lists', request: async () => ({ path: `/api/bodies/${w.B}/candidate-lists`, json: { year: 2027, projectIds: [await newProject({ assessed: true })], seats: 1 } }) },
  { method: 'GET', route: '/api/bodies/:bodyId/candidate-lists', request: () => ({ path: `/api/bodies/${w.B}/candidate-lists` }), note: 'not in API.md' },
  { method: 'GET', route: '/api/candidate-lists/:id', request: () => ({ path: `/api/candidate-lists/${w.screening.list}` }), note: 'not in API.md' },
  { method: 'POST', route: '/api/candidate-lists/:id/approve', fresh: true, request: async () => ({ path: `/api/candidate-lists/${await newList('draft')}/approve`, json: { meeting: '第2次主任会议' } }) },
  { method: 'POST', route: '/api/candidate-lists/:id/ballots', fresh: true, request: async () => ({ path: `/api/candidate-lists/${await newList('approved')}/ballots`, json: { sessionId: w.S } }) },
  { method: 'POST', route: '/api/sessions/:id/notices', request: () => ({ path: `/api/sessions/${w.S}/notices`, json: { ballotId: w.ballots.published } }), note: 'asking again answers the same notice (200)' },
  { method: 'GET', route: '/api/public/bodies/:bodyId/notices', request: () => ({ path: `/api/public/bodies/${w.B}/notices` }) },
  { method: 'GET', route: '/api/public/notices/:id', request: () => ({ path: `/api/public/notices/${w.screening.notice}` }) },
  { method: 'GET', route: '/api/public/notices/:id', when: '.jws', request: () => ({ path: `/api/public/notices/${w.screening.notice}.jws` }) },
  // Implementation and supervision
  { method: 'PUT', route: '/api/projects/:id/plan', when: 'the department\'s own project',
    request: () => ({ path: `/api/projects/${w.impl.own}/plan`, json: { targets: ['目标'], milestones: [{ title: '开工', due: '2027-03-31' }], funding: '县级财政', completionDate: '2027-12-31' } }) },
  { method: 'PUT', route: '/api/projects/:id/plan', when: 'department of another project', narrow: only('a department user of another department: 403 not_your_department', 'admin'),
    request: () => ({ path: `/api/projects/${w.impl.foreign}/plan`, json: { targets: [], milestones: [], funding: '县级财政', completionDate: '2027-12-31' } }) },
  { method: 'POST', route: '/api/projects/:id/progress', when: 'the department\'s own project',
    request: () => ({ path: `/api/projects/${w.impl.own}/progress`, json: { percent: 20, note: '已开工', date: '2027-03-01' } }) },
  { method: 'POST', route: '/api/projects/:id/progress', when: 'department of another project', narrow: only('a department user of another department: 403 not_your_department', 'admin'),
    request: () => ({ path: `/api/projects/${w.impl.foreign}/progress`, json: { percent: 20, note: '已开工', date: '2027-03-01' } }) },
  { method: 'GET', route: '/api/projects/:id/implementation', when: 'the department\'s own project', request: () => ({ path: `/api/projects/${w.impl.own}/implementation` }),
    note: 'not in API.md: plan, reports, group, inspections, grades for the carrier, staff and members of the body (what members read before they rate)' },
  { method: 'GET', route: '/api/projects/:id/implementation', when: 'department of another project', narrow: only('a department user of another department: 403', 'member', 'memberOff', 'presider', 'admin'), request: () => ({ path: `/api/projects/${w.impl.foreign}/implementation` }) },
  { method: 'GET', route: '/api/bodies/:bodyId/implementation', request: () => ({ path: `/api/bodies/${w.B}/implementation?year=2027` }),
    note: 'not in API.md: the year\'s projects with execution, groups, inspections, grades and the dashboard' },
  { method: 'PUT', route: '/api/projects/:id/supervisors', request: () => ({ path: `/api/projects/${w.impl.own}/supervisors`, json: { memberIds: [w.memberIds[0]], leadMemberId: w.memberIds[0] } }) },
  { method: 'GET', route: '/api/me/projects', request: () => ({ path: '/api/me/projects' }) },
  { method: 'POST', route: '/api/projects/:id/inspections', narrow: only('memberOff is not in the supervision group: 403 not_supervisor', 'member', 'admin'), request: () => ({ path: `/api/projects/${w.impl.own}/inspections`, json: { date: '2027-04-01', findings: '进展正常' } }),
    note: '`member` is in the group; `memberOff` is not (403 not_supervisor)' },
  { method: 'POST', route: '/api/projects/:id/rectifications', when: 'not rectifying', narrow: only('not rectifying: 409 for the carrier and the admin'), request: () => ({ path: `/api/projects/${w.impl.own}/rectifications`, json: { note: '整改', date: '2027-07-01' } }),
    refused: { admin: 409, department: 409 }, note: 'the carrying department or an admin, only while rectifying (tests/implementation covers the rectifying case)' },
  { method: 'POST', route: '/api/projects/:id/carry-over', request: () => ({ path: `/api/projects/${w.impl.own}/carry-over`, json: { toYear: 2028 } }) },
  // 子项 (project items)
  { method: 'PUT', route: '/api/projects/:id/items', when: 'the department\'s own project',
    request: () => ({ path: `/api/projects/${w.impl.own}/items`, json: { items: [{ title: '子项一', target: '目标' }, { title: '子项二' }] } }) },
  { method: 'PUT', route: '/api/projects/:id/items', when: 'department of another project', narrow: only('a department user of another department: 403 not_your_department', 'admin'),
    request: () => ({ path: `/api/projects/${w.impl.foreign}/items`, json: { items: [{ title: '子项一' }] } }) },
  // 督办单 (supervision tasks)
  { method: 'GET', route: '/api/projects/:id/tasks', narrow: only('memberOff is not in the supervision group: 403 not_supervisor', 'admin', 'department', 'member'),
    request: () => ({ path: `/api/projects/${w.impl.own}/tasks` }) },
  { method: 'GET', route: '/api/projects/:id/tasks', when: 'department of another project', narrow: only('another department: 403 not_your_department; members not in its group: 403 not_supervisor', 'admin'),
    request: () => ({ path: `/api/projects/${w.impl.foreign}/tasks` }) },
  { method: 'GET', route: '/api/bodies/:bodyId/tasks', request: () => ({ path: `/api/bodies/${w.B}/tasks?state=open` }),
    note: 'a department sees its own, a member those of the projects it supervises (an empty list for memberOff)' },
  { method: 'POST', route: '/api/projects/:id/tasks', fresh: true, request: async () => ({ path: `/api/projects/${await newTask('none')}/tasks`, json: { note: '视察发现问题', due: '2027-09-30' } }) },
  { method: 'GET', route: '/api/me/tasks', request: () => ({ path: '/api/me/tasks' }) },
  { method: 'POST', route: '/api/tasks/:id/answer', fresh: true, request: async () => ({ path: `/api/tasks/${await newTask('open')}/answer`, json: { text: '已整改', date: '2027-08-15' } }) },
  { method: 'POST', route: '/api/tasks/:id/answer', when: 'department of another project', narrow: only('another department: 403 not_your_department', 'admin'), fresh: true,
    request: async () => ({ path: `/api/tasks/${await newTask('open', '卫健委')}/answer`, json: { text: '已整改', date: '2027-08-15' } }) },
  { method: 'POST', route: '/api/tasks/:id/close', fresh: true, request: async () => ({ path: `/api/tasks/${await newTask('answered')}/close`, json: { note: '办结' } }) },
  // Public portal: project page, ratings and their moderation, stats, exports
  { method: 'GET', route: '/api/public/projects/:id', request: () => ({ path: `/api/public/projects/${w.impl.own}` }) },
  { method: 'GET', route: '/api/public/projects/:id', when: 'a draft project', narrow: only('a draft is not public: 404 for everyone'), request: () => ({ path: `/api/public/projects/${w.screening.draft}` }), refused: 404 },
  { method: 'POST', route: '/api/public/projects/:id/ratings', fresh: true,
    request: () => ({ path: `/api/public/projects/${w.impl.done}/ratings`, json: { grade: 'basic', deviceKey: deviceKey() } }), note: 'anyone, signed in or not, one rating per device key' },
  { method: 'POST', route: '/api/public/projects/:id/ratings', when: 'not finished', narrow: only('not finished: 409 for everyone'),
    request: () => ({ path: `/api/public/projects/${w.impl.own}/ratings`, json: { grade: 'basic', deviceKey: deviceKey() } }), refused: 409 },
  { method: 'GET', route: '/api/bodies/:bodyId/ratings', request: () => ({ path: `/api/bodies/${w.B}/ratings?status=pending` }) },
  { method: 'PUT', route: '/api/ratings/:id', request: () => ({ path: `/api/ratings/${w.impl.rating}`, json: { visible: true } }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/stats', request: () => ({ path: `/api/public/bodies/${w.B}/stats?year=2027` }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/export.csv', request: () => ({ path: `/api/public/bodies/${w.B}/export.csv?year=2027` }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/export.json', request: () => ({ path: `/api/public/bodies/${w.B}/export.json` }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/export.csv.sha256', request: () => ({ path: `/api/public/bodies/${w.B}/export.csv.sha256` }), note: 'not in API.md (signed digest of the download)' },
  { method: 'GET', route: '/api/public/bodies/:bodyId/export.json.sha256', request: () => ({ path: `/api/public/bodies/${w.B}/export.json.sha256?year=2027` }), note: 'not in API.md (signed digest of the download)' },
  // Photos
  { method: 'POST', route: '/api/files', otherBody: 'a photo belongs to no body until a report uses it', request: () => ({ path: '/api/files', png: w.png }),
    note: 'any signed-in staff or member (API.md: admin, presider, department, member); not the big screen' },
  { method: 'POST', route: '/api/files/documents', otherBody: 'a document belongs to no body until a hearing names it', request: () => ({ path: '/api/files/documents', pdf: w.pdf }),
    note: 'an extension: a hearing\'s PDF, uploaded by staff who set the agenda' },
  { method: 'GET', route: '/api/files/:id', request: () => ({ path: `/api/files/${w.fileId}` }) },
  { method: 'GET', route: '/api/files/:id/thumb', request: () => ({ path: `/api/files/${w.fileId}/thumb` }) },
  // Sessions and check-in
  { method: 'POST', route: '/api/bodies/:bodyId/sessions', request: () => ({ path: `/api/bodies/${w.B}/sessions`, json: { name: uniq('会议'), kind: 'congress', memberIds: [w.memberIds[0]] } }) },
  { method: 'GET', route: '/api/bodies/:bodyId/sessions', request: () => ({ path: `/api/bodies/${w.B}/sessions` }), note: 'not in API.md' },
  { method: 'GET', route: '/api/sessions/:id', request: () => ({ path: `/api/sessions/${w.S}` }),
    note: '"any signed-in user; the big screen too" — of the body: the admin of another body is refused' },
  { method: 'POST', route: '/api/sessions/:id/checkin', narrow: only('memberOff is not on S\'s roster: 403 not_on_roster', 'member'), request: () => ({ path: `/api/sessions/${w.S}/checkin` }) },
  { method: 'PUT', route: '/api/sessions/:id/attendance/:memberId', request: () => ({ path: `/api/sessions/${w.S}/attendance/${w.memberIds[1]}`, json: { present: true } }),
    note: 'API.md says presider; the body\'s admin may too' },
  { method: 'POST', route: '/api/sessions/:id/end', fresh: true, request: async () => ({ path: `/api/sessions/${await freshSession()}/end` }), note: 'not in API.md' },
  { method: 'GET', route: '/api/sessions/:id/roster', request: () => ({ path: `/api/sessions/${w.S}/roster` }), note: 'not in API.md' },
  { method: 'GET', route: '/api/sessions/:id/audit', request: () => ({ path: `/api/sessions/${w.S}/audit` }) },
  { method: 'GET', route: '/api/bodies/:bodyId/audit', request: () => ({ path: `/api/bodies/${w.B}/audit?stage=vote` }) },
  { method: 'GET', route: '/api/bodies/:bodyId/notifications', request: () => ({ path: `/api/bodies/${w.B}/notifications?status=failed` }) },
  { method: 'POST', route: '/api/notifications/:id/retry', fresh: true, request: async () => ({ path: `/api/notifications/${await failedNotice()}/retry` }), note: 'not in API.md (the admin screen\'s retry button)' },
  { method: 'PUT', route: '/api/members/:memberId/phone', request: () => ({ path: `/api/members/${w.memberIds[7]}/phone`, json: { phone: '13800138000' } }), note: 'not in API.md (correcting a member\'s phone)' },
  // Evaluation (评议, 综合满意度)
  { method: 'GET', route: '/api/public/bodies/:bodyId/evaluations', request: () => ({ path: `/api/public/bodies/${w.B}/evaluations?year=2027` }) },
  { method: 'PUT', route: '/api/bodies/:bodyId/satisfaction-rule', request: () => ({ path: `/api/bodies/${w.B}/satisfaction-rule`, json: { weights: { members: 0.3, public: 0.6, survey: 0.1 } } }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/satisfaction-rule', request: async () => {
    await call('PUT', `/api/bodies/${w.B}/satisfaction-rule`, w.server.adminToken, { json: { weights: { members: 0.3, public: 0.6, survey: 0.1 } } });
    return { path: `/api/public/bodies/${w.B}/satisfaction-rule` };
  } },
  { method: 'POST', route: '/api/projects/:id/surveys', request: () => ({ path: `/api/projects/${w.impl.done}/surveys`, json: { satisfied: 50, basic: 10, unsatisfied: 2, households: 70, method: '入户调查', date: '2027-07-01' } }) },
  { method: 'GET', route: '/api/projects/:id/surveys', request: () => ({ path: `/api/projects/${w.impl.done}/surveys` }), note: 'not in API.md (the staff screen\'s list of past surveys)' },
  // 听取报告: hearings before an evaluation ballot (an extension)
  { method: 'GET', route: '/api/sessions/:id/hearings', request: () => ({ path: `/api/sessions/${w.S}/hearings` }),
    note: 'scoped like the session: its body\'s staff and members, its big screen' },
  { method: 'POST', route: '/api/sessions/:id/hearings', request: () => ({ path: `/api/sessions/${w.S}/hearings`, json: { kind: 'special_report', title: uniq('报告'), reporter: { name: '李主任' } } }) },
  { method: 'PUT', route: '/api/hearings/:id', request: () => ({ path: `/api/hearings/${w.hearing}`, json: { kind: 'duty_report', title: uniq('述职'), reporter: { memberId: w.memberIds[1], post: '第一代表团' } } }) },
  { method: 'POST', route: '/api/hearings/:id/remove', fresh: true, request: async () => ({ path: `/api/hearings/${await newHearing()}/remove` }) },
  { method: 'GET', route: '/api/openapi.json', request: () => ({ path: '/api/openapi.json' }) },
  { method: 'GET', route: '/api/backups/last', narrow: only('the deployment\'s backups: for the administrator without a body (tests/db/backup.test.ts), not an admin of B'), request: () => ({ path: '/api/backups/last' }) },
  // 材料提前送达 (the dossier): sent once (again → 200); members read it once sent, staff before too
  { method: 'POST', route: '/api/sessions/:id/dossier', request: () => ({ path: `/api/sessions/${w.S}/dossier` }), note: 'again answers the first sentAt (200)' },
  { method: 'GET', route: '/api/sessions/:id/dossier', narrow: only('memberOff is not on S\'s roster: 403 not_on_roster', 'member', 'presider', 'admin'),
    request: async () => { ok(await call('POST', `/api/sessions/${w.S}/dossier`, w.server.adminToken)); return { path: `/api/sessions/${w.S}/dossier` }; } },
  { method: 'POST', route: '/api/sessions/:id/screen-token', request: () => ({ path: `/api/sessions/${w.S}/screen-token` }), note: 'the big-screen token of API.md "Live updates"' },
  // Ballots
  { method: 'POST', route: '/api/sessions/:id/ballots', request: () => ({ path: `/api/sessions/${w.S}/ballots`, json: { kind: 'motion', title: '议案', question: '是否通过？' } }) },
  { method: 'POST', route: '/api/ballots/:id/open', fresh: true, request: async () => ({ path: `/api/ballots/${await ballotIn(await freshSession(), 'draft')}/open` }) },
  { method: 'POST', route: '/api/ballots/:id/close', fresh: true, request: async () => ({ path: `/api/ballots/${await ballotIn(await freshSession(), 'open')}/close` }) },
  { method: 'POST', route: '/api/ballots/:id/publish', fresh: true, request: async () => ({ path: `/api/ballots/${await ballotIn(await freshSession(), 'closed')}/publish` }) },
  { method: 'POST', route: '/api/ballots/:id/cancel', fresh: true, request: async () => ({ path: `/api/ballots/${await ballotIn(w.S, 'draft')}/cancel`, json: { reason: '议程调整' } }) },
  { method: 'GET', route: '/api/ballots/:id', when: 'open', request: () => ({ path: `/api/ballots/${w.ballots.open}` }),
    note: '"signed-in", scoped like the session' },
  { method: 'GET', route: '/api/ballots/:id', when: 'open: the live tally', narrow: only('the live tally is for the presider and the admin', 'presider', 'admin'), request: () => ({ path: `/api/ballots/${w.ballots.open}` }),
    succeeded: (b) => b && typeof b === 'object' && 'tally' in b, refused: { none: 401, public: 401, otherAdmin: 403, member: 200, memberOff: 200, department: 200, screen: 200 },
    note: 'the tally only for presider/admin while open (others get the ballot without it)' },
  { method: 'POST', route: '/api/ballots/:id/votes', narrow: only('memberOff is not on the roster: 403 not_on_roster', 'member'), fresh: true,
    request: async () => ({ path: `/api/ballots/${await ballotIn(await freshSession(), 'open')}/votes`, json: { submissionKey: submissionKey(), choices: {} } }) },
  { method: 'GET', route: '/api/ballots/:id/result', when: 'closed', narrow: only('closed, not published: the presider, the admin, members on the roster and the session\'s screen', 'presider', 'admin', 'member', 'screen'), request: () => ({ path: `/api/ballots/${w.ballots.closed}/result` }),
    refused: { none: 403, public: 403 }, note: 'after close: presider, admin, members on the roster (and the session\'s big screen, which shows it)' },
  { method: 'GET', route: '/api/ballots/:id/result', when: 'published', request: () => ({ path: `/api/ballots/${w.ballots.published}/result` }) },
  { method: 'GET', route: '/api/ballots/:id/result', when: 'open', narrow: only('open: no result yet (403 for everyone)'), request: () => ({ path: `/api/ballots/${w.ballots.open}/result` }), refused: 403 },
  { method: 'GET', route: '/api/ballots/:id/box', when: 'open', narrow: only('open: 409 ballot_not_closed for everyone'), request: () => ({ path: `/api/ballots/${w.ballots.open}/box` }), refused: 409 },
  { method: 'GET', route: '/api/ballots/:id/box', when: 'closed', narrow: only('closed, not published: the presider and the admin', 'presider', 'admin'), request: () => ({ path: `/api/ballots/${w.ballots.closed}/box` }), refused: { none: 403, public: 403 } },
  { method: 'GET', route: '/api/ballots/:id/box', when: 'published', request: () => ({ path: `/api/ballots/${w.ballots.published}/box` }) },
  { method: 'GET', route: '/api/ballots/:id/result.jws', when: 'closed', narrow: only('closed, not published: 403 for everyone'), request: () => ({ path: `/api/ballots/${w.ballots.closed}/result.jws` }), refused: 403 },
  { method: 'GET', route: '/api/ballots/:id/result.jws', when: 'published', request: () => ({ path: `/api/ballots/${w.ballots.published}/result.jws` }) },
  { method: 'GET', route: '/api/public/keys', request: () => ({ path: '/api/public/keys' }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/results', request: () => ({ path: `/api/public/bodies/${w.B}/results` }), note: 'not in API.md' },
  // Departments as a list, returns, the reserve (储备库, issue 23)
  { method: 'GET', route: '/api/bodies/:bodyId/departments', request: () => ({ path: `/api/bodies/${w.B}/departments` }) },
  { method: 'POST', route: '/api/bodies/:bodyId/departments', fresh: true, request: () => ({ path: `/api/bodies/${w.B}/departments`, json: { name: uniq('县局') } }) },
  { method: 'POST', route: '/api/projects/:id/return', fresh: true, request: async () => ({ path: `/api/projects/${await newProject()}/return`, json: { reason: '不属于本单位职责' } }),
    note: 'not in API.md\'s table as a route of its own (an extension: the department returns a project that is not theirs)' },
  { method: 'POST', route: '/api/projects/:id/return', when: 'department of another project', narrow: only('a department user of another department: 403 not_your_department'),
    request: () => ({ path: `/api/projects/${w.screening.foreign}/return`, json: { reason: '不属于本单位职责' } }) },
  { method: 'PUT', route: '/api/projects/:id/department', request: () => ({ path: `/api/projects/${w.screening.draft}/department`, json: { department: '教育局' } }), note: 'an extension (staff reassign a returned project)' },
  { method: 'PUT', route: '/api/projects/:id/reserve', fresh: true, request: async () => ({ path: `/api/projects/${await reservableProject()}/reserve`, json: { reserve: true, note: '明年再议' } }) },
  { method: 'PUT', route: '/api/suggestions/:id/reserve', fresh: true, request: async () => ({ path: `/api/suggestions/${await reservableSuggestion()}/reserve`, json: { reserve: true, note: '群众呼声高' } }) },
  { method: 'GET', route: '/api/bodies/:bodyId/reserve', request: () => ({ path: `/api/bodies/${w.B}/reserve` }) },
];

function expectedRefusal(row: Row, role: Role): number {
  // A big screen's token is refused by the guard, before anything else, where the route does not name it.
  if (role === 'screen' && !definitionOf(row)?.roles.includes('screen')) return 403;
  if (typeof row.refused === 'number') return row.refused;
  return row.refused?.[role] ?? (role === 'none' || role === 'public' ? 401 : 403);
}

describe('every route × every role, from the route definitions', () => {
  it('has a row for every definition and a definition for every row', () => {
    const rows = new Set(table.map((r) => key(r.method, r.route)));
    // A new route needs its row here; its roles come from its definition.
    expect([...definitions.keys()].filter((k) => !rows.has(k))).toEqual([]);
    expect([...rows].filter((k) => !definitions.has(k))).toEqual([]);
  });

  it('registers nothing under /api that is not a definition', () => {
    const app = createApp(w.server.ctx, { clientDir: null });
    const registered = new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.endsWith('*')).map((r) => key(r.method, r.path)));
    expect([...registered].filter((k) => !definitions.has(k))).toEqual([]);
  });

  it('allows no role a definition does not, and narrows only with a reason', () => {
    const wrong: string[] = [];
    for (const row of table) {
      const def = definitionOf(row);
      const name = `${key(row.method, row.route)}${row.when ? ` (${row.when})` : ''}`;
      if (row.otherBody && !def?.roles.includes('admin')) wrong.push(`${name}: otherBody, but its definition does not name admin`);
      const extra = row.narrow?.to.filter((r) => !derived(row).includes(r)) ?? [];
      if (extra.length) wrong.push(`${name}: narrows to ${extra.join(', ')}, which its definition (${def?.roles.join(', ')}) does not allow`);
      if (row.narrow && !row.narrow.why.trim()) wrong.push(`${name}: narrowed without a reason`);
      if (row.otherBody !== undefined && !row.otherBody.trim()) wrong.push(`${name}: otherBody without a reason`);
    }
    expect(wrong).toEqual([]);
  });

  for (const row of table) {
    const who = allowed(row);
    it(`${row.method} ${row.route}${row.when ? ` (${row.when})` : ''}: ${who.length ? who.join(', ') : 'nobody'}`, async () => {
      const wrong: string[] = [];
      let req: Request | null = null;
      for (const role of roles) {
        req ??= await row.request();
        const r = await call(row.method, req.path, w.tokens[role], { json: req.json, csv: req.csv, png: req.png, pdf: req.pdf });
        const success = r.status >= 200 && r.status < 300 && (!row.succeeded || row.succeeded(r.body));
        if (who.includes(role)) {
          if (!success) wrong.push(`${role}: expected success, got ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
        } else {
          const want = expectedRefusal(row, role);
          if (success || r.status !== want) wrong.push(`${role}: expected ${want}, got ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
          if (r.status >= 400 && typeof r.body?.error?.code !== 'string') wrong.push(`${role}: refusal without an error code`);
        }
        if (row.fresh && r.status >= 200 && r.status < 300) req = null;
      }
      expect(wrong).toEqual([]);
    }, 30_000);
  }
});
