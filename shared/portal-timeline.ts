// A project's public timeline (pure; used by server/portal/project-page.ts, property-tested in tests/shared):
// 点单 → 定单 → 派单 → 办单 → 督单 → 评单, one entry per event, oldest first.
// `stage` is a stable English code the client translates; `phase` the Chinese step it belongs to;
// `text` a Chinese sentence for clients without translations; `data` the numbers inside it.

export type TimelineStage = 'suggested' | 'listed' | 'voted' | 'assigned' | 'progress' | 'rectification' | 'inspected' | 'graded' | 'carried_over';
export type TimelinePhase = '点单' | '定单' | '派单' | '办单' | '督单' | '评单';
export const phaseOf: Record<TimelineStage, TimelinePhase> = {
  suggested: '点单', listed: '定单', voted: '定单', assigned: '派单', progress: '办单', rectification: '办单', inspected: '督单', graded: '评单', carried_over: '评单',
};

/** `data`: the plain values inside the sentence (counts, names, dates, a milestone or null). */
export type TimelineData = Record<string, string | number | boolean | null>;
export interface TimelineEntry { at: string; stage: TimelineStage; phase: TimelinePhase; text: string; data?: TimelineData }

export interface TimelineInput {
  suggestions: { at: string; count: number; supporters: number } | null;
  listedAt: string | null;
  vote: { at: string; yes: number; selected: boolean } | null;
  plan: { at: string; department: string; completionDate: string } | null;
  reports: { date: string; percent: number; milestone: string | null }[];
  rectifications: { date: string }[];
  inspections: { date: string }[];
  grades: { publishedAt: string; round: string; grade: string; rate: number }[];
  carriedOver: { at: string; toYear: number } | null;
}

const rounds: Record<string, string> = { midyear: '年中', yearend: '年终', rectification: '整改' };

export function buildTimeline(i: TimelineInput): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const add = (at: string, stage: TimelineStage, text: string, data?: TimelineData) => out.push({ at, stage, phase: phaseOf[stage], text, ...(data ? { data } : {}) });
  if (i.suggestions) add(i.suggestions.at, 'suggested', `群众提出建议 ${i.suggestions.count} 条，${i.suggestions.supporters} 人支持`, { suggestions: i.suggestions.count, supporters: i.suggestions.supporters });
  if (i.listedAt) add(i.listedAt, 'listed', '列入候选项目');
  if (i.vote) add(i.vote.at, 'voted', i.vote.selected ? `代表票决通过，赞成 ${i.vote.yes} 票` : `代表票决未入选，赞成 ${i.vote.yes} 票`, { yes: i.vote.yes, selected: i.vote.selected });
  // A plan is written before its first report; one edited later (a new completion date) still happened then.
  if (i.plan) add(assignedAt(i.plan.at, i.reports), 'assigned', `${i.plan.department}承办，计划 ${i.plan.completionDate} 完成`, { department: i.plan.department, completionDate: i.plan.completionDate });
  for (const r of i.reports) add(r.date, 'progress', r.milestone ? `进度 ${r.percent}%，${r.milestone}` : `进度 ${r.percent}%`, { percent: r.percent, milestone: r.milestone });
  for (const r of i.rectifications) add(r.date, 'rectification', '报送整改情况');
  for (const r of i.inspections) add(r.date, 'inspected', '代表监督小组视察');
  for (const g of i.grades) add(g.publishedAt, 'graded', `${rounds[g.round] ?? ''}满意度测评：${g.grade}`, { round: g.round, grade: g.grade, rate: g.rate });
  if (i.carriedOver) add(i.carriedOver.at, 'carried_over', `转入 ${i.carriedOver.toYear} 年跨年督办`, { toYear: i.carriedOver.toYear });
  // By day (calendar dates and ISO instants share their first ten characters); within a day, the process order above.
  return out.map((e, k) => ({ e, k })).sort((a, b) => a.e.at.slice(0, 10).localeCompare(b.e.at.slice(0, 10)) || a.k - b.k).map((x) => x.e);
}

/** When the 派单 happened: the plan's time, but never after the first progress report it preceded. */
export function assignedAt(planAt: string, reports: readonly { date: string }[]): string {
  const first = reports.map((r) => r.date).sort()[0];
  return first && first.slice(0, 10) < planAt.slice(0, 10) ? first : planAt;
}
