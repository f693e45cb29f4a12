// DEMO=1 (and `npm start` on a fresh embedded database): a county with 300 representatives, ready to vote.
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import type { AppContext } from '../context.js';
import { seedImplementation } from './implementation.js';
import { seedPublicRatings } from './ratings.js';
import { seedEvaluation } from './evaluation.js';
import { bodies, members, projects, roster, sessions, users, ballots, ballotRounds } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { hashPassword } from '../auth/passwords.js';
import { codeHash } from '../auth/codes.js';
import { seedCollection } from './collection.js';
import { seedNotices } from './notices.js';
import { demoPhone, seedReps } from './reps.js';
import { seedDossier } from './dossier.js';
import { notChosen2026, seedSelection2026 } from './selection-2026.js';
import { seedReferrals } from './referrals.js';
import { shanghaiDate } from '../../shared/execution.js';
import { demoDepartmentPassword, demoDepartments, seedScreening } from './screening.js';
import { seedDepartments, seedReserve } from './reserve.js';
import { candidateProjects, delegations, demoCode, givenNames, lastYearProjects, surnames } from './data.js';

export const demoLogins = {
  admin: { username: 'admin', password: 'minsheng-admin' },
  presider: { username: 'presider', password: 'minsheng-presider' },
  department: { username: demoDepartments[0].username, password: demoDepartmentPassword },
};

export interface DemoInfo { bodyId: string; sessionId: string; committeeSessionId: string; firstCodes: string[] }

export async function hasDemo(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(bodies);
  return row.n > 0;
}

export async function findDemo(db: Db): Promise<DemoInfo | null> {
  const [s] = await db.select().from(sessions).where(eq(sessions.name, '清河县第十八届人民代表大会第五次会议'));
  const [c] = await db.select().from(sessions).where(eq(sessions.name, '清河县人大常委会第二十三次会议'));
  if (!s || !c) return null;
  return { bodyId: s.bodyId, sessionId: s.id, committeeSessionId: c.id, firstCodes: [0, 1, 2, 3, 4].map(demoCode) };
}

/** Seeds through the server's context: the demo's past satisfaction round is run as a real ballot. */
export async function seedDemo(ctx: AppContext, opts: { adminPassword?: string; members?: number } = {}): Promise<DemoInfo> {
  const { db, secrets } = ctx;
  const total = opts.members ?? 300;
  const cityId = newId();
  const countyId = newId();
  const sessionId = newId();
  const committeeSessionId = newId();
  const yearEndBallotId = newId();
  const hashes = await Promise.all([
    hashPassword(opts.adminPassword ?? demoLogins.admin.password),
    hashPassword(demoLogins.presider.password),
    hashPassword(demoLogins.department.password),
  ]);
  const memberRows = Array.from({ length: total }, (_, i) => ({
    id: newId(), bodyId: countyId,
    name: surnames[(i * 7) % surnames.length] + givenNames[(i * 13 + Math.floor(i / surnames.length)) % givenNames.length],
    delegation: delegations[i % delegations.length],
    kind: i % 10 === 0 ? 'committee' as const : 'rep' as const,
    codeHash: codeHash(secrets.codeKey, demoCode(i)),
  }));
  const projectRows = candidateProjects.map((p) => ({
    id: newId(), bodyId: countyId, year: 2027, title: p.title, description: `${p.title}：${p.targets.join('；')}。`,
    category: p.category, department: p.department, investment: p.investment, targets: p.targets, status: 'candidate' as const,
  }));
  const doneRows = lastYearProjects.map((p) => ({
    id: newId(), bodyId: countyId, year: 2026, title: p.title, description: `${p.title}（2026 年度民生实事项目）`,
    // candidates until the 2026 selection vote (demo/selection-2026.ts) chooses them
    category: p.category, department: p.department, investment: p.investment, targets: [], status: 'candidate' as const,
  }));
  const notChosenRows = notChosen2026.map((p) => ({
    id: newId(), bodyId: countyId, year: 2026, title: p.title, description: `${p.title}（2026 年度候选项目）`,
    category: p.category, department: p.department, investment: p.investment, targets: [], status: 'candidate' as const,
  }));
  await db.transaction(async (tx) => {
    await tx.insert(bodies).values([
      { id: cityId, name: '示范市人民代表大会常务委员会', level: 'city', parentId: null },
      { id: countyId, name: '清河县人民代表大会常务委员会', level: 'county', parentId: cityId },
    ]);
    const [existingAdmin] = await tx.select().from(users).where(eq(users.username, 'admin'));
    if (!existingAdmin) await tx.insert(users).values({ id: newId(), username: 'admin', passwordHash: hashes[0], role: 'admin', bodyId: null });
    await tx.insert(users).values([
      { id: newId(), username: demoLogins.presider.username, passwordHash: hashes[1], role: 'presider', bodyId: countyId },
      ...demoDepartments.map((d) => ({ id: newId(), username: d.username, passwordHash: hashes[2], role: 'department' as const, bodyId: countyId, department: d.department })),
    ]).onConflictDoNothing();

    await tx.insert(members).values(memberRows);

    await tx.insert(projects).values([...projectRows, ...doneRows, ...notChosenRows]);
    const collection = await seedCollection(tx, countyId, projectRows);
    await seedReps(tx, countyId, { today: shanghaiDate(ctx.now()), window: collection.windows[1], stations: collection.stations, memberIds: memberRows.map((m) => m.id), now: new Date() });
    await seedNotices(tx, countyId, { origin: ctx.publicUrl, now: new Date() });
    // 交办—反馈—回访: referred suggestions at each step of the loop
    await seedReferrals(tx, countyId, shanghaiDate(ctx.now()));
    // Assessed by their departments and approved as the list of 12 for 10 seats: the selection ballot below is made from it.
    await seedScreening(tx, countyId, 2027, projectRows);
    // The reserve (储备库) from 2025 and 2026, and every department in use listed (承办单位).
    await seedReserve(tx, countyId, projectRows);
    await seedDepartments(tx, countyId);

    await tx.insert(sessions).values([
      { id: sessionId, bodyId: countyId, name: '清河县第十八届人民代表大会第五次会议', kind: 'congress', state: 'open', quorumNum: 2, quorumDen: 3, quorumStrict: false },
      { id: committeeSessionId, bodyId: countyId, name: '清河县人大常委会第二十三次会议', kind: 'committee', state: 'open', quorumNum: 1, quorumDen: 2, quorumStrict: true },
    ]);
    // Most of the hall is already seated, so one person trying a tablet can open a ballot; the first ten codes are left for them.
    await tx.insert(roster).values(memberRows.map((m, i) => ({ sessionId, memberId: m.id, present: i >= 10 && i % 5 !== 4 })));
    await tx.insert(roster).values(memberRows.filter((m) => m.kind === 'committee').map((m, i) => ({ sessionId: committeeSessionId, memberId: m.id, present: i >= 2 && i < 22 })));

    await tx.insert(ballots).values([
      { id: newId(), sessionId, kind: 'motion', title: '表决《清河县民生实事项目人大代表票决办法》', question: '是否通过《清河县民生实事项目人大代表票决办法》？', secret: true, baseRule: 'roster', options: [] },
      {
        id: newId(), sessionId, kind: 'selection', title: '2027 年度县级民生实事项目票决', form: 'per_candidate', seats: 10, secret: true, baseRule: 'roster',
        options: projectRows.map((p) => ({ id: p.id, title: p.title, department: p.department, investment: p.investment, category: p.category })),
      },
      {
        id: yearEndBallotId, sessionId: committeeSessionId, kind: 'satisfaction', title: '2026 年度民生实事项目满意度测评', secret: true, baseRule: 'roster',
        options: doneRows.map((p) => ({ id: p.id, title: p.title, department: p.department, investment: p.investment, category: p.category })),
      },
    ]);
    await tx.insert(ballotRounds).values({ ballotId: yearEndBallotId, round: 'yearend' });
    // the 2027 vote's material, sent to the members before the session (材料提前送达)
    await seedDossier(tx, {
      bodyId: countyId, sessionId, sessionName: '清河县第十八届人民代表大会第五次会议', projectIds: projectRows.map((p) => p.id), sentBy: null, origin: ctx.publicUrl,
      phones: memberRows.slice(0, 5).map((m, i) => ({ name: m.name, phone: demoPhone(i) })), now: ctx.now(),
    });
  });
  const [adminRow] = await db.select().from(users).where(eq(users.username, 'admin'));
  const admin = { kind: 'staff' as const, userId: adminRow.id, username: adminRow.username, role: 'admin' as const, bodyId: adminRow.bodyId };
  await seedSelection2026(ctx, admin, countyId, doneRows, notChosenRows, memberRows);
  await seedImplementation(ctx, admin, countyId, 2026, doneRows, memberRows);
  // The finished ones (demo/implementation-data.ts): 明厨亮灶, 路灯, 托育, 排水.
  await seedPublicRatings(ctx, countyId, [
    { project: doneRows[0], shown: ['satisfied', '孩子在学校吃饭放心多了，手机上就能看到后厨。'] },
    { project: doneRows[2], shown: ['satisfied', '晚上出门再也不用摸黑了，感谢政府！'], waiting: [['basic', '路灯亮了，但有两盏经常闪，希望及时维修。']] },
    { project: doneRows[6], shown: ['basic', '托育点很好，就是名额还不够，希望明年再多建几个。'] },
    { project: doneRows[9], shown: ['satisfied', '今年汛期我们小区一点没积水，这件实事办到了心坎上。'], waiting: [['unsatisfied', '施工期间道路封闭太久，出行不便。']] },
  ], 2026);
  // 评议: the departments scored and one representative's 述职 graded (November 2026), the 60/30/10 rule and a
  // household survey of the school canteens (明厨亮灶), whose public page then shows the combined satisfaction.
  await seedEvaluation(ctx, admin, countyId, memberRows.filter((m) => m.kind === 'committee'), memberRows[12], doneRows[0]);
  // the outbox's one pending notice goes out when its next attempt is due
  ctx.outbox.wake();
  return { bodyId: countyId, sessionId, committeeSessionId, firstCodes: [0, 1, 2, 3, 4].map(demoCode) };
}
