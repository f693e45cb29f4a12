// The server as a child process, the way `npm start` runs it, so it can be SIGKILLed and started again.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChildServer {
  url: string;
  port: number;
  pid: number;
  /** Everything the child printed (stdout and stderr), for a failure message. */
  output(): string;
  /** SIGKILL: no shutdown code runs, in-flight requests get a reset connection. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

export interface ChildOptions {
  databaseUrl: string;
  adminPassword: string;
  env?: Record<string, string>;
  /** ms to wait for `listening on …` */
  timeout?: number;
}

/**
 * Runs `server/main.ts` with PORT=0 and waits for the line `listening on http://127.0.0.1:<port>`.
 * It runs as `node --import tsx server/main.ts` (what `npx tsx` does, minus the wrapper process, so
 * that SIGKILL reaches the server itself), in a process group of its own that is killed whole.
 */
export async function spawnServer(opts: ChildOptions): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: opts.databaseUrl,
      DATA_DIR: '/nonexistent-data-dir-unused',
      ADMIN_PASSWORD: opts.adminPassword,
      DEMO: '0',
      ...opts.env,
    },
  });
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${opts.timeout ?? 30000} ms:\n${log}`)), opts.timeout ?? 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.length > 200_000) log = log.slice(-100_000);
      const m = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${log}`));
    });
  });
  const pid = child.pid!;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      /* already gone */
    }
  };
  return {
    url,
    port: Number(new URL(url).port),
    pid,
    output: () => log,
    exited,
    async kill() {
      killGroup('SIGKILL');
      await exited;
    },
    async stop() {
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
