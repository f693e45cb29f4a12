// The carrying department (承办单位) of a project, and a department user's right to act on it.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { users } from '../db/schema.js';
import { forbidden } from '../core/errors.js';
import type { StaffPrincipal } from '../core/principal.js';

/** The department a department user works for (null for other staff). */
export async function departmentOf(db: DbOrTx, actor: StaffPrincipal): Promise<string | null> {
  if (actor.role !== 'department') return null;
  const [u] = await db.select({ department: users.department }).from(users).where(eq(users.id, actor.userId));
  return u?.department ?? null;
}

/** A department user may act only on the projects its department carries (403 not_your_department). */
export async function assertCarryingDepartment(db: DbOrTx, actor: StaffPrincipal, p: { department: string }, message: string): Promise<void> {
  if (actor.role === 'department' && (await departmentOf(db, actor)) !== p.department) throw forbidden('not_your_department', message);
}
