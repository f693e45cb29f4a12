// The halls' sockets as a process of their own, forked by `npm run bench -- --halls` and driven over IPC
// (as hall.ts is for one hall): 15,000 socket.io clients would otherwise share the load client's event
// loop and hold up the votes it sends. `RemoteHalls` is the load client's handle on it.
import { fileURLToPath } from 'node:url';
import { HallsAudience, type HallSockets, type HallsSettle } from './halls-audience.js';
import { ChildRpc } from './child-rpc.js';

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
  // 15,000 clients: more heap than Node's default may allow on a small machine.
  private readonly rpc = new ChildRpc<Request>(self, ['--import', 'tsx', '--max-old-space-size=6144'], 'halls');

  get pid() { return this.rpc.pid; }

  join(urls: string[], halls: HallSockets[]) { return this.rpc.call<number>({ op: 'join', urls, halls } as Op<'join'>); }
  watch(ballotIds: string[], targets: number[]) { return this.rpc.call<boolean>({ op: 'watch', ballotIds, targets } as Op<'watch'>); }
  messages() { return this.rpc.call<number[]>({ op: 'messages' }); }
  settle(timeoutMs: number) { return this.rpc.call<HallsSettle>({ op: 'settle', timeoutMs } as Op<'settle'>); }
  close() { return this.rpc.close(); }
}
