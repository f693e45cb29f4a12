// The hall's tablets, presider console and big screen as a process of their own (forked by the
// benchmark, driven over IPC): 3,000 socket.io clients receiving frames would otherwise share the
// load client's event loop and hold up the votes it sends, which would measure the client.
// Times are CLOCK_MONOTONIC milliseconds (lib.ts `now`), comparable with the load client's.
import { Audience } from './audience.js';

export type HallRequest =
  | { id: number; op: 'join'; url: string; sessionId: string; presiderToken: string; screenToken: string; memberTokens: string[] }
  | { id: number; op: 'watch'; ballotId: string; target: number }
  | { id: number; op: 'counts' }
  | { id: number; op: 'settle'; timeoutMs: number }
  | { id: number; op: 'close' };

export interface SettleReply {
  missing: number;
  presider: number; presiderTally: number; screen: number;
  /** per member socket: when its count reached the target (0 = never) */
  members: number[];
  disconnected: number;
}

let audience: Audience | null = null;

process.on('message', async (msg: HallRequest) => {
  const reply = (value: unknown, error?: string) => process.send!({ id: msg.id, value, error });
  try {
    switch (msg.op) {
      case 'join':
        audience = new Audience(msg.url, msg.sessionId);
        await audience.joinAll(msg.presiderToken, msg.screenToken, msg.memberTokens);
        return reply(audience.watchers.length);
      case 'watch':
        audience!.watch(msg.ballotId, msg.target);
        return reply(true);
      case 'counts':
        return reply(audience!.messageCounts());
      case 'settle': {
        const missing = await audience!.settle(msg.timeoutMs);
        const a = audience!;
        const out: SettleReply = {
          missing, presider: a.presider.reachedAt, presiderTally: a.presider.tallyReachedAt, screen: a.screen.reachedAt,
          members: a.members.map((w) => w.reachedAt), disconnected: a.disconnected(),
        };
        return reply(out);
      }
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
