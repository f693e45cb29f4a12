// Demo 督办单: 公交 (behind since 31 October) with an open task already past its due day (escalated, for the
// 主任会议 and for dept-jiaotong to answer), 饮水 (silent since June) answered by its department, 路灯 with one
// answered and closed in the autumn; then the server's own rule opens a task for whatever else is red today.
import type { AppContext } from '../context.js';
import { tasks } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { shanghaiDate } from '../../shared/execution.js';
import { addDays } from '../../shared/supervision.js';
import { openTasksForRed } from '../supervision/open.js';
import type { Project } from './rounds.js';

const at = (day: string, time = '09:30') => `${day}T${time}:00+08:00`;

export async function seedTasks(ctx: AppContext, bodyId: string, list: Project[], photo: string): Promise<void> {
  const today = shanghaiDate(ctx.now());
  const [bus, water, lights] = [list[3], list[5], list[2]];
  const day = (n: number) => addDays(today, n);
  await ctx.db.insert(tasks).values([
    { id: newId(), projectId: bus.id, bodyId, reason: 'behind', openedAt: at(day(-20), '00:01'), due: day(-5) },
    {
      id: newId(), projectId: water.id, bodyId, reason: 'report_overdue', openedAt: at(day(-12), '00:01'), due: day(3), state: 'answered',
      answerText: '6 月后因汛期暂停施工，现已复工：3 个村的管网改造完成，其余 5 个村 12 月底前完工；今后每月报送进度。', answerDate: day(-2), answerPhotos: [photo], answeredAt: at(day(-2), '16:20'),
    },
    {
      id: newId(), projectId: lights.id, bodyId, reason: 'manual', note: '视察发现 3 条巷道路灯夜间不亮', openedBy: null,
      openedAt: at(day(-70)), due: day(-55), state: 'closed', answerText: '已更换损坏灯具 46 盏，线路故障全部排除，建立每周夜巡制度。',
      answerDate: day(-60), answerPhotos: [], answeredAt: at(day(-60), '15:00'), closeNote: '经回访核实，照明恢复正常，同意办结。', closedAt: at(day(-56), '10:00'),
    },
  ]).onConflictDoNothing();
  await openTasksForRed(ctx, null);
}
