// Stations' duty rosters (编组排班): who of the body's representatives is on duty at a liaison station on
// which day. Staff replace the days they name; the public list of stations and each representative's card
// show today and the next 14 days (Asia/Shanghai, by the server's clock `ctx.now()`).
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { members, stationDuty, stations } from '../db/schema.js';
import { command, publicChange } from '../core/command.js';
import { fieldError, notFound } from '../core/errors.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { shanghaiDate } from '../../shared/execution.js';
import { addDays, dutyDaysAhead } from '../../shared/duty.js';
import type { dutyInput, dutyQuery } from '../../shared/collection-schemas.js';

export interface DutyDay { date: string; members: { id: string; name: string }[] }

/** Today and the last day the public roster shows (today + 14), in Asia/Shanghai. */
export function dutyWindow(ctx: AppContext): { from: string; to: string } {
  const from = shanghaiDate(ctx.now());
  return { from, to: addDays(from, dutyDaysAhead) };
}

/** Who is on duty at each of these stations between two days (both included): per station, the days that have someone, in order. */
export async function dutyOf(db: DbOrTx, stationIds: string[], from: string, to: string): Promise<Map<string, DutyDay[]>> {
  const out = new Map<string, DutyDay[]>(stationIds.map((id) => [id, []]));
  if (!stationIds.length) return out;
  const rows = await db.select({ stationId: stationDuty.stationId, date: stationDuty.date, id: members.id, name: members.name })
    .from(stationDuty).innerJoin(members, eq(members.id, stationDuty.memberId))
    .where(and(inArray(stationDuty.stationId, stationIds), gte(stationDuty.date, from), lte(stationDuty.date, to)))
    .orderBy(asc(stationDuty.date), asc(members.name), asc(members.id));
  for (const r of rows) {
    const days = out.get(r.stationId)!;
    const last = days.at(-1);
    if (last?.date === r.date) last.members.push({ id: r.id, name: r.name });
    else days.push({ date: r.date, members: [{ id: r.id, name: r.name }] });
  }
  return out;
}

type StationRow = typeof stations.$inferSelect;

/**
 * setDuty: replaces the station's roster on each day the request names (an empty list: nobody that day);
 * every member must be a member of the station's body. Answers the station as the public list shows it.
 */
export const setDuty = command<{ stationId: string } & z.infer<typeof dutyInput>>()({
  action: 'station.duty_set', stage: 'setup', roles: ['admin'],
  scope: async (cx, input) => {
    const [station] = await cx.tx.select().from(stations).where(eq(stations.id, input.stationId)).for('update');
    if (!station) throw notFound('联络站');
    return { bodyId: station.bodyId, station };
  },
  run: async (cx, input, { station }) => {
    const { tx } = cx;
    const seen = new Set<string>();
    input.slots.forEach((slot, i) => {
      if (seen.has(slot.date)) throw fieldError(`slots.${i}.date`, `${slot.date} 重复 / the day is named twice`);
      seen.add(slot.date);
    });
    const named = [...new Set(input.slots.flatMap((s) => s.memberIds))];
    const ours = new Set(named.length
      ? (await tx.select({ id: members.id }).from(members).where(and(inArray(members.id, named), eq(members.bodyId, station.bodyId)))).map((m) => m.id)
      : []);
    input.slots.forEach((slot, i) => {
      const j = slot.memberIds.findIndex((id) => !ours.has(id));
      if (j >= 0) throw fieldError(`slots.${i}.memberIds.${j}`, '不是本级人大的代表 / not a member of the station\'s body');
    });
    if (input.slots.length) {
      await tx.delete(stationDuty).where(and(eq(stationDuty.stationId, station.id), inArray(stationDuty.date, [...seen])));
      const rows = input.slots.flatMap((s) => [...new Set(s.memberIds)].map((memberId) => ({ stationId: station.id, date: s.date, memberId })));
      if (rows.length) await tx.insert(stationDuty).values(rows);
    }
    const { from, to } = dutyWindow(cx.ctx);
    return describeWithDuty(station, (await dutyOf(tx, [station.id], from, to)).get(station.id)!);
  },
  // which days and how many on duty: never who (the roster itself is public, the entry need not repeat it)
  audit: (s, input) => ({
    subject: { kind: 'station', id: s.id, label: s.name },
    detail: { days: input.slots.map((x) => x.date).sort(), members: new Set(input.slots.flatMap((x) => x.memberIds)).size },
  }),
  effects: [publicChange],
});

export const describeWithDuty = (s: StationRow, onDuty: DutyDay[]) => ({ id: s.id, bodyId: s.bodyId, name: s.name, address: s.address, onDuty });

/** The staff's roster view: every station of the body, with who is on duty on each of `days` days from `from`. */
export async function bodyDuty(ctx: AppContext, actor: StaffPrincipal, bodyId: string, query: z.infer<typeof dutyQuery>) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const from = query.from ?? shanghaiDate(ctx.now());
  const to = addDays(from, (query.days ?? 14) - 1);
  const rows = await ctx.db.select().from(stations).where(eq(stations.bodyId, bodyId)).orderBy(asc(stations.createdAt), asc(stations.id));
  const duty = await dutyOf(ctx.db, rows.map((s) => s.id), from, to);
  return { from, to, stations: rows.map((s) => ({ id: s.id, name: s.name, days: duty.get(s.id)! })) };
}
