// The demo year's beginning, so its story is whole on the public site (issue 25): the 2026 collection window
// with the suggestions behind each 2026 project (adopted, their repeats merged), the departments' published
// assessments, and the 2026 selection vote of the congress held as a real secret ballot (12 candidates for 10
// seats), published with its signed result and the presidium's notice 第1号, all on their days in January 2026.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { assessments, ballots, collectionWindows, notices, projects, roster, sessions, suggestionEvents, suggestions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { MemberPrincipal, StaffPrincipal } from '../core/principal.js';
import { createBallot } from '../ballots/create.js';
import { castBallot } from '../ballots/cast.js';
import { closeBallot, openBallot, publishBallot } from '../ballots/lifecycle.js';
import { publishNotice } from '../ballots/notices.js';
import { newTrackingCode } from '../collection/suggestions.js';
import { indexGrams } from '../../shared/similarity.js';
import type { Member } from './rounds.js';

const year = 2026;
const voteDay = '2026-01-12';
const places = ['城关镇', '青山镇', '桃园乡', '城东街道', '河西镇', '李庄乡', '北关街道', '南湖镇'];

/** The two 2026 candidates the congress did not choose (the other ten are demo/data.ts lastYearProjects). */
export const notChosen2026 = [
  { title: '城区智慧停车诱导系统', category: '交通出行', department: '县城市管理局', investment: 680, ask: '{p}找车位难，希望装停车诱导屏' },
  { title: '乡镇文化站提档升级', category: '文化体育', department: '县文化和旅游体育局', investment: 540, ask: '{p}文化站设施陈旧，希望提档升级' },
];
/** How residents asked for each of the ten chosen, in lastYearProjects' order ({p} a place). */
const asks = [
  '{p}学校食堂后厨看不见，家长不放心', '{p}群众胸痛急救要跑市里，希望县医院能做介入', '{p}背街小巷晚上没有路灯，出行不安全',
  '{p}到县城的公交班次少、车辆旧', '{p}孩子放学早，家长接不了，希望学校开展课后服务', '{p}村里自来水时有时无',
  '{p}缺少托育机构，三岁以下孩子没人带', '{p}老人吃饭难，希望办老年助餐点', '{p}低收入户住房破旧漏雨', '{p}一下大雨就内涝，路面积水',
];

type Row = { id: string; title: string; category: string; department: string; investment: number | null };

/** Yes-share per candidate (‰ of those voting): ten comfortably chosen, two not. */
const yesShare = [912, 884, 861, 843, 826, 811, 797, 779, 764, 748, 431, 512];

export async function seedSelection2026(ctx: AppContext, admin: StaffPrincipal, bodyId: string, chosen: Row[], others: Row[], members: Member[]) {
  const db = ctx.db;
  const list = [...chosen, ...others];
  await seedSuggestions(ctx, bodyId, list);
  await db.insert(assessments).values(list.map((p, i) => ({
    projectId: p.id, feasible: true, reason: '符合民生实事项目条件，资金和建设条件具备，当年内可以完成。', investment: Number(p.investment ?? 0),
    fundingSource: '县级财政', completionDate: `${year}-${String(9 + (i % 4)).padStart(2, '0')}-30`, targets: [], assessedBy: p.department,
    assessedAt: `${year - 1}-12-${String(8 + i).padStart(2, '0')}T10:00:00+08:00`, publishedAt: `${year}-01-05T09:00:00+08:00`,
  })));

  // The fourth session of the congress: every member on the roll, 277 checked in, all of whom vote.
  const sessionId = newId();
  await db.insert(sessions).values({
    id: sessionId, bodyId, name: '清河县第十八届人民代表大会第四次会议', kind: 'congress', state: 'open', quorumNum: 2, quorumDen: 3, quorumStrict: false,
    createdAt: `${year}-01-10T09:00:00+08:00`,
  });
  const present = (i: number) => i % 13 !== 5;
  await db.insert(roster).values(members.map((m, i) => ({ sessionId, memberId: m.id, present: present(i) })));
  const ballot = await createBallot(ctx, admin, {
    sessionId, kind: 'selection', title: `${year} 年度县级民生实事项目票决`, form: 'per_candidate', seats: 10, secret: true, baseRule: 'roster',
    projectIds: list.map((p) => p.id),
  });
  await openBallot(ctx, admin, { ballotId: ballot.id });
  for (const [i, m] of members.entries()) {
    if (!present(i)) continue;
    const who: MemberPrincipal = { kind: 'member', memberId: m.id, bodyId, gen: 0 };
    // a spread that looks like a hall: each member's view of each project from a fixed stir of the two
    const choices = Object.fromEntries(list.map((p, j) => {
      const r = (i * 389 + j * 617) % 1000;
      return [p.id, r < yesShare[j] ? 'yes' : r < yesShare[j] + (1000 - yesShare[j]) * 0.6 ? 'no' : 'abstain'];
    }));
    await castBallot(ctx, who, ballot.id, { submissionKey: randomBytes(18).toString('base64url'), choices });
  }
  await closeBallot(ctx, admin, { ballotId: ballot.id });
  await publishBallot(ctx, admin, { ballotId: ballot.id });
  // Held on its day: the times say so before the notice is written (its text carries the day).
  const at = (hm: string) => `${voteDay}T${hm}:00+08:00`;
  await db.update(ballots).set({ createdAt: at('08:40'), openedAt: at('09:30'), closedAt: at('09:48'), publishedAt: at('10:02') }).where(eq(ballots.id, ballot.id));
  for (const p of chosen) await db.update(projects).set({ selectedOn: voteDay }).where(eq(projects.id, p.id));
  const { notice } = await publishNotice(ctx, admin, { sessionId, ballotId: ballot.id });
  await db.update(notices).set({ publishedAt: at('10:30') }).where(eq(notices.id, notice.id));
  await db.update(sessions).set({ state: 'ended' }).where(eq(sessions.id, sessionId));
  return { ballotId: ballot.id, noticeId: notice.id, sessionId };
}

/** The 2026 window (summer 2025) and, for each candidate, one adopted suggestion with its repeats merged into it. */
async function seedSuggestions(ctx: AppContext, bodyId: string, list: Row[]) {
  const day = 86_400_000;
  const window = { id: newId(), bodyId, year, opensAt: '2025-07-01T00:00:00+08:00', closesAt: '2025-08-31T00:00:00+08:00' };
  await ctx.db.insert(collectionWindows).values(window);
  const rows: (typeof suggestions.$inferInsert)[] = [];
  const events: (typeof suggestionEvents.$inferInsert)[] = [];
  const decided = new Date(Date.parse(window.closesAt) + 12 * day).toISOString();
  for (const [j, p] of list.entries()) {
    const ask = j < asks.length ? asks[j] : notChosen2026[j - asks.length].ask;
    const copies = 4 + ((j * 3) % 7);
    const rootId = newId();
    for (let c = 0; c <= copies; c++) {
      const id = c === 0 ? rootId : newId();
      const title = ask.replace('{p}', places[(j + c) % places.length]);
      const createdAt = new Date(Date.parse(window.opensAt) + ((j * 7 + c * 5) % 58) * day + (c % 9) * 3_600_000).toISOString();
      rows.push({
        id, bodyId, year, windowId: window.id, trackingCode: newTrackingCode(), title, description: `${title}。希望列入民生实事项目。`, category: p.category,
        area: places[(j + c) % places.length], channel: 'web', stationId: null, memberId: null, userId: null, contact: null,
        status: c === 0 ? 'adopted' : 'merged', ...(c === 0 ? { projectId: p.id, supporters: copies + 1 } : { mergedInto: rootId }),
        grams: indexGrams({ title }), createdAt, updatedAt: decided,
      });
      events.push({ suggestionId: id, status: 'received', at: createdAt, note: null });
      events.push({ suggestionId: id, status: c === 0 ? 'adopted' : 'merged', at: decided, note: c === 0 ? p.title : rows.find((r) => r.id === rootId)!.title });
    }
  }
  await ctx.db.insert(suggestions).values(rows);
  await ctx.db.insert(suggestionEvents).values(events);
}
