// A database for one bench run: DATABASE_URL as given (kept), or a fresh minsheng_bench_<random> on the
// local PostgreSQL, dropped at the end. These benches are about PostgreSQL: no embedded fallback.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export interface BenchDb { url: string; fresh: boolean; drop(): Promise<void> }

export async function benchDatabase(): Promise<BenchDb> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, fresh: false, drop: async () => {} };
  const base = 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `minsheng_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 1 }).catch(() => {});
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(), fresh: true,
    async drop() {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export const redact = (url: string) => url.replace(/\/\/[^@]*@/, '//');
