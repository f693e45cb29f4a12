// The floor the benchmark compares against: a bare Hono app with nothing of ours in it.
//   POST /floor  parses the JSON body, does one single-row INSERT (its own transaction: one
//                autocommit statement, one durable commit) on the same PostgreSQL, answers 201;
//   GET  /hello  answers a constant JSON, the bar for public reads.
// Same driver (postgres.js) and pool size as the server (DB_POOL, default 20). Prints
// `listening on http://127.0.0.1:<port>` like server/main.ts.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

const env = process.env;
const poolSize = env.DB_POOL ? Number(env.DB_POOL) : 20;

type Insert = (key: string, choices: string) => Promise<void>;

async function openInsert(): Promise<{ insert: Insert; close(): Promise<void> }> {
  if (env.DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const sql = postgres(env.DATABASE_URL, { max: poolSize, onnotice: () => {}, connection: { application_name: 'minsheng_floor' } });
    await sql`create table if not exists floor_votes (key text primary key, choices jsonb not null)`;
    return {
      insert: async (key, choices) => { await sql`insert into floor_votes (key, choices) values (${key}, ${choices}::jsonb)`; },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  // Embedded fallback (only when the benchmark could not reach PostgreSQL).
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(env.FLOOR_DATA_DIR ?? 'memory://');
  await db.waitReady;
  await db.exec('create table if not exists floor_votes (key text primary key, choices jsonb not null)');
  return {
    insert: async (key, choices) => { await db.query('insert into floor_votes (key, choices) values ($1, $2::jsonb)', [key, choices]); },
    close: () => db.close(),
  };
}

const { insert, close } = await openInsert();

const app = new Hono();
app.post('/floor', async (c) => {
  const body = await c.req.json<{ submissionKey: string; choices: unknown }>();
  await insert(body.submissionKey, JSON.stringify(body.choices));
  return c.json({ ok: true }, 201);
});
app.get('/hello', (c) => c.json({ hello: 'world' }));

const server = serve({ fetch: app.fetch, port: env.PORT ? Number(env.PORT) : 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
(server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = 65_000;

const stop = async () => {
  server.close();
  await close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
