// A published satisfaction ballot records each project's grade with its round: evaluation's answer to
// `ballot.published` (server/wiring.ts), in the publishing transaction, one trail entry per grade.
// 不满意 makes the project rectifying until a later round grades it better.
import { eq, inArray } from 'drizzle-orm';
import { ballotRounds, projectGrades, projects } from '../db/schema.js';
import type { CommandContext } from '../core/command.js';
import type { DomainEvents } from '../core/events.js';
import type { ItemGradeResult, SatisfactionOptionResult, SatisfactionResult } from '../../shared/types.js';

export async function recordGrades(cx: CommandContext, { ballot }: DomainEvents['ballot.published']): Promise<void> {
  if (ballot.kind !== 'satisfaction' || !ballot.result) return;
  const result = ballot.result as SatisfactionResult;
  const [r] = await cx.tx.select().from(ballotRounds).where(eq(ballotRounds.ballotId, ballot.id));
  const round = r?.round ?? 'yearend';
  const publishedAt = ballot.publishedAt ?? new Date().toISOString();
  // 子项 rated one by one: one grade per project, graded from its items, with the items' own grades
  const graded: (SatisfactionOptionResult & { items?: ItemGradeResult[] })[] = result.byItem && result.projects ? result.projects : result.options;
  const rows = graded.map((o) => ({
    ballotId: ballot.id, projectId: o.id, round, grade: o.grade, satisfied: o.satisfied, basic: o.basic,
    unsatisfied: o.unsatisfied, base: result.base, rate: o.rate, publishedAt, items: o.items ?? null,
  }));
  if (!rows.length) return;
  const recorded = await cx.tx.insert(projectGrades).values(rows).onConflictDoNothing().returning({ projectId: projectGrades.projectId, grade: projectGrades.grade, items: projectGrades.items });
  const owners = new Map((await cx.tx.select({ id: projects.id, bodyId: projects.bodyId, title: projects.title }).from(projects)
    .where(inArray(projects.id, recorded.map((g) => g.projectId)))).map((p) => [p.id, p]));
  for (const g of recorded) {
    const p = owners.get(g.projectId);
    cx.audit({
      action: 'project.graded', stage: 'evaluation', bodyId: p?.bodyId ?? null,
      subject: { kind: 'project', id: g.projectId, label: p?.title ?? null }, detail: { ballotId: ballot.id, round, grade: g.grade, ...(g.items ? { items: g.items.length } : {}) },
    });
  }
}
