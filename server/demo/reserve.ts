// The demo's departments as a list (承办单位) and its reserve (储备库): ideas of 2025 and 2026 kept for later,
// the infeasible 体育馆 of 2027 kept with its note, one 2027 candidate taken from the 2025 reserve, and the
// not-adopted 大剧院 suggestions kept too.
import { and, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { departments, projects, suggestions, users } from '../db/schema.js';
import { newId } from '../db/ids.js';

type Candidate = { id: string; title: string };

const kept = [
  { year: 2025, title: '城区公共自行车租赁系统', category: '交通出行', department: '县城市管理局', status: 'not_selected' as const,
    note: '2025 年票决未入选；绿色出行呼声高，待城区慢行道建成后再议。', targets: ['建设公共自行车站点 40 处'] },
  { year: 2025, title: '县图书馆延时开放和 24 小时自助书房', category: '文化体育', department: '县文化和旅游体育局', status: 'not_selected' as const,
    note: '2025 年票决差 6 票未入选，代表建议次年优先考虑。', targets: ['建成 24 小时自助书房 5 处'] },
  { year: 2026, title: '农村危桥改造', category: '交通出行', department: '县交通运输局', status: 'infeasible' as const,
    note: '2026 年评估时上级补助资金未落实；资金落实后可转入筛选。', targets: ['改造农村危桥 12 座'] },
];

export async function seedReserve(tx: Tx, bodyId: string, candidates: Candidate[]) {
  await tx.insert(projects).values(kept.map((k) => ({
    id: newId(), bodyId, year: k.year, title: k.title, description: `${k.title}：${k.targets.join('；')}。`, category: k.category,
    department: k.department, targets: k.targets, status: k.status, reserve: true, reserveNote: k.note,
  })));
  // 2027's 城区公共停车泊位建设 came from the 2025 reserve (not selected that year, brought in for 2027).
  const parking = candidates.find((c) => c.title.includes('停车泊位'));
  if (parking) {
    const earlierId = newId();
    await tx.insert(projects).values({
      id: earlierId, bodyId, year: 2025, title: '城区公共停车泊位建设', description: '城区公共停车泊位建设：新增停车泊位 1500 个。', category: '交通出行',
      department: '县城市管理局', targets: ['新增停车泊位 1500 个'], status: 'not_selected', reserveNote: '2025 年票决未入选，列入储备库。',
    });
    await tx.update(projects).set({ reservedFrom: earlierId }).where(eq(projects.id, parking.id));
  }
  await tx.update(projects).set({ reserve: true, reserveNote: '投资大、周期长，纳入“十五五”规划统筹考虑；分期建设方案成熟后再议。' })
    .where(and(eq(projects.bodyId, bodyId), eq(projects.title, '县城综合体育馆建设'), eq(projects.status, 'infeasible')));
  await tx.update(suggestions).set({ reserve: true, reserveNote: '群众呼声高，待体育馆、文化中心统筹规划后一并考虑。' })
    .where(and(eq(suggestions.bodyId, bodyId), eq(suggestions.status, 'not_adopted'), like(suggestions.title, '%大剧院%')));
}

/** Every department name the demo uses joins the body's list, as migration 0013 does for an existing database. */
export async function seedDepartments(tx: Tx, bodyId: string) {
  await tx.execute(sql`
    insert into ${departments} (id, body_id, name)
    select substr(md5(body_id || ':' || name), 1, 24), body_id, name from (
      select distinct body_id, department as name from ${projects} where body_id = ${bodyId} and department <> ''
      union select distinct body_id, department from ${users} where body_id = ${bodyId} and department is not null and department <> ''
    ) as names
    on conflict do nothing`);
}
