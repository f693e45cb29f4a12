// 子项 rated one by one (API.md "Evaluation"): a byItem satisfaction ballot's options are the items of each
// project with items (option id = item id) and the other projects whole (option id = project id). Each item
// is graded on its own against the base; the project's own grade is graded by the same rule from its items'
// counts summed, with the base multiplied by the number of items — so one item grades exactly as the whole.
import type { Grade, ItemGradeResult, ItemRef, ProjectByItemResult } from '../types.js';
import { gradeProject, type SatisfactionCounts } from './satisfaction.js';

export interface ItemOptionCounts extends SatisfactionCounts {
  id: string;
  title: string;
  item?: ItemRef;
}

/** The project's grade from its items' counts: summed, against base × the number of items. */
export function gradeFromItems(items: readonly SatisfactionCounts[], base: number): SatisfactionCounts & { grade: Grade; rate: number } {
  const sum = items.reduce((a, c) => ({ satisfied: a.satisfied + c.satisfied, basic: a.basic + c.basic, unsatisfied: a.unsatisfied + c.unsatisfied }), { satisfied: 0, basic: 0, unsatisfied: 0 });
  return { ...sum, ...gradeProject(sum, base * items.length) };
}

/**
 * Each project once, in the order its first option appears: whole projects graded as they are, projects
 * with items graded from their items (which are listed under them in ballot order).
 */
export function gradeByItem(options: readonly ItemOptionCounts[], base: number): ProjectByItemResult[] {
  const order: string[] = [];
  const groups = new Map<string, { title: string; whole?: SatisfactionCounts; items: ItemOptionCounts[] }>();
  for (const o of options) {
    const key = o.item ? o.item.projectId : o.id;
    let g = groups.get(key);
    if (!g) {
      g = { title: o.item ? o.item.projectTitle : o.title, items: [] };
      groups.set(key, g);
      order.push(key);
    }
    if (o.item) g.items.push(o);
    else g.whole = o;
  }
  return order.map((id) => {
    const g = groups.get(id)!;
    if (!g.items.length) {
      const c = g.whole!;
      const { grade, rate } = gradeProject(c, base);
      return { id, title: g.title, satisfied: c.satisfied, basic: c.basic, unsatisfied: c.unsatisfied, grade, rate };
    }
    const items: ItemGradeResult[] = g.items.map((o) => ({
      itemId: o.id, title: o.item!.title, ...gradeProject(o, base), satisfied: o.satisfied, basic: o.basic, unsatisfied: o.unsatisfied,
    }));
    const own = gradeFromItems(g.items, base);
    return { id, title: g.title, satisfied: own.satisfied, basic: own.basic, unsatisfied: own.unsatisfied, grade: own.grade, rate: own.rate, items };
  });
}
