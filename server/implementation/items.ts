// 子项: the items of a selected project (each with a target and its own percent), set by its carrying
// department or an admin; progress reports move each item's percent (plans.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { projectItems } from '../db/schema.js';
import type { DbOrTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { command, publicChange } from '../core/command.js';
import { invalid } from '../core/errors.js';
import type { itemsInput } from '../../shared/implementation-schemas.js';
import { assertSelected, carrierScope, projectSubject } from './access.js';
import { describeProject } from '../projects/find.js';
import { itemsOfProject } from '../projects/items.js';

/**
 * setProjectItems: the project's items, replaced whole in the given order. An item whose title is unchanged
 * keeps its id and its percent (reports and ratings name it by id); every other item starts at 0 %.
 */
export const setProjectItems = command<{ projectId: string } & z.infer<typeof itemsInput>>()({
  action: 'project.items_set', stage: 'implementation', roles: ['admin', 'department'],
  scope: carrierScope,
  run: async (cx, { projectId, items }, { project: p }) => {
    assertSelected(p);
    const before = await cx.tx.select().from(projectItems).where(eq(projectItems.projectId, projectId));
    const kept = new Map(before.map((r) => [r.title, r]));
    await cx.tx.delete(projectItems).where(eq(projectItems.projectId, projectId));
    if (items.length) {
      await cx.tx.insert(projectItems).values(items.map((it, position) => {
        const old = kept.get(it.title);
        return { id: old?.id ?? newId(), projectId, position, title: it.title, target: it.target ?? null, percent: old?.percent ?? 0 };
      }));
    }
    await cx.emit('project.execution_changed', { projectIds: [projectId] });
    return { ...describeProject(p), items: await itemsOfProject(cx.tx, projectId) };
  },
  audit: (_out, input, { project }) => ({ subject: projectSubject(project), detail: { items: input.items.length } }),
  effects: [publicChange],
});

/** A report's item percents: each must name an item of the project, once (422 else); then each item takes its percent. */
export async function applyItemPercents(db: DbOrTx, projectId: string, list: { itemId: string; percent: number }[]): Promise<void> {
  if (!list.length) return;
  const ids = list.map((i) => i.itemId);
  const found = await db.select({ id: projectItems.id }).from(projectItems).where(and(eq(projectItems.projectId, projectId), inArray(projectItems.id, ids)));
  if (found.length !== new Set(ids).size || ids.length !== new Set(ids).size) {
    throw invalid('子项不属于该项目 / not an item of the project', [{ field: 'items', message: 'unknown or repeated item' }]);
  }
  for (const i of list) await db.update(projectItems).set({ percent: i.percent }).where(eq(projectItems.id, i.itemId));
}
