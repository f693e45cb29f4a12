// Fresh PostgreSQL databases for the reliability scripts and tests: one per run, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';

/** The PostgreSQL to use: DATABASE_URL, else the local cluster this machine has. */
export const pgBaseUrl = () => process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface FreshDatabase {
  url: string;
  name: string;
  /** A plain client on the fresh database, for reading state the API does not show. */
  sql(): postgres.Sql;
  drop(): Promise<void>;
}

export async function createFreshDatabase(prefix = 'minsheng_r', baseUrl = pgBaseUrl()): Promise<FreshDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template template0`);
  } finally {
    await admin.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const clients: postgres.Sql[] = [];
  return {
    url,
    name,
    sql() {
      const c = postgres(url, { max: 2, onnotice: () => {} });
      clients.push(c);
      return c;
    },
    async drop() {
      await Promise.allSettled(clients.map((c) => c.end({ timeout: 2 })));
      const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** Restarts the local PostgreSQL 15 cluster (chaos only; never from `npm test`). */
export async function restartPostgres(): Promise<{ ms: number; output: string }> {
  const started = Date.now();
  const { stdout, stderr } = await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'restart', '-m', 'fast'], { timeout: 120_000 });
  return { ms: Date.now() - started, output: `${stdout}${stderr}`.trim() };
}
