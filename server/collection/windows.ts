// Collection windows (征集期): when a body takes suggestions for a year's projects.
import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { collectionWindows, suggestions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { StaffPrincipal } from '../core/principal.js';
import { conflict } from '../core/errors.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { inBody } from '../bodies/scope.js';
import { command, publicChange } from '../core/command.js';
import type { windowInput } from '../../shared/collection-schemas.js';

type WindowRow = typeof collectionWindows.$inferSelect;

export const describeWindow = (w: WindowRow, now = Date.now()) => ({
  id: w.id, bodyId: w.bodyId, year: w.year, opensAt: new Date(w.opensAt).toISOString(), closesAt: new Date(w.closesAt).toISOString(),
  open: Date.parse(w.opensAt) <= now && now < Date.parse(w.closesAt),
});

/** createWindow: a body's collection window for a year; it may not overlap another of the body. */
export const createWindow = command<{ bodyId: string } & z.infer<typeof windowInput>>()({
  action: 'collection.window_created', stage: 'collection', roles: ['admin'],
  scope: inBody,
  run: async (cx, input) => {
    const { tx } = cx;
    // Two clerks creating windows at once must not both pass the overlap check.
    await tx.execute(sql`select pg_advisory_xact_lock(7310101, hashtext(${input.bodyId}))`);
    const overlapping = await tx.select({ id: collectionWindows.id }).from(collectionWindows).where(and(
      eq(collectionWindows.bodyId, input.bodyId),
      sql`${collectionWindows.opensAt} < ${input.closesAt}::timestamptz`,
      sql`${input.opensAt}::timestamptz < ${collectionWindows.closesAt}`,
    ));
    if (overlapping.length) throw conflict('window_overlaps', '与已有征集期重叠 / overlaps another collection window');
    const [w] = await tx.insert(collectionWindows).values({
      id: newId(), bodyId: input.bodyId, year: input.year, opensAt: input.opensAt, closesAt: input.closesAt,
    }).returning();
    return describeWindow(w);
  },
  audit: (w) => ({ subject: { kind: 'window', id: w.id, label: String(w.year) }, detail: { year: w.year, opensAt: w.opensAt, closesAt: w.closesAt } }),
  // the public collection page shows the window
  effects: [publicChange],
});

export async function listWindows(ctx: AppContext, actor: StaffPrincipal, bodyId: string) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const rows = await ctx.db.select().from(collectionWindows).where(eq(collectionWindows.bodyId, bodyId)).orderBy(asc(collectionWindows.opensAt));
  return rows.map((w) => describeWindow(w));
}

/** The window open now, if any. */
export async function openWindowOf(db: DbOrTx, bodyId: string, now = new Date()): Promise<WindowRow | null> {
  const at = now.toISOString();
  const [w] = await db.select().from(collectionWindows).where(and(
    eq(collectionWindows.bodyId, bodyId), lte(collectionWindows.opensAt, at), gt(collectionWindows.closesAt, at),
  )).limit(1);
  return w ?? null;
}

/** The window a resident should see: of the given year; else open now, else the next to open, else the last. */
async function windowToShow(db: DbOrTx, bodyId: string, year?: number): Promise<WindowRow | null> {
  const mine = eq(collectionWindows.bodyId, bodyId);
  if (year !== undefined) {
    const [w] = await db.select().from(collectionWindows).where(and(mine, eq(collectionWindows.year, year))).orderBy(desc(collectionWindows.opensAt)).limit(1);
    return w ?? null;
  }
  const open = await openWindowOf(db, bodyId);
  if (open) return open;
  const now = new Date().toISOString();
  const [next] = await db.select().from(collectionWindows).where(and(mine, gt(collectionWindows.opensAt, now))).orderBy(asc(collectionWindows.opensAt)).limit(1);
  if (next) return next;
  const [last] = await db.select().from(collectionWindows).where(mine).orderBy(desc(collectionWindows.closesAt)).limit(1);
  return last ?? null;
}

const countBy = (rows: { key: string | null; n: number }[]): Record<string, number> => Object.fromEntries(rows.map((r) => [r.key ?? '', Number(r.n)]));

/** GET /api/public/bodies/:bodyId/collection: the window and counts only, never a suggestion's text. */
export async function publicCollection(ctx: AppContext, bodyId: string, year?: number) {
  await findBody(ctx.db, bodyId);
  const w = await windowToShow(ctx.db, bodyId, year);
  const y = year ?? w?.year;
  if (y === undefined) return { window: null, received: 0, byCategory: countBy([]), byChannel: countBy([]), adopted: 0 };
  const of = and(eq(suggestions.bodyId, bodyId), eq(suggestions.year, y));
  const n = sql<number>`count(*)::int`;
  const [byCategory, byChannel, [totals]] = await Promise.all([
    ctx.db.select({ key: suggestions.category, n }).from(suggestions).where(of).groupBy(suggestions.category),
    ctx.db.select({ key: suggestions.channel, n }).from(suggestions).where(of).groupBy(suggestions.channel),
    ctx.db.select({ received: n, adopted: sql<number>`count(*) filter (where ${suggestions.status} = 'adopted')::int` }).from(suggestions).where(of),
  ]);
  const shown = w ? describeWindow(w) : null;
  return {
    window: shown && { year: shown.year, opensAt: shown.opensAt, closesAt: shown.closesAt, open: shown.open },
    year: y, received: Number(totals.received), byCategory: countBy(byCategory), byChannel: countBy(byChannel), adopted: Number(totals.adopted),
  };
}
