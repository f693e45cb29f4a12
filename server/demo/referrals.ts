// The demo county's 交办—反馈—回访: suggestions of the closed window referred to departments, at each step of
// the loop — waiting for the answer (one past due), answered and waiting for the return call, called back
// unsatisfied and referred again (round 2), and closed. The demo's 县教育局 login (dept-jiaoyu) has some to answer.
import { and, asc, eq, like } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { departments, referralAnswers, referralVisits, referrals, suggestions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { addDays } from '../../shared/supervision.js';

const at = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;

export async function seedReferrals(tx: Tx, bodyId: string, today: string): Promise<void> {
  const names = ['县教育局', '县民政局', '县生态环境分局'];
  await tx.insert(departments).values(names.map((name) => ({ id: newId(), bodyId, name }))).onConflictDoNothing();
  const referred = (word: string) => tx.select({ id: suggestions.id }).from(suggestions)
    .where(and(eq(suggestions.bodyId, bodyId), eq(suggestions.status, 'referred'), like(suggestions.title, `%${word}%`))).orderBy(asc(suggestions.createdAt));
  const [teachers, allowance, smell] = [await referred('教师编制'), await referred('低保'), await referred('异味')];
  const plan: { s?: { id: string }; department: string; opened: number; steps: 'open' | 'overdue' | 'answered' | 'again' | 'closed' }[] = [
    { s: teachers[0], department: '县教育局', opened: -12, steps: 'open' },
    { s: teachers[1], department: '县教育局', opened: -40, steps: 'overdue' },
    { s: teachers[2], department: '县教育局', opened: -35, steps: 'answered' },
    { s: allowance[0], department: '县民政局', opened: -50, steps: 'again' },
    { s: smell[0], department: '县生态环境分局', opened: -80, steps: 'closed' },
    { s: smell[1], department: '县生态环境分局', opened: -60, steps: 'answered' },
  ];
  for (const p of plan) {
    if (!p.s) continue;
    const id = newId();
    const opened = addDays(today, p.opened);
    const answered = addDays(opened, 20);
    const visited = addDays(answered, 5);
    const row = { id, suggestionId: p.s.id, bodyId, department: p.department, due: addDays(opened, 30), state: 'open' as const, round: 1, createdAt: at(opened), updatedAt: at(opened) };
    const answer = (round: number, date: string, text: string) => ({ id: newId(), referralId: id, round, text, at: at(date, 15) });
    if (p.steps === 'open' || p.steps === 'overdue') {
      // overdue: opened 40 days ago, due 10 days ago, still waiting
      await tx.insert(referrals).values(row);
    } else if (p.steps === 'answered') {
      await tx.insert(referrals).values({ ...row, state: 'answered', updatedAt: at(answered, 15) });
      await tx.insert(referralAnswers).values(answer(1, answered, p.department === '县教育局'
        ? '经核查，该校现有教师缺编 4 名。已纳入下学期县级教师统一招聘计划，9 月前到岗，期间由县城中学 2 名教师支教。'
        : '已对周边三家企业开展夜间执法检查，责令一家企业更换活性炭吸附装置，并安装在线监测设备，10 日内整改到位。'));
    } else if (p.steps === 'again') {
      const again = addDays(visited, 30);
      await tx.insert(referrals).values({ ...row, round: 2, due: again, updatedAt: at(visited, 16) });
      await tx.insert(referralAnswers).values(answer(1, answered, '低保标准由市级统一测算确定，县民政局已将群众意见报送市民政局，待明年调整。'));
      await tx.insert(referralVisits).values({ id: newId(), referralId: id, round: 1, date: visited, satisfied: false, note: '群众认为答复只说上报，没有说明对困难家庭的临时救助措施，不满意。', at: at(visited, 16) });
    } else {
      const visit2 = addDays(visited, 1);
      await tx.insert(referrals).values({ ...row, state: 'closed', updatedAt: at(visit2, 11) });
      await tx.insert(referralAnswers).values(answer(1, answered, '经夜间监测，异味来自某化工厂废气处理设施故障，已责令停产整改，设施修复后复测达标。'));
      await tx.insert(referralVisits).values({ id: newId(), referralId: id, round: 1, date: visit2, satisfied: true, note: '电话回访，群众反映近两周夜间已无异味，表示满意。', at: at(visit2, 11) });
    }
  }
}
