// The halls' sockets as a process of their own, forked by `npm run bench -- --halls` and driven over IPC
// (as hall.ts is for one hall): 15,000 socket.io clients would otherwise share the load client's event
// loop and hold up the votes it sends. `RemoteHalls` is the load client's handle on it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HallsAudience, type HallSockets, type HallsSettle } from './halls-audience.js';

type Request =
  | { id: number; op: 'join'; urls: string[]; halls: HallSockets[] }
  | { id: number; op: 'watch'; ballotIds: string[]; targets: number[] }
  | { id: number; op: 'messages' }
  | { id: number; op: 'settle'; timeoutMs: number }
  | { id: number; op: 'close' };

const self = fileURLToPath(import.meta.url);

if (process.send && process.argv[1] === self) {
  let audience: HallsAudience | null = null;
  process.on('message', async (msg: Request) => {
    const reply = (value: unknown, error?: string) => process.send!({ id: msg.id, value, error });
    try {
      switch (msg.op) {
        case 'join':
          audience = new HallsAudience(msg.halls);
          return reply(await audience.joinAll(msg.urls));
        case 'watch':
          audience!.watch(msg.ballotIds, msg.targets);
          return reply(true);
        case 'messages':
          return reply(audience!.memberMessages());
        case 'settle':
          return reply(await audience!.settle(msg.timeoutMs));
        case 'close':
          audience?.close();
          reply(true);
          setTimeout(() => process.exit(0), 100);
          return;
      }
    } catch (err) {
      reply(null, String((err as Error)?.stack ?? err));
    }
  });
}

type Op<T extends Request['op']> = Omit<Extract<Request, { op: T }>, 'id'>;

export class RemoteHalls {
  private readonly child: ChildProcess;
  private next = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor() {
    // 15,000 clients: more heap than Node's default may allow on a small machine.
    this.child = fork(self, [], { execArgv: ['--import', 'tsx', '--max-old-space-size=6144'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: { id: number; value: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(new Error(`halls: ${m.error}`));
      else w.resolve(m.value);
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`halls process exited with ${code}`));
      this.waiting.clear();
    });
  }

  get pid() { return this.child.pid!; }

  private call<T>(req: Op<Request['op']>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...req, id });
    });
  }

  join(urls: string[], halls: HallSockets[]) { return this.call<number>({ op: 'join', urls, halls } as Op<'join'>); }
  watch(ballotIds: string[], targets: number[]) { return this.call<boolean>({ op: 'watch', ballotIds, targets } as Op<'watch'>); }
  messages() { return this.call<number[]>({ op: 'messages' }); }
  settle(timeoutMs: number) { return this.call<HallsSettle>({ op: 'settle', timeoutMs } as Op<'settle'>); }
  async close() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    await this.call<boolean>({ op: 'close' }).catch(() => {});
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.child.exitCode === null) this.child.kill();
  }
}
