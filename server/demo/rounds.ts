// The demo's years written around the server: a project's plan, reports and visits (writeYear), and a past
// satisfaction round held as a real secret ballot (pastRound), for this year (implementation.ts) and the last
// (last-year.ts).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { ballots, inspections, progressReports, projectGrades, projectPlans, roster, sessions, supervisors } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { MemberPrincipal, StaffPrincipal } from '../core/principal.js';
import { createBallot } from '../ballots/create.js';
import { castBallot } from '../ballots/cast.js';
import { closeBallot, openBallot, publishBallot } from '../ballots/lifecycle.js';
import type { DemoImplementation } from './implementation-data.js';

export interface Member { id: string; kind: string }
export type Project = { id: string; department: string };

export async function writeYear(ctx: AppContext, project: Project, plan: Pick<DemoImplementation, 'milestones' | 'completionDate' | 'funding' | 'reports' | 'inspections'>,
  group: string[], nextPhoto: () => string) {
  const db = ctx.db;
  await db.insert(projectPlans).values({
    projectId: project.id, targets: [], milestones: plan.milestones.map(([title, due]) => ({ title, due })), funding: plan.funding,
    completionDate: plan.completionDate, updatedBy: project.department,
    // written before the first report (the 派单 in the project's 大事记), not on the day the demo is seeded
    updatedAt: `${firstDay(plan)}T10:00:00+08:00`,
  });
  if (plan.reports.length) {
    await db.insert(progressReports).values(plan.reports.map((r) => ({
      id: newId(), projectId: project.id, percent: r.percent, milestone: r.milestone ?? null, note: r.note, date: r.date,
      photos: r.photo ? [nextPhoto()] : [], createdBy: project.department, createdAt: `${r.date}T09:00:00+08:00`,
    })));
  }
  await db.insert(supervisors).values(group.map((memberId, k) => ({ projectId: project.id, memberId, lead: k === 0 })));
  if (plan.inspections.length) {
    await db.insert(inspections).values(plan.inspections.map((v, k) => ({
      id: newId(), projectId: project.id, date: v.date, findings: v.findings, photos: 'photo' in v && v.photo ? [nextPhoto()] : [],
      memberId: group[k % group.length], createdAt: `${v.date}T16:00:00+08:00`,
    })));
  }
}

/** A fortnight before the first report (or the first milestone when none yet): when the plan was made. */
function firstDay(plan: Pick<DemoImplementation, 'milestones' | 'reports'>): string {
  const first = plan.reports[0]?.date ?? plan.milestones[0][1];
  return new Date(Date.parse(`${first}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
}

export interface PastRound { session: string; title: string; round: 'midyear' | 'yearend'; at: string; votes: number[][] }

/** A past satisfaction round as a real secret ballot of the committee, so its result verifies like any other. */
export async function pastRound(ctx: AppContext, admin: StaffPrincipal, bodyId: string, committee: Member[], list: Project[], r: PastRound) {
  const sessionId = newId();
  await ctx.db.insert(sessions).values({ id: sessionId, bodyId, name: r.session, kind: 'committee', state: 'open', quorumNum: 1, quorumDen: 2, quorumStrict: true });
  await ctx.db.insert(roster).values(committee.map((m) => ({ sessionId, memberId: m.id, present: true })));
  const ballot = await createBallot(ctx, admin, {
    sessionId, kind: 'satisfaction', title: r.title, secret: true, baseRule: 'roster', projectIds: list.map((p) => p.id), round: r.round,
  });
  await openBallot(ctx, admin, { ballotId: ballot.id });
  const grade = ([s, b]: number[], i: number) => (i < s ? 'satisfied' : i < s + b ? 'basic' : 'unsatisfied');
  for (const [i, m] of committee.entries()) {
    const who: MemberPrincipal = { kind: 'member', memberId: m.id, bodyId, gen: 0 };
    const choices = Object.fromEntries(list.map((p, j) => [p.id, grade(r.votes[j], i)]));
    await castBallot(ctx, who, ballot.id, { submissionKey: randomBytes(18).toString('base64url'), choices });
  }
  await closeBallot(ctx, admin, { ballotId: ballot.id });
  await publishBallot(ctx, admin, { ballotId: ballot.id });
  // Held in the past: the times say so (the signed result and the box do not carry them).
  const at = (hm: string) => `${r.at}T${hm}:00+08:00`;
  await ctx.db.update(ballots).set({ createdAt: at('08:30'), openedAt: at('09:40'), closedAt: at('09:52'), publishedAt: at('10:05') }).where(eq(ballots.id, ballot.id));
  await ctx.db.update(projectGrades).set({ publishedAt: at('10:05') }).where(eq(projectGrades.ballotId, ballot.id));
  await ctx.db.update(sessions).set({ state: 'ended', createdAt: at('08:00') }).where(eq(sessions.id, sessionId));
}
