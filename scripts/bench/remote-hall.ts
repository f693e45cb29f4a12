// The load client's handle on the hall process (hall.ts).
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HallRequest, SettleReply } from './hall.js';

type Op<T extends HallRequest['op']> = Omit<Extract<HallRequest, { op: T }>, 'id'>;

export class RemoteHall {
  private readonly child: ChildProcess;
  private next = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor() {
    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hall.ts');
    this.child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: { id: number; value: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(new Error(`hall: ${m.error}`));
      else w.resolve(m.value);
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`hall process exited with ${code}`));
      this.waiting.clear();
    });
  }

  get pid() { return this.child.pid!; }

  private call<T>(req: Op<HallRequest['op']>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...req, id });
    });
  }

  join(url: string, sessionId: string, presiderToken: string, screenToken: string, memberTokens: string[]) {
    return this.call<number>({ op: 'join', url, sessionId, presiderToken, screenToken, memberTokens } as Op<'join'>);
  }
  watch(ballotId: string, target: number) { return this.call<boolean>({ op: 'watch', ballotId, target } as Op<'watch'>); }
  counts() { return this.call<number[]>({ op: 'counts' }); }
  settle(timeoutMs: number) { return this.call<SettleReply>({ op: 'settle', timeoutMs } as Op<'settle'>); }
  async close() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    await this.call<boolean>({ op: 'close' }).catch(() => {});
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.child.exitCode === null) this.child.kill();
  }
}
