// Representative liaison stations (代表联络站): each has a QR poster that opens the suggestion form.
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { stations } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { command, publicChange } from '../core/command.js';
import { findBody } from '../bodies/tree.js';
import { inBody } from '../bodies/scope.js';
import type { stationInput } from '../../shared/collection-schemas.js';
import { dutyOf, dutyWindow } from './duty.js';

type StationRow = typeof stations.$inferSelect;
const describeStation = (s: StationRow) => ({ id: s.id, bodyId: s.bodyId, name: s.name, address: s.address });

/** createStation: a liaison station of the body, whose poster opens the suggestion form. */
export const createStation = command<{ bodyId: string } & z.infer<typeof stationInput>>()({
  action: 'collection.station_created', stage: 'collection', roles: ['admin'],
  scope: inBody,
  run: async (cx, input) => {
    const [s] = await cx.tx.insert(stations).values({ id: newId(), bodyId: input.bodyId, name: input.name, address: input.address ?? null }).returning();
    return describeStation(s);
  },
  audit: (s) => ({ subject: { kind: 'station', id: s.id, label: s.name }, detail: s.address ? { address: s.address } : null }),
  // the public list of stations shows it
  effects: [publicChange],
});

/** The body's stations, each with who is on duty today and the next 14 days (编组排班; days without anyone left out). */
export async function listStations(ctx: AppContext, bodyId: string) {
  await findBody(ctx.db, bodyId);
  const rows = await ctx.db.select().from(stations).where(eq(stations.bodyId, bodyId)).orderBy(asc(stations.createdAt), asc(stations.id));
  const { from, to } = dutyWindow(ctx);
  const duty = await dutyOf(ctx.db, rows.map((s) => s.id), from, to);
  return rows.map((s) => ({ ...describeStation(s), onDuty: duty.get(s.id)! }));
}
