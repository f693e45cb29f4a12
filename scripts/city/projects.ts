// Each body's projects of each year: selected ones with a plan, 12 progress reports, a supervision group
// and 2 inspections; a few not selected; candidates for next year. The execution each selected project is
// meant to show (shared/execution.ts derives it from these rows): the years before the last are done but
// for a few behind, which are carried over; the last year mixes done, in progress, behind and rectifying.
// A behind or rectifying project has its 督办单 (closed in past years); some projects have items (子项).
import type { projectItems, tasks } from '../../server/db/schema.js';
import type { carryOvers, inspections, progressReports, projectPlans, projects, rectifications, supervisors } from '../../server/db/schema.js';
import type { ProjectStatus } from '../../shared/projects.js';
import type { Rng } from './rng.js';
import type { CityOptions } from './options.js';
import type { CityBody } from './bodies.js';
import { departmentAt, projectTemplates } from './names.js';
import { addDays, at, spread, toDate } from './dates.js';

export type Intended = 'done' | 'in_progress' | 'behind' | 'rectifying';
export interface SelectedProject { id: string; title: string; bodyId: string; year: number; intended: Intended; department: string; investment: number; category: string }

/** How many selected projects each body carries in a year (largest remainder over weights city 20 : county 12 : township 2.6). */
export function allocate(bodies: CityBody[], total: number): number[] {
  const w = bodies.map((b) => (b.level === 'city' ? 20 : b.level === 'county' ? 12 : 2.6));
  const sum = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (total * x) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = total - out.reduce((a, b) => a + b, 0); k < left; k++) out[order[k % order.length][1]]++;
  return out;
}

const milestoneTitles = ['前期准备和招标', '主体工程完工', '竣工验收'];

export function generateProjects(rng: Rng, o: CityOptions, list: CityBody[]) {
  const rows = {
    projects: [] as (typeof projects.$inferInsert)[], plans: [] as (typeof projectPlans.$inferInsert)[],
    reports: [] as (typeof progressReports.$inferInsert)[], inspections: [] as (typeof inspections.$inferInsert)[],
    supervisors: [] as (typeof supervisors.$inferInsert)[], carryOvers: [] as (typeof carryOvers.$inferInsert)[],
    rectifications: [] as (typeof rectifications.$inferInsert)[], tasks: [] as (typeof tasks.$inferInsert)[],
    items: [] as (typeof projectItems.$inferInsert)[],
  };
  const selected: SelectedProject[] = [];
  const today = toDate(o.now.getTime() + 8 * 3_600_000);
  const firstYear = o.endYear - o.years + 1;
  let seq = 0;
  const project = (body: CityBody, year: number, status: ProjectStatus) => {
    const t = projectTemplates[seq % projectTemplates.length];
    const investment = Math.round(t.investment * (body.level === 'city' ? 2 : body.level === 'county' ? 1 : 0.3) * (0.6 + rng.next()));
    const row = {
      id: rng.id(), bodyId: body.id, year, title: `${body.place}${t.title}`, description: `${body.place}${t.title}（${year} 年度民生实事项目）。`,
      category: t.category, department: departmentAt(body.level, t.department, body.place), investment, status, targets: [],
      // created in the autumn before, in order, so lists sort the way they were entered
      createdAt: new Date(Date.parse(`${year - 1}-10-01T01:00:00Z`) + seq++ * 1000).toISOString(),
    };
    rows.projects.push(row);
    return row;
  };
  for (let year = firstYear; year <= o.endYear; year++) {
    const counts = allocate(list, o.projectsPerYear);
    let nth = 0;
    const last = year === o.endYear;
    // the last report a project can have: a few days ago in the running year, December in past years
    const lastDay = last && addDays(today, -3) < `${year}-12-20` ? addDays(today, -3) : `${year}-12-20`;
    for (const [b, body] of list.entries()) {
      for (let k = 0; k < counts[b]; k++) {
        const p = project(body, year, 'selected');
        // a fixed mix, scattered over the bodies (7 is prime to 20 and 25): 40% done, 35% in progress, 15% behind, 10% rectifying
        const slot = (nth++ * 7) % (last ? 20 : 25);
        const intended: Intended = last ? (slot < 8 ? 'done' : slot < 15 ? 'in_progress' : slot < 18 ? 'behind' : 'rectifying') : slot < 23 ? 'done' : 'behind';
        selected.push({ id: p.id, title: p.title, bodyId: body.id, year, intended, department: p.department, investment: p.investment, category: p.category });
        implementation(rng, o, rows, body, p, year, intended, lastDay);
        if (!last && intended === 'behind') rows.carryOvers.push({ projectId: p.id, fromYear: year, toYear: year + 1, createdAt: at(`${year}-12-28`, 10) });
      }
      for (let k = 0; k < Math.ceil(counts[b] / 5); k++) project(body, year, 'not_selected');
    }
  }
  // next year's candidates, in the city and the counties, waiting for their vote
  for (const body of list.filter((b) => b.level !== 'township')) for (let k = 0; k < 3; k++) project(body, o.endYear + 1, 'candidate');
  return { rows, selected };
}

const itemTitles = ['前期勘察设计', '主体工程建设', '配套设施完善', '验收移交和运行维护'];

function implementation(rng: Rng, o: CityOptions, rows: ReturnType<typeof generateProjects>['rows'], body: CityBody, p: { id: string; department: string; title: string },
  year: number, intended: Intended, lastDay: string) {
  const dates = spread(`${year}-01-05`, lastDay, 12);
  const done = intended === 'done';
  const reached = [3, 7, 11];
  const final = done ? 100 : intended === 'behind' ? rng.int(45, 70) : rng.int(75, 95);
  const milestones = milestoneTitles.map((title, m) => ({ title, due: m < 2 ? addDays(dates[reached[m]], 7) : `${year}-12-31` }));
  rows.plans.push({
    projectId: p.id, targets: [], milestones, funding: `${body.level === 'city' ? '市级' : body.level === 'county' ? '县级' : '乡镇'}财政安排`,
    completionDate: `${year}-12-31`, updatedBy: p.department, updatedAt: at(`${year}-01-03`),
  });
  for (let k = 0; k < 12; k++) {
    const percent = k === 11 ? final : Math.min(final, Math.round((final * (k + 1)) / 12));
    // a behind project never reaches its second milestone
    const m = reached.indexOf(k);
    const milestone = m < 0 || (m === 1 && intended === 'behind') || (m === 2 && !done) ? null : milestoneTitles[m];
    rows.reports.push({
      id: rng.id(), projectId: p.id, percent, milestone, note: `第 ${k + 1} 次进展：完成计划工程量的 ${percent}%。`, date: dates[k],
      photos: [], createdBy: p.department, createdAt: at(dates[k]),
    });
  }
  const group = pickGroup(rng, body.members.map((x) => x.id), 5);
  rows.supervisors.push(...group.map((memberId, k) => ({ projectId: p.id, memberId, lead: k === 0 })));
  for (const [k, d] of [dates[4], dates[9]].entries()) {
    rows.inspections.push({
      id: rng.id(), projectId: p.id, date: d, memberId: group[k % group.length], createdAt: at(d, 16),
      findings: intended === 'behind' && k === 1 ? '进度滞后于计划，要求倒排工期。' : '现场施工规范，进度符合计划。', photos: [],
    });
  }
  if (rng.next() < o.itemsRate) {
    const n = rng.int(2, 4);
    for (let k = 0; k < n; k++) {
      rows.items.push({ id: rng.id(), projectId: p.id, position: k, title: itemTitles[k], target: `${itemTitles[k]}按期完成`, percent: Math.min(100, Math.max(0, final + rng.int(-10, 10) * (done ? 0 : 1))) });
    }
  }
  if (intended === 'behind' || intended === 'rectifying') {
    // opened when the second inspection found it late (or when rectification began); closed in past years
    const opened = intended === 'behind' ? dates[9] : dates[8];
    const running = lastDay < `${year}-12-20`;
    const answered = addDays(opened, 10);
    const state = !running ? 'closed' : answered <= lastDay && rng.next() < 0.5 ? 'answered' : 'open';
    rows.tasks.push({
      id: rng.id(), projectId: p.id, bodyId: body.id, reason: intended === 'behind' ? 'behind' : 'manual', note: intended === 'behind' ? '进度滞后，请倒排工期' : '测评不满意，限期整改',
      openedAt: at(opened, 10), due: addDays(opened, 15), state, openedBy: null,
      ...(state === 'open' ? {} : { answerText: `${p.department}已制定赶工计划，增加施工力量。`, answerDate: answered, answeredAt: at(answered, 17) }),
      ...(state === 'closed' ? { closeNote: '经核实已按要求落实。', closedAt: at(addDays(answered, 5), 10) } : {}),
    });
  }
  if (intended === 'rectifying') rows.rectifications.push({ id: rng.id(), projectId: p.id, note: '针对测评意见制定整改方案，逐项落实。', date: dates[8], photos: [], createdAt: at(dates[8]) });
}

function pickGroup(rng: Rng, ids: string[], n: number): string[] {
  const out = new Set<string>();
  while (out.size < Math.min(n, ids.length)) out.add(rng.pick(ids));
  return [...out];
}
