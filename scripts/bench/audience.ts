// The hall, as the server sees it: one socket.io connection per member tablet, plus the presider
// console and the big screen. Each socket only counts what it receives and remembers when the
// ballot's count reached its final value, so the load client stays cheap.
import { io as connect, type Socket } from 'socket.io-client';
import { now, pool, sleep } from './lib.js';

export interface Watcher {
  role: 'member' | 'presider' | 'screen';
  socket: Socket;
  messages: number;
  /** last `ballot:update` cast seen for the current ballot */
  cast: number;
  /** now() when `ballot:update` first showed the target count */
  reachedAt: number;
  /** presider only: the same for `ballot:tally` */
  tallyCast: number;
  tallyReachedAt: number;
  disconnected: boolean;
}

export class Audience {
  readonly watchers: Watcher[] = [];
  ballotId = '';
  target = Infinity;

  constructor(private readonly url: string, private readonly sessionId: string) {}

  private async join(role: Watcher['role'], token: string): Promise<Watcher> {
    const socket = connect(this.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000 });
    const w: Watcher = { role, socket, messages: 0, cast: 0, reachedAt: 0, tallyCast: 0, tallyReachedAt: 0, disconnected: false };
    socket.onAny(() => { w.messages++; });
    socket.on('ballot:update', (p: { ballotId: string; cast: number }) => {
      if (p.ballotId !== this.ballotId) return;
      if (p.cast > w.cast) w.cast = p.cast;
      if (!w.reachedAt && p.cast >= this.target) w.reachedAt = now();
    });
    if (role === 'presider') {
      socket.on('ballot:tally', (p: { ballotId: string; cast: number }) => {
        if (p.ballotId !== this.ballotId) return;
        if (p.cast > w.tallyCast) w.tallyCast = p.cast;
        if (!w.tallyReachedAt && p.cast >= this.target) w.tallyReachedAt = now();
      });
    }
    socket.on('disconnect', () => { w.disconnected = true; });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e) => reject(e));
    });
    const ack = (await socket.timeout(60_000).emitWithAck('session:join', { sessionId: this.sessionId })) as { ok: boolean; error?: unknown };
    if (!ack?.ok) throw new Error(`session:join refused: ${JSON.stringify(ack)}`);
    return w;
  }

  /** Joins the presider, the big screen and every member token, `concurrency` handshakes at a time. */
  async joinAll(presiderToken: string, screenToken: string, memberTokens: string[], concurrency = 50) {
    this.watchers.push(await this.join('presider', presiderToken));
    this.watchers.push(await this.join('screen', screenToken));
    const members: Watcher[] = new Array(memberTokens.length);
    await pool(memberTokens.length, concurrency, async (i) => { members[i] = await this.join('member', memberTokens[i]); });
    this.watchers.push(...members);
  }

  get presider() { return this.watchers[0]; }
  get screen() { return this.watchers[1]; }
  get members() { return this.watchers.slice(2); }

  /** Starts watching a ballot: counts reset, `target` is the count that means "every vote shown". */
  watch(ballotId: string, target: number) {
    this.ballotId = ballotId;
    this.target = target;
    for (const w of this.watchers) {
      w.cast = 0; w.reachedAt = 0; w.tallyCast = 0; w.tallyReachedAt = 0;
    }
  }

  messageCounts(): number[] {
    return this.watchers.map((w) => w.messages);
  }

  /** Waits until the presider and the screen have seen the target count (or the timeout); returns how many did not. */
  async settle(timeoutMs: number): Promise<number> {
    const end = now() + timeoutMs;
    for (;;) {
      let missing = 0;
      // Tablets get a ballot's state changes, not its turnout (server/live/hub.ts): only the presider and
      // the big screen are waited for.
      for (const w of this.watchers) if (w.role !== 'member' && (!w.reachedAt || (w.role === 'presider' && !w.tallyReachedAt))) missing++;
      if (missing === 0 || now() > end) return missing;
      await sleep(20);
    }
  }

  disconnected(): number {
    return this.watchers.filter((w) => w.disconnected).length;
  }

  close() {
    for (const w of this.watchers) w.socket.close();
  }
}
