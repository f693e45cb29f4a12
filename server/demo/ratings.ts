// Demo 群众评单: residents' ratings of the demo year's finished projects, a few comments approved and shown
// on the project pages, two still waiting in the staff's moderation queue.
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import { publicRatings } from '../db/schema.js';
import { newId } from '../db/ids.js';

const comments = [
  ['satisfied', '孩子在学校吃饭放心多了，手机上就能看到后厨。'],
  ['satisfied', '晚上出门再也不用摸黑了，感谢政府！'],
  ['basic', '托育点很好，就是名额还不够，希望明年再多建几个。'],
  ['satisfied', '今年汛期我们小区一点没积水，这件实事办到了心坎上。'],
] as const;
const waiting = [['basic', '路灯亮了，但有两盏经常闪，希望及时维修。'], ['unsatisfied', '施工期间道路封闭太久，出行不便。']] as const;

/** `done`: the finished projects, in the order of the comments above (one approved comment each). */
export async function seedPublicRatings(ctx: AppContext, bodyId: string, done: { id: string }[], opts = { waiting: true }) {
  const rows: (typeof publicRatings.$inferInsert)[] = [];
  const key = () => createHash('sha256').update(randomBytes(24)).digest('hex');
  done.forEach((p, j) => {
    // 60–90 ratings a project, mostly satisfied: numbers a county might see.
    const n = 60 + j * 10;
    for (let i = 0; i < n; i++) {
      const grade = i % 10 < 7 ? 'satisfied' : i % 10 < 9 ? 'basic' : 'unsatisfied';
      rows.push({ id: newId(), projectId: p.id, bodyId, grade, comment: null, status: null, keyHash: key(), createdAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00+08:00` });
    }
    const [grade, comment] = comments[j % comments.length];
    rows.push({ id: newId(), projectId: p.id, bodyId, grade, comment, status: 'visible', keyHash: key(), moderatedBy: 'admin', moderatedAt: '2026-11-30T10:00:00+08:00', createdAt: '2026-11-20T20:00:00+08:00' });
  });
  if (opts.waiting) waiting.forEach(([grade, comment], i) => {
    rows.push({ id: newId(), projectId: done[i % done.length].id, bodyId, grade, comment, status: 'pending', keyHash: key(), createdAt: `2026-12-0${i + 1}T09:00:00+08:00` });
  });
  await ctx.db.insert(publicRatings).values(rows);
}
