// Demo 子项: the 2026 chest-pain centre (胸痛中心, in progress) split into three items, each with a target
// and a percent, the latest report carrying those percents, as the department would have reported them.
import { desc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { progressReports, projectItems } from '../db/schema.js';
import { newId } from '../db/ids.js';

const chestPainItems = [
  { title: '导管室改造', target: '建成符合标准的导管室 1 间并通过验收', percent: 100 },
  { title: 'DSA 设备安装与急诊介入', target: '设备安装调试完成，24 小时开展急诊介入手术', percent: 90 },
  { title: '乡镇胸痛救治网络', target: '12 个乡镇卫生院全部接入院前心电图传输', percent: 65 },
];

export async function seedItems(ctx: AppContext, projectId: string) {
  const rows = chestPainItems.map((it, position) => ({ id: newId(), projectId, position, ...it }));
  await ctx.db.insert(projectItems).values(rows);
  const [latest] = await ctx.db.select({ id: progressReports.id }).from(progressReports)
    .where(eq(progressReports.projectId, projectId)).orderBy(desc(progressReports.date)).limit(1);
  if (latest) await ctx.db.update(progressReports).set({ items: rows.map((r) => ({ itemId: r.id, percent: r.percent })) }).where(eq(progressReports.id, latest.id));
}
