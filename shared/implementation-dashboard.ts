// The staff dashboard of a year's implementation (实施督办总览): a pure summary of the projects as the
// server lists them, so the server, the client and the tests agree on every count.
import { executions, type Execution, type Grade } from './execution.js';
import { satisfactionRounds } from './implementation-schemas.js';

export { executions };
export { satisfactionRounds as rounds } from './implementation-schemas.js';
export type Round = (typeof satisfactionRounds)[number];

export interface OverviewProject {
  id: string;
  department: string;
  execution: Execution;
  overdue: boolean;
  /** members in its supervision group (0: none yet) */
  groupSize: number;
  /** the latest inspection's date, if any */
  lastInspection: string | null;
  grades: { round: string; grade: Grade }[];
}

export interface YearDashboard {
  projects: number;
  byExecution: Record<Execution, number>;
  /** departments with an overdue report, most overdue first */
  overdueByDepartment: { department: string; overdue: number; projects: number }[];
  coverage: { withoutGroup: number; notInspectedThisQuarter: number };
  /** per round: how many projects got each grade */
  gradesByRound: Record<Round, Record<Grade, number>>;
}

/** The first day (YYYY-MM-DD) of the quarter that holds a calendar date. */
export function quarterStart(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

const noGrades = (): Record<Grade, number> => ({ 满意: 0, 基本满意: 0, 不满意: 0 });

export function summarizeYear(list: OverviewProject[], today: string): YearDashboard {
  const byExecution = Object.fromEntries(executions.map((e) => [e, 0])) as Record<Execution, number>;
  const departments = new Map<string, { overdue: number; projects: number }>();
  const gradesByRound = { midyear: noGrades(), yearend: noGrades(), rectification: noGrades() };
  const since = quarterStart(today);
  let withoutGroup = 0;
  let notInspected = 0;
  for (const p of list) {
    byExecution[p.execution]++;
    const d = departments.get(p.department) ?? { overdue: 0, projects: 0 };
    d.projects++;
    if (p.overdue) d.overdue++;
    departments.set(p.department, d);
    if (p.groupSize === 0) withoutGroup++;
    // A group that has not visited since the quarter began; finished projects need no more visits.
    else if (p.execution !== 'done' && (!p.lastInspection || p.lastInspection < since)) notInspected++;
    for (const g of p.grades) if (g.round in gradesByRound) gradesByRound[g.round as Round][g.grade]++;
  }
  const overdueByDepartment = [...departments].filter(([, d]) => d.overdue > 0)
    .map(([department, d]) => ({ department, ...d }))
    .sort((a, b) => b.overdue - a.overdue || a.department.localeCompare(b.department));
  return { projects: list.length, byExecution, overdueByDepartment, coverage: { withoutGroup, notInspectedThisQuarter: notInspected }, gradesByRound };
}
