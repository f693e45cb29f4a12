// 综合满意度 The rule a body publishes to weigh its members' grade, the residents' ratings and its household
// surveys into one figure (镇海: 群众 60 / 官员 30 / 网络 10). Every part stays shown on its own.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { satisfactionRules } from '../db/schema.js';
import { command, publicChange } from '../core/command.js';
import { notFound } from '../core/errors.js';
import { findBody } from '../bodies/tree.js';
import { iso } from '../db/time.js';
import type { satisfactionRuleInput } from '../../shared/evaluation-schemas.js';

/** setSatisfactionRule: replaces the body's rule (the weights are checked to sum to 1 by the input schema). */
export const setSatisfactionRule = command<{ bodyId: string } & z.infer<typeof satisfactionRuleInput>>()({
  action: 'satisfaction_rule.set', stage: 'evaluation', roles: ['admin'],
  scope: async (cx, input) => {
    const body = await findBody(cx.tx, input.bodyId);
    return { bodyId: body.id, body };
  },
  run: async (cx, input, { body }) => {
    const values = { bodyId: body.id, ...input.weights, updatedAt: new Date(cx.ctx.now()).toISOString() };
    const [r] = await cx.tx.insert(satisfactionRules).values(values)
      .onConflictDoUpdate({ target: satisfactionRules.bodyId, set: { members: values.members, public: values.public, survey: values.survey, updatedAt: values.updatedAt } })
      .returning();
    return { bodyId: r.bodyId, weights: { members: r.members, public: r.public, survey: r.survey }, updatedAt: iso(r.updatedAt) };
  },
  audit: (r, _input, { body }) => ({ subject: { kind: 'body', id: body.id, label: body.name }, detail: { weights: r.weights } }),
  effects: [publicChange],
});

/** GET /api/public/bodies/:bodyId/satisfaction-rule: the body's published rule (404 when it has none). */
export async function publicSatisfactionRule(ctx: AppContext, bodyId: string) {
  await findBody(ctx.db, bodyId);
  const [r] = await ctx.db.select().from(satisfactionRules).where(eq(satisfactionRules.bodyId, bodyId));
  if (!r) throw notFound('综合满意度规则');
  return { bodyId, weights: { members: r.members, public: r.public, survey: r.survey }, updatedAt: iso(r.updatedAt) };
}
