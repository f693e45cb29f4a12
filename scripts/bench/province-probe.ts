// `tsx scripts/bench/province-probe.ts`: times, in this process and against DATABASE_URL (a province-sized
// city), the builders behind the pages the province bench reads — the city's stats, the city's dashboard,
// a page of the city's list, one export page — so a change to one of them can be measured alone.
import { openDatabase } from '../../server/db/connect.js';
import { findCity } from '../city/seed.js';
import { findProvince } from '../province/seed.js';
import { bodyStats } from '../../server/portal/stats.js';
import { yearOverview } from '../../server/implementation/overview.js';
import { publicProjects } from '../../server/screening/public-projects.js';
import { projectPage } from '../../server/portal/export-rows.js';
import { bodyAndDescendants } from '../../server/bodies/tree.js';
import type { AppContext } from '../../server/context.js';
import { fmt, now } from './lib.js';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 8 });
const ctx = { db: database.db, now: () => new Date() } as unknown as AppContext;
const cityId = ((await findProvince(database.db)) ?? (await findCity(database.db)))!;
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const admin = { kind: 'staff', role: 'admin', bodyId: null, userId: 'probe' } as never;
const time = async (label: string, f: () => Promise<unknown>, n = 3) => {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) { const t = now(); await f(); ms.push(now() - t); }
  console.log(`${label.padEnd(28)} ${ms.map((x) => fmt(x)).join(', ')} ms`);
};
const ids = await bodyAndDescendants(database.db, cityId);
await time('city stats', () => bodyStats(ctx, cityId, year));
await time('city dashboard', () => yearOverview(ctx, admin, cityId, year));
await time('city list page (50)', () => publicProjects(ctx, cityId, year, undefined, { limit: 50, offset: 0 }));
await time('city list page 40 (50)', () => publicProjects(ctx, cityId, year, undefined, { limit: 50, offset: 1950 }));
await time('export page 1 (100)', () => projectPage(ctx, ids, year, null));
await database.close();
