// Demo 评议 (issue 24): a 2026 standing-committee session that held two real secret evaluation ballots — a
// scored 评议 of the county's departments (0–100, two red flags and one black) and one representative's
// 述职评议 by grade — both published with signed results and boxes that verify; the body's published rule for
// the combined satisfaction; and a household survey of a finished project, so its public page shows the
// composite with all three parts.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { ballots, roster, sessions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { MemberPrincipal, StaffPrincipal } from '../core/principal.js';
import { createBallot } from '../ballots/create.js';
import { castBallot } from '../ballots/cast.js';
import { closeBallot, openBallot, publishBallot } from '../ballots/lifecycle.js';
import { setSatisfactionRule } from '../evaluation/rules.js';
import { recordSurvey } from '../evaluation/surveys.js';
import type { Member } from './rounds.js';

export const evaluationSession = '清河县人大常委会第二十二次会议';
const day = '2026-11-26';

/** The departments evaluated and the mean each is heading for (the members' scores stir around it). */
export const evaluatedDepartments: readonly (readonly [string, number])[] = [
  ['县教育局', 91], ['县卫生健康局', 89], ['县交通运输局', 84], ['县住房和城乡建设局', 80], ['县水利局', 87],
  ['县民政局', 86], ['县市场监督管理局', 83], ['县城市管理局', 76], ['县文化和旅游体育局', 82], ['县人力资源和社会保障局', 85],
];

/**
 * 镇海's 综合满意度 weighs 群众 60 / 官员 30 / 网络 10. Our three parts map onto it by who is asked:
 * 群众 (residents asked in person) → `survey`, the household survey (入户调查); 官员 (the evaluation by those
 * in office) → `members`, the committee's own satisfaction grade, the institutional voice in our system;
 * 网络 (online) → `public`, the residents' ratings sent through the public site.
 */
export const demoRule = { members: 0.3, public: 0.1, survey: 0.6 } as const;

export interface DemoEvaluation { sessionId: string; scoredId: string; gradedId: string; surveyedProjectId: string }

/** `committee`: the members who vote (all present); `speaker`: the representative whose 述职 is graded. */
export async function seedEvaluation(ctx: AppContext, admin: StaffPrincipal, bodyId: string, committee: Member[], speaker: Member, surveyed: { id: string }): Promise<DemoEvaluation> {
  const sessionId = newId();
  await ctx.db.insert(sessions).values({ id: sessionId, bodyId, name: evaluationSession, kind: 'committee', state: 'open', quorumNum: 1, quorumDen: 2, quorumStrict: true });
  await ctx.db.insert(roster).values(committee.map((m) => ({ sessionId, memberId: m.id, present: true })));
  const at = (hm: string) => `${day}T${hm}:00+08:00`;

  const scored = await createBallot(ctx, admin, {
    sessionId, kind: 'evaluation', title: '2026 年度县政府组成部门工作评议（无记名打分）', form: 'score', scale: { min: 0, max: 100 },
    flags: { red: 2, black: 1 }, subjects: evaluatedDepartments.map(([name]) => ({ kind: 'department' as const, name })),
  });
  // each member's score: the department's mean stirred by a fixed spread of −4…+4 (sums to zero over nine members)
  await hold(ctx, admin, bodyId, committee, scored.id, (i) => Object.fromEntries(scored.options.map((o, j) => [o.id, evaluatedDepartments[j][1] + ((i * 5 + j * 2) % 9) - 4])));
  await ctx.db.update(ballots).set({ createdAt: at('08:40'), openedAt: at('09:30'), closedAt: at('09:45'), publishedAt: at('10:00') }).where(eq(ballots.id, scored.id));

  const graded = await createBallot(ctx, admin, {
    sessionId, kind: 'evaluation', title: '县人大代表履职情况述职评议', form: 'grade', subjects: [{ kind: 'member', memberId: speaker.id }],
  });
  // most satisfied, a few basic, one not
  const grade = (i: number) => (i === committee.length - 1 ? 'unsatisfied' : i % 6 === 5 ? 'basic' : 'satisfied');
  await hold(ctx, admin, bodyId, committee, graded.id, (i) => ({ [graded.options[0].id]: grade(i) }));
  await ctx.db.update(ballots).set({ createdAt: at('10:10'), openedAt: at('10:40'), closedAt: at('10:50'), publishedAt: at('11:00') }).where(eq(ballots.id, graded.id));
  await ctx.db.update(sessions).set({ state: 'ended', createdAt: at('08:00') }).where(eq(sessions.id, sessionId));

  await setSatisfactionRule(ctx, admin, { bodyId, weights: { ...demoRule } });
  // 入户调查 of 200 households by the street offices, 192 answering
  await recordSurvey(ctx, admin, { projectId: surveyed.id, satisfied: 158, basic: 27, unsatisfied: 7, households: 200, method: '入户调查', date: '2026-11-20' });
  return { sessionId, scoredId: scored.id, gradedId: graded.id, surveyedProjectId: surveyed.id };
}

/** Opens the ballot, every committee member votes `choices(i)`, then it is closed and published (signed). */
async function hold(ctx: AppContext, admin: StaffPrincipal, bodyId: string, committee: Member[], ballotId: string, choices: (i: number) => Record<string, string | number>) {
  await openBallot(ctx, admin, { ballotId });
  for (const [i, m] of committee.entries()) {
    const who: MemberPrincipal = { kind: 'member', memberId: m.id, bodyId, gen: 0 };
    await castBallot(ctx, who, ballotId, { submissionKey: randomBytes(18).toString('base64url'), choices: choices(i) });
  }
  await closeBallot(ctx, admin, { ballotId });
  await publishBallot(ctx, admin, { ballotId });
}
