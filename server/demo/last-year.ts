// The demo's last year (2025): three projects carried out, graded 满意 at the year-end round (a real
// ballot of the committee) and rated by residents — what a finished year looks like on the public site.
import type { AppContext } from '../context.js';
import { projects } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { StaffPrincipal } from '../core/principal.js';
import { pastRound, writeYear, type Member } from './rounds.js';
import { seedPublicRatings } from './ratings.js';

const year = 2025;
const done = [
  {
    title: '城区中小学"放心午餐"工程', category: '教育', department: '县教育局', investment: 560,
    milestones: [['食堂改造', '2025-05-31'], ['全部学校供餐', '2025-09-01']] as [string, string][], completionDate: '2025-09-30', funding: '县级财政 560 万元',
    reports: [
      { date: '2025-03-28', percent: 30, note: '完成 18 所学校食堂改造设计。' },
      { date: '2025-05-30', percent: 60, milestone: '食堂改造', note: '18 所学校食堂改造完工。' },
      { date: '2025-09-01', percent: 100, milestone: '全部学校供餐', note: '18 所学校全部开餐，惠及学生 1.2 万人。' },
    ],
    inspections: [{ date: '2025-10-15', findings: '抽查 4 所学校午餐，营养搭配合理，学生和家长满意。' }],
  },
  {
    title: '乡镇卫生院发热门诊标准化建设', category: '医疗卫生', department: '县卫生健康局', investment: 720,
    milestones: [['设备采购', '2025-06-30'], ['12 个卫生院全部达标', '2025-11-30']] as [string, string][], completionDate: '2025-11-30', funding: '县级财政 420 万元，上级补助 300 万元',
    reports: [
      { date: '2025-04-10', percent: 25, note: '完成 12 个卫生院现场评估。' },
      { date: '2025-06-28', percent: 55, milestone: '设备采购', note: '设备招标采购完成。' },
      { date: '2025-11-20', percent: 100, milestone: '12 个卫生院全部达标', note: '12 个卫生院发热门诊全部通过验收。' },
    ],
    inspections: [{ date: '2025-11-25', findings: '实地查看 3 个卫生院，设施齐全，流程规范。' }],
  },
  {
    title: '农村客运班线公交化改造', category: '交通出行', department: '县交通运输局', investment: 1300,
    milestones: [['首批线路开通', '2025-06-30'], ['全部线路开通', '2025-10-31']] as [string, string][], completionDate: '2025-10-31', funding: '县级财政 800 万元，交通专项 500 万元',
    reports: [
      { date: '2025-04-20', percent: 30, note: '完成线路优化方案公示。' },
      { date: '2025-06-30', percent: 60, milestone: '首批线路开通', note: '首批 6 条线路开通，票价统一 2 元。' },
      { date: '2025-10-28', percent: 100, milestone: '全部线路开通', note: '14 条线路全部公交化运营。' },
    ],
    inspections: [{ date: '2025-09-12', findings: '乘车体验良好，建议加密早晚班次。' }],
  },
];

export async function seedLastYear(ctx: AppContext, admin: StaffPrincipal, bodyId: string, members: Member[], nextPhoto: () => string) {
  const rows = await ctx.db.insert(projects).values(done.map((p) => ({
    id: newId(), bodyId, year, title: p.title, description: `${p.title}（${year} 年度民生实事项目）`, category: p.category,
    department: p.department, investment: p.investment, targets: [], status: 'selected' as const, createdAt: `${year - 1}-12-01T09:00:00+08:00`,
  }))).returning();
  // Groups from the 131st member on, so this year's groups are not crowded.
  for (const [j, p] of rows.entries()) await writeYear(ctx, p, done[j], members.slice(130 + j * 10, 140 + j * 10).map((m) => m.id), nextPhoto);
  await pastRound(ctx, admin, bodyId, members.filter((m) => m.kind === 'committee'), rows, {
    session: '清河县人大常委会第十八次会议', title: `${year} 年度民生实事项目满意度测评`, round: 'yearend', at: `${year}-12-26`, votes: [[24, 5, 1], [22, 7, 1], [20, 8, 2]],
  });
  await seedPublicRatings(ctx, bodyId, [
    { project: rows[0], shown: ['satisfied', '孩子中午在学校吃得热乎又卫生，家长省心了。'] },
    { project: rows[1], shown: ['satisfied', '发烧不用再跑县城，卫生院就能看，方便多了。'] },
    { project: rows[2], shown: ['basic', '村里通了公交，两块钱进城；早晚班次还可以再多一些。'] },
  ], year);
}
