// The tree of bodies (city → counties → townships) and who covers which body. Core: every stage uses it.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { bodies } from '../db/schema.js';
import { forbidden, notFound } from '../core/errors.js';
import type { StaffPrincipal } from '../core/principal.js';

export type BodyRow = typeof bodies.$inferSelect;

export async function findBody(db: DbOrTx, bodyId: string): Promise<BodyRow> {
  const [body] = await db.select().from(bodies).where(eq(bodies.id, bodyId));
  if (!body) throw notFound('人大');
  return body;
}

/** A body and every body below it: a city sees what its counties and townships published. */
export async function bodyAndDescendants(db: DbOrTx, bodyId: string): Promise<string[]> {
  const all = await db.select({ id: bodies.id, parentId: bodies.parentId }).from(bodies);
  const out = [bodyId];
  for (let i = 0; i < out.length; i++) for (const b of all) if (b.parentId === out[i] && !out.includes(b.id)) out.push(b.id);
  return out;
}

/** Staff act on their own body and the bodies below it; a deployment-wide admin (no body) on all. */
export async function staffCoversBody(db: DbOrTx, staff: StaffPrincipal, bodyId: string): Promise<boolean> {
  if (staff.bodyId === null) return true;
  let current: string | null = bodyId;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current === staff.bodyId) return true;
    const [row]: { parentId: string | null }[] = await db.select({ parentId: bodies.parentId }).from(bodies).where(eq(bodies.id, current));
    current = row?.parentId ?? null;
  }
  return false;
}

export async function assertStaffOfBody(db: DbOrTx, staff: StaffPrincipal, bodyId: string): Promise<void> {
  if (!(await staffCoversBody(db, staff, bodyId))) throw forbidden('other_body', '无权管理该人大 / not your body');
}
