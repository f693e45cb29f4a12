// Representative liaison stations (代表联络站): each has a QR poster that opens the suggestion form.
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { stations } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { legacyAudit } from '../audit/legacy.js';
import { findBody } from '../bodies/tree.js';
import type { stationInput } from '../../shared/collection-schemas.js';

type StationRow = typeof stations.$inferSelect;
const describeStation = (s: StationRow) => ({ id: s.id, bodyId: s.bodyId, name: s.name, address: s.address });

export async function createStation(ctx: AppContext, actor: StaffPrincipal, bodyId: string, input: z.infer<typeof stationInput>) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.insert(stations).values({ id: newId(), bodyId, name: input.name, address: input.address ?? null }).returning();
    await legacyAudit(tx, { actor, action: 'collection.station_created', subject: s.id, detail: { bodyId, name: s.name } });
    return describeStation(s);
  });
}

export async function listStations(ctx: AppContext, bodyId: string) {
  await findBody(ctx.db, bodyId);
  const rows = await ctx.db.select().from(stations).where(eq(stations.bodyId, bodyId)).orderBy(asc(stations.createdAt), asc(stations.id));
  return rows.map(describeStation);
}
