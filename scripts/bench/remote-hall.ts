// The load client's handle on the hall process (hall.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HallRequest, SettleReply } from './hall.js';
import { ChildRpc } from './child-rpc.js';

type Op<T extends HallRequest['op']> = Omit<Extract<HallRequest, { op: T }>, 'id'>;

export class RemoteHall {
  private readonly rpc = new ChildRpc<HallRequest>(path.join(path.dirname(fileURLToPath(import.meta.url)), 'hall.ts'), ['--import', 'tsx'], 'hall');

  get pid() { return this.rpc.pid; }

  join(url: string, sessionId: string, presiderToken: string, screenToken: string, memberTokens: string[]) {
    return this.rpc.call<number>({ op: 'join', url, sessionId, presiderToken, screenToken, memberTokens } as Op<'join'>);
  }
  watch(ballotId: string, target: number) { return this.rpc.call<boolean>({ op: 'watch', ballotId, target } as Op<'watch'>); }
  counts() { return this.rpc.call<number[]>({ op: 'counts' }); }
  settle(timeoutMs: number) { return this.rpc.call<SettleReply>({ op: 'settle', timeoutMs } as Op<'settle'>); }
  close() { return this.rpc.close(); }
}
