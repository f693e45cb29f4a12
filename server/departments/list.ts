// A body's departments (承办单位) as a list: staff choose a project's department from it, so a typo no longer
// misroutes a project silently. A name set anywhere (a project, a department user) joins the list by itself.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { departments } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { command } from '../core/command.js';
import { conflict } from '../core/errors.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { inBody } from '../bodies/scope.js';
import type { departmentInput } from '../../shared/reserve-schemas.js';

const describe = (d: typeof departments.$inferSelect) => ({ id: d.id, name: d.name });

/** Lists `name` among the body's departments if it is not there yet (in the caller's transaction). */
export async function ensureDepartment(db: DbOrTx, bodyId: string, name: string | null | undefined): Promise<void> {
  const trimmed = name?.trim();
  if (!trimmed) return;
  await db.insert(departments).values({ id: newId(), bodyId, name: trimmed }).onConflictDoNothing();
}

/** The body's departments, by name (Chinese collation is the database's; the list is short). */
export async function listDepartments(ctx: AppContext, actor: StaffPrincipal, bodyId: string) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const rows = await ctx.db.select().from(departments).where(eq(departments.bodyId, bodyId)).orderBy(asc(departments.name), asc(departments.id));
  return rows.map(describe);
}

/** Adds a department on purpose (新增承办单位); a name already listed → 409 department_exists. */
export const createDepartment = command<{ bodyId: string } & z.infer<typeof departmentInput>>()({
  action: 'department.created', stage: 'setup', roles: ['admin'],
  scope: inBody,
  run: async (cx, input) => {
    const [row] = await cx.tx.insert(departments).values({ id: newId(), bodyId: input.bodyId, name: input.name }).onConflictDoNothing().returning();
    if (!row) {
      const [existing] = await cx.tx.select().from(departments).where(and(eq(departments.bodyId, input.bodyId), eq(departments.name, input.name)));
      throw conflict('department_exists', `承办单位「${existing?.name ?? input.name}」已在列表中 / the department is already listed`);
    }
    return describe(row);
  },
  audit: (d) => ({ subject: { kind: 'department', id: d.id, label: d.name } }),
});
