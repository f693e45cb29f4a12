// Demo screening: the departments' assessments (one project found infeasible, with its published reason),
// and the candidate list of 12 for 10 seats approved by the chairpersons' meeting.
import type { Tx } from '../db/connect.js';
import { assessments, candidateLists, projects } from '../db/schema.js';
import { newId } from '../db/ids.js';

/** Department sign-ins of the demo county (password printed by `npm start`). */
export const demoDepartments = [
  { username: 'dept-jiaoyu', department: '县教育局' },
  { username: 'dept-weijian', department: '县卫生健康局' },
  { username: 'dept-jiaotong', department: '县交通运输局' },
];
export const demoDepartmentPassword = 'minsheng-dept';

/** The 13th project of the year: assessed infeasible, so it is not on the list, but its reason is public. */
export const infeasibleProject = {
  title: '县城综合体育馆建设', category: '文化体育', department: '县文化和旅游体育局', investment: 28000,
  targets: ['建成 6000 座综合体育馆 1 座'],
  reason: '估算投资 2.8 亿元，超出县级年度财力；建设周期约三年，当年内无法完成，不符合民生实事"当年实施、当年见效"的要求，建议纳入"十五五"规划统筹考虑。',
};

type ProjectRow = typeof projects.$inferInsert & { id: string; targets: string[]; department: string };

export async function seedScreening(tx: Tx, bodyId: string, year: number, candidates: ProjectRow[]) {
  const [extra] = await tx.insert(projects).values({
    id: newId(), bodyId, year, title: infeasibleProject.title, description: `${infeasibleProject.title}：${infeasibleProject.targets.join('；')}。`,
    category: infeasibleProject.category, department: infeasibleProject.department, investment: infeasibleProject.investment,
    targets: infeasibleProject.targets, status: 'infeasible',
  }).returning();
  const by = (department: string) => demoDepartments.find((d) => d.department === department)?.username ?? `admin（代${department}）`;
  const publishedAt = `${year}-01-08T09:00:00+08:00`;
  await tx.insert(assessments).values([
    ...candidates.map((p, i) => ({
      projectId: p.id, feasible: true, reason: '符合民生实事项目条件，资金和建设条件具备，当年内可以完成。',
      investment: Number(p.investment ?? 0), fundingSource: i % 3 === 0 ? '县级财政' : i % 3 === 1 ? '县级财政和上级补助资金' : '县级财政和专项债券以外的自有资金',
      completionDate: `${year}-${String(9 + (i % 4)).padStart(2, '0')}-30`, targets: p.targets, assessedBy: by(p.department),
      assessedAt: `${year - 1}-12-${String(10 + i).padStart(2, '0')}T10:00:00+08:00`, publishedAt,
    })),
    {
      projectId: extra.id, feasible: false, reason: infeasibleProject.reason, investment: infeasibleProject.investment, fundingSource: null,
      completionDate: `${year + 2}-12-31`, targets: infeasibleProject.targets, assessedBy: by(infeasibleProject.department),
      assessedAt: `${year - 1}-12-22T10:00:00+08:00`, publishedAt,
    },
  ]);
  await tx.insert(candidateLists).values({
    id: newId(), bodyId, year, seats: 10, projectIds: candidates.map((p) => p.id), ratio: 1.2, state: 'approved',
    meeting: '县人大常委会第十二次主任会议', approvedAt: `${year}-01-08`,
  });
}
