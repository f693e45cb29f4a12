// One real server process per e2e file, on its own embedded database in a fresh temporary directory.
import fs from 'node:fs';
import { inject } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { apiClient, spawnServer, type ServerProcess } from '../../helpers/process.js';
import { createHall, ok, type Hall } from '../../helpers/fixtures.js';
import type { TestServer } from '../../helpers/server.js';
import { adminPassword } from './constants.js';

export { adminPassword };

export interface E2EServer {
  url: string;
  port: number;
  dataDir: string;
  call: ReturnType<typeof apiClient>;
  adminToken: string;
  proc: ServerProcess;
  /** stop the process (SIGTERM) and start it again on the same port and database */
  restart(opts?: { downMs?: number }): Promise<void>;
  /** stop it and remove the database */
  close(): Promise<void>;
  hall(opts: Parameters<typeof createHall>[1]): Promise<Hall>;
}

/** `demo`: the demo county seeded at start (DEMO=1), as a clerk finds it after `npm start`. */
export async function startE2EServer(opts: { demo?: boolean } = {}): Promise<E2EServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-e2e-'));
  // a copy of the database the global setup created and migrated (empty but for the admin user)
  let template: string | undefined;
  try { template = inject('e2eTemplateDir'); } catch { /* outside vitest: start from an empty directory */ }
  // without the backup socket: a template server stopped before it set up its SIGTERM handler leaves it behind
  if (template && fs.existsSync(template)) fs.cpSync(template, dataDir, { recursive: true, filter: (src) => path.basename(src) !== '.ops.sock' });
  const env = { DATA_DIR: dataDir, DEMO: opts.demo ? '1' : '0', ADMIN_PASSWORD: adminPassword };
  let proc: ServerProcess;
  try {
    // generous: the machine may be busy, and a fresh embedded database is created and migrated
    proc = await spawnServer(env, 120_000);
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const url = proc.url;
  const port = Number(new URL(url).port);
  const call = apiClient(url);
  const login = ok(await call('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword } })) as { token: string };
  const server: E2EServer = {
    url, port, dataDir, call, adminToken: login.token, proc,
    async restart({ downMs = 0 } = {}) {
      // a graceful stop; a server that has not exited after 10 s is killed (the socket drops either way)
      const stopped = proc.stop('SIGTERM');
      const timer = setTimeout(() => proc.child.kill('SIGKILL'), 10_000);
      await stopped;
      clearTimeout(timer);
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      proc = await spawnServer({ ...env, PORT: String(port) }, 120_000);
      server.proc = proc;
    },
    async close() {
      await proc.stop('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    hall(opts) {
      return createHall({ call, adminToken: login.token } as unknown as TestServer, opts);
    },
  };
  return server;
}

/** Rejects after `ms` with `label` and the end of the server's log, instead of waiting for ever. */
export function within<T>(server: E2EServer, ms: number, label: string, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer after ${ms} ms; server log:\n${server.proc.output().slice(-3000)}`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** A presider account of the hall's body with a known password (createHall keeps the password fixed). */
export async function presiderLogin(server: E2EServer, hall: Hall): Promise<{ username: string; password: string }> {
  const me = ok(await server.call('GET', '/api/me', { token: hall.presiderToken })) as { user: { username: string } };
  return { username: me.user.username, password: 'presider-pass' };
}
