// 子项 rated one by one: the pure grouping and grading of a byItem satisfaction ballot (shared/counting/items.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gradeByItem, gradeFromItems, gradeProject, computeResult, tallyChoices } from '../../shared/counting/index.js';
import { checkDefinition, type BallotDefinition } from '../../shared/ballot-definition.js';
import type { ItemOptionCounts } from '../../shared/counting/index.js';

const counts = fc.record({ satisfied: fc.nat(40), basic: fc.nat(40), unsatisfied: fc.nat(40) });
const item = (projectId: string, n: number, c: { satisfied: number; basic: number; unsatisfied: number }): ItemOptionCounts =>
  ({ id: `${projectId}-i${n}`, title: `P${projectId} · item ${n}`, item: { projectId, projectTitle: `P${projectId}`, title: `item ${n}` }, ...c });

describe('gradeByItem', () => {
  it('the exactly-half edge at base × items: half is not more than half', () => {
    // two items, base 10 → 20: 满意 10 of 20 is exactly half → not 满意; 满意 + 基本满意 11 of 20 → 基本满意
    const [p] = gradeByItem([item('a', 1, { satisfied: 5, basic: 0, unsatisfied: 5 }), item('a', 2, { satisfied: 5, basic: 1, unsatisfied: 4 })], 10);
    expect(p).toMatchObject({ id: 'a', title: 'Pa', satisfied: 10, basic: 1, unsatisfied: 9, grade: '基本满意' });
    const [q] = gradeByItem([item('a', 1, { satisfied: 6, basic: 0, unsatisfied: 4 }), item('a', 2, { satisfied: 5, basic: 0, unsatisfied: 5 })], 10);
    expect(q.grade).toBe('满意');
    // the second item alone is exactly half: 不满意 on its own
    expect(q.items!.map((i) => i.grade)).toEqual(['满意', '不满意']);
    const [r] = gradeByItem([item('a', 1, { satisfied: 5, basic: 5, unsatisfied: 0 }), item('a', 2, { satisfied: 0, basic: 0, unsatisfied: 10 })], 10);
    expect(r.grade).toBe('不满意');
  });

  it('a project without items stays whole: no items, graded against the plain base', () => {
    const out = gradeByItem([{ id: 'w', title: 'Whole', satisfied: 3, basic: 1, unsatisfied: 0 }, item('a', 1, { satisfied: 0, basic: 0, unsatisfied: 4 })], 5);
    expect(out.map((p) => p.id)).toEqual(['w', 'a']);
    expect(out[0]).toEqual({ id: 'w', title: 'Whole', satisfied: 3, basic: 1, unsatisfied: 0, ...gradeProject({ satisfied: 3, basic: 1, unsatisfied: 0 }, 5) });
    expect(out[0].items).toBeUndefined();
  });

  it('property: a project’s grade is its items’ sums graded against base × items; each item graded alone', () => {
    fc.assert(fc.property(fc.array(counts, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 80 }), (cs, base) => {
      const [p] = gradeByItem(cs.map((c, i) => item('x', i, c)), base);
      const sum = cs.reduce((a, c) => ({ satisfied: a.satisfied + c.satisfied, basic: a.basic + c.basic, unsatisfied: a.unsatisfied + c.unsatisfied }), { satisfied: 0, basic: 0, unsatisfied: 0 });
      expect(p).toMatchObject({ ...sum, ...gradeProject(sum, base * cs.length) });
      expect(p.items).toEqual(cs.map((c, i) => ({ itemId: `x-i${i}`, title: `item ${i}`, ...gradeProject(c, base), ...c })));
    }));
  });

  it('property: one item grades exactly as the whole project would', () => {
    fc.assert(fc.property(counts, fc.integer({ min: 1, max: 120 }), (c, base) => {
      const [byItem] = gradeByItem([item('x', 0, c)], base);
      const [whole] = gradeByItem([{ id: 'x', title: 'Px', ...c }], base);
      expect({ ...byItem, items: undefined }).toEqual({ ...whole, items: undefined });
      expect(gradeFromItems([c], base)).toEqual({ ...c, ...gradeProject(c, base) });
    }));
  });

  it('property: every project appears once, in the order of its first option, items in ballot order', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'w1', 'w2'), counts), { maxLength: 12 }), (rows) => {
      let n = 0;
      const seenWhole = new Set<string>();
      const opts = rows.flatMap(([p, c]): ItemOptionCounts[] => {
        if (p.startsWith('w')) {
          if (seenWhole.has(p)) return [];
          seenWhole.add(p);
          return [{ id: p, title: p, ...c }];
        }
        return [item(p, n++, c)];
      });
      const out = gradeByItem(opts, 7);
      const firstSeen = [...new Set(opts.map((o) => o.item?.projectId ?? o.id))];
      expect(out.map((p) => p.id)).toEqual(firstSeen);
      for (const p of out) {
        const mine = opts.filter((o) => o.item?.projectId === p.id).map((o) => o.id);
        expect((p.items ?? []).map((i) => i.itemId)).toEqual(mine);
      }
    }));
  });
});

describe('a byItem satisfaction ballot', () => {
  const def: BallotDefinition = {
    kind: 'satisfaction', byItem: true,
    options: [
      { id: 'i1', title: 'Centre · triage', item: { projectId: 'p1', projectTitle: 'Centre', title: 'triage' } },
      { id: 'i2', title: 'Centre · ambulance', item: { projectId: 'p1', projectTitle: 'Centre', title: 'ambulance' } },
      { id: 'p2', title: 'Library' },
    ],
  };
  it('is a valid definition; the same project may not be rated whole and by items', () => {
    expect(checkDefinition(def)).toBeNull();
    expect(checkDefinition({ ...def, options: [...def.options, { id: 'p1', title: 'Centre' }] })).toMatch(/whole or by its items/);
    expect(checkDefinition({ ...def, byItem: false })).toMatch(/byItem/);
    expect(checkDefinition({ kind: 'selection', seats: 1, byItem: true, options: [{ id: 'a', title: 'A' }] })).toMatch(/only a satisfaction/);
  });
  it('its result carries byItem and the projects graded from their items', () => {
    const votes = [
      { i1: 'satisfied', i2: 'basic', p2: 'unsatisfied' },
      { i1: 'satisfied', i2: 'unsatisfied', p2: 'satisfied' },
      { i1: 'basic', i2: 'satisfied', p2: 'satisfied' },
    ] as const;
    const r = computeResult(def, tallyChoices(def, votes as never), { ballotId: 'b', base: 3, baseRule: 'roster', eligible: 3, cast: 3 });
    if (r.kind !== 'satisfaction') throw new Error('kind');
    expect(r.byItem).toBe(true);
    expect(r.options.map((o) => o.id)).toEqual(['i1', 'i2', 'p2']);
    expect(r.projects).toEqual([
      { id: 'p1', title: 'Centre', satisfied: 3, basic: 2, unsatisfied: 1, grade: '基本满意', rate: 5 / 6, items: [
        { itemId: 'i1', title: 'triage', grade: '满意', rate: 1, satisfied: 2, basic: 1, unsatisfied: 0 },
        { itemId: 'i2', title: 'ambulance', grade: '基本满意', rate: 2 / 3, satisfied: 1, basic: 1, unsatisfied: 1 },
      ] },
      { id: 'p2', title: 'Library', satisfied: 2, basic: 0, unsatisfied: 1, grade: '满意', rate: 2 / 3 },
    ]);
    // a plain satisfaction ballot's result is unchanged
    const plain = computeResult({ ...def, byItem: false, options: [{ id: 'p2', title: 'Library' }] }, tallyChoices({ kind: 'satisfaction', options: [{ id: 'p2', title: 'Library' }] }, [{ p2: 'satisfied' }]), { ballotId: 'b', base: 1, baseRule: 'roster', eligible: 1, cast: 1 });
    expect('byItem' in plain || 'projects' in plain).toBe(false);
  });
});
