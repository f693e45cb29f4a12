// Each test file gets a database of its own: an in-memory PGlite, or, when DATABASE_URL is set, a fresh
// PostgreSQL database created for the file and dropped after it.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../server/db/connect.js';

export const onPostgres = !!process.env.DATABASE_URL;

export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ dataDir: 'memory://' });
  const name = `minsheng_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template template0`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: testUrl.toString(), poolSize: 20 });
  return {
    ...db,
    url: testUrl.toString(),
    async close() {
      await db.close();
      const a = postgres(url, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
