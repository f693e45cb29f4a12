// Who hears of a 督办单 (docs/NOTICES.md): `task` to the carrying department's users with a phone, `red` to the
// members of the project's supervision group with a phone. Written in the transaction that opens the task.
import { and, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { CommandContext } from '../core/command.js';
import { members, supervisors, users } from '../db/schema.js';
import type { ProjectRow } from '../projects/find.js';
import type { RedReason } from '../../shared/supervision.js';
import { notify } from '../outbox/write.js';

const clip = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);
/** The words of a red reason in the notices (the screens translate the code themselves). */
export const reasonWords: Record<RedReason | 'manual', string> = {
  behind: '进度滞后', report_overdue: '长期未报进度', rectify_overdue: '整改逾期', manual: '督办视察发现问题',
};

export async function tellOfTask(cx: CommandContext<unknown>, p: ProjectRow, task: { due: string; reason: RedReason | 'manual' }, red: boolean): Promise<void> {
  const dept = await cx.tx.select({ phone: users.phone }).from(users)
    .where(and(eq(users.role, 'department'), eq(users.department, p.department), isNotNull(users.phone), or(eq(users.bodyId, p.bodyId), isNull(users.bodyId))));
  const title = clip(p.title);
  const why = reasonWords[task.reason];
  await notify(cx, dept.map((u) => ({
    kind: 'task' as const, bodyId: p.bodyId, to: u.phone!,
    text: `【民生实事】项目「${title}」已列入督办（${why}），请于${task.due}前登录平台答复督办单。`,
    params: { title, due: task.due, reason: task.reason, reasonText: why },
  })));
  if (!red) return;
  const group = await cx.tx.select({ phone: members.phone }).from(supervisors).innerJoin(members, eq(members.id, supervisors.memberId))
    .where(and(eq(supervisors.projectId, p.id), isNotNull(members.phone)));
  await notify(cx, group.map((m) => ({
    kind: 'red' as const, bodyId: p.bodyId, to: m.phone!,
    text: `【民生实事】您督办的项目「${title}」已亮红灯（${why}），已开出督办单，请关注。`,
    params: { title, reason: task.reason, reasonText: why },
  })));
}
