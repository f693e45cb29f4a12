import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { users } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { hashPassword } from '../auth/passwords.js';

/** On an empty database, ADMIN_PASSWORD creates the deployment-wide user `admin`. */
export async function ensureAdmin(db: Db, password: string): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return false;
  const [existing] = await db.select().from(users).where(eq(users.username, 'admin'));
  if (existing) return false;
  await db.insert(users).values({ id: newId(), username: 'admin', passwordHash: await hashPassword(password), role: 'admin', bodyId: null }).onConflictDoNothing();
  return true;
}
