// Demo implementation of the demo year (2026): plans, a year of reports (some with photos made here, two
// overdue, one behind), supervision groups and inspections, a mid-year satisfaction round run as a real
// ballot (one project 不满意 → rectifying, with its rectification report), and a project carried over
// from 2025. The year-end round stays a draft in the committee session, for whoever tries the demo.

import sharp from 'sharp';
import type { AppContext } from '../context.js';
import { carryOvers, projects, rectifications } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { StaffPrincipal } from '../core/principal.js';
import { preparePhoto, storePhoto } from '../files/photos.js';
import { carriedProject, demoImplementations } from './implementation-data.js';
import { seedLastYear } from './last-year.js';
import { seedTasks } from './tasks.js';
import { seedItems } from './items.js';
import { pastRound, writeYear, type Member, type Project } from './rounds.js';

export type { Member, Project };

/** A site photo drawn here (no camera, no metadata): sky, buildings, a crane, in one of a few palettes. */
export async function sitePhoto(i: number): Promise<Uint8Array> {
  const [sky, ground, block] = [['#9cc7e8', '#b5a58a', '#d9d3c7'], ['#c6dcef', '#8fa27a', '#e8e1d4'], ['#f3d9b1', '#9a8f7d', '#cfd8dc']][i % 3];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640">
    <rect width="960" height="640" fill="${sky}"/><rect y="470" width="960" height="170" fill="${ground}"/>
    <rect x="${120 + i * 40}" y="250" width="220" height="220" fill="${block}"/><rect x="420" y="300" width="180" height="170" fill="${block}"/>
    <rect x="700" y="120" width="14" height="350" fill="#e0a100"/><rect x="560" y="120" width="300" height="12" fill="#e0a100"/>
    <line x1="620" y1="132" x2="620" y2="260" stroke="#333" stroke-width="3"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer());
}

export async function seedImplementation(ctx: AppContext, admin: StaffPrincipal, bodyId: string, year: number, list: Project[], members: Member[]) {
  const photos = await Promise.all([0, 1, 2].map(async (i) => (await storePhoto(ctx, admin, await preparePhoto('image/jpeg', await sitePhoto(i)))).id));
  let n = 0;
  const nextPhoto = () => photos[n++ % photos.length];
  // Groups of ten from the 11th member on; the first demo code (not yet checked in) leads the hospital's
  // group and sits in two more, so trying the tablet shows 我督办的项目 at once.
  const groupOf = (j: number) => members.slice(10 + j * 10, 20 + j * 10).map((m) => m.id);
  for (const [j, p] of list.entries()) {
    const group = groupOf(j);
    if (j === 1) group.unshift(members[0].id);
    if (j === 4 || j === 5) group.push(members[0].id);
    await writeYear(ctx, p, demoImplementations[j], group, nextPhoto);
    const fix = demoImplementations[j].rectification;
    if (fix) await ctx.db.insert(rectifications).values({ id: newId(), projectId: p.id, note: fix.note, date: fix.date, photos: [], createdAt: `${fix.date}T09:00:00+08:00` });
  }
  // 子项: the chest-pain centre (second of the year) in three items with their own percents
  await seedItems(ctx, list[1].id);
  const c = carriedProject;
  const [carried] = await ctx.db.insert(projects).values({
    id: newId(), bodyId, year: year - 1, title: c.title, description: `${c.title}（${year - 1} 年度民生实事项目，跨年督办）`, category: c.category,
    department: c.department, investment: c.investment, targets: [], status: 'selected',
  }).returning();
  await writeYear(ctx, carried, c, groupOf(list.length), nextPhoto);
  await ctx.db.insert(carryOvers).values({ projectId: carried.id, fromYear: year - 1, toYear: year, createdAt: `${year - 1}-12-28T10:00:00+08:00` });
  await pastRound(ctx, admin, bodyId, members.filter((m) => m.kind === 'committee'), list, {
    session: '清河县人大常委会第二十次会议', title: '2026 年度民生实事项目年中满意度测评', round: 'midyear', at: '2026-07-16', votes: demoImplementations.map((d) => d.midyear),
  });
  await seedLastYear(ctx, admin, bodyId, members, nextPhoto);
  await seedTasks(ctx, bodyId, list, photos[0]);
}
