// Many halls' sockets (`npm run bench -- --halls`): per hall a presider console, a big screen and a
// tablet per member, each counting what it receives. A socket notes any event that names another hall's
// session or ballot (there must be none), when the presider's and screen's counts reached the hall's
// last vote, and how many messages each tablet got. With two servers the sockets are spread over them.
import { io as connect, type Socket } from 'socket.io-client';
import { now, pool, sleep } from './lib.js';

export interface HallSockets { sessionId: string; presiderToken: string; screenToken: string; memberTokens: string[] }

interface Watcher {
  hall: number;
  role: 'member' | 'presider' | 'screen';
  socket: Socket;
  messages: number;
  /** events naming another hall's session or ballot */
  crossed: number;
  reachedAt: number;
  tallyReachedAt: number;
  disconnected: boolean;
}

export interface HallsSettle {
  /** presider/screen sockets that never saw their hall's final count (presiders: also the tally) */
  missing: number;
  /** per hall: when the presider's ballot:update, its ballot:tally and the screen's ballot:update showed the final count */
  presider: number[]; presiderTally: number[]; screen: number[];
  crossed: number;
  disconnected: number;
}

export class HallsAudience {
  private readonly watchers: Watcher[] = [];
  /** per hall: its ballots (known before they open), the ballot watched and its final count */
  private readonly ballots: Set<string>[] = [];
  private watched: { ballotId: string; target: number }[] = [];

  constructor(private readonly halls: HallSockets[]) {
    for (let h = 0; h < halls.length; h++) this.ballots.push(new Set());
  }

  private async join(urls: string[], urlIndex: number, hall: number, role: Watcher['role'], token: string): Promise<Watcher> {
    const socket = connect(urls[urlIndex % urls.length], { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 120_000 });
    const w: Watcher = { hall, role, socket, messages: 0, crossed: 0, reachedAt: 0, tallyReachedAt: 0, disconnected: false };
    const sessionId = this.halls[hall].sessionId;
    socket.onAny((event: string, p: { sessionId?: string; ballotId?: string; cast?: number }) => {
      w.messages++;
      if ((p?.sessionId && p.sessionId !== sessionId) || (p?.ballotId && !this.ballots[hall].has(p.ballotId))) w.crossed++;
      const watched = this.watched[hall];
      if (role === 'member' || !watched || p?.ballotId !== watched.ballotId || (p.cast ?? -1) < watched.target) return;
      if (event === 'ballot:update' && !w.reachedAt) w.reachedAt = now();
      if (event === 'ballot:tally' && !w.tallyReachedAt) w.tallyReachedAt = now();
    });
    socket.on('disconnect', () => { w.disconnected = true; });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e) => reject(e));
    });
    const ack = (await socket.timeout(120_000).emitWithAck('session:join', { sessionId })) as { ok: boolean };
    if (!ack?.ok) throw new Error(`session:join refused: ${JSON.stringify(ack)}`);
    return w;
  }

  /**
   * Joins every hall's sockets, `concurrency` handshakes at a time. With several servers, a hall's
   * presider, screen and tablets alternate between them, so frames must cross processes (Redis).
   */
  async joinAll(urls: string[], concurrency = 50): Promise<number> {
    const jobs: { hall: number; role: Watcher['role']; token: string; urlIndex: number }[] = [];
    this.halls.forEach((h, hall) => {
      jobs.push({ hall, role: 'presider', token: h.presiderToken, urlIndex: hall });
      jobs.push({ hall, role: 'screen', token: h.screenToken, urlIndex: hall + 1 });
      h.memberTokens.forEach((token, i) => jobs.push({ hall, role: 'member', token, urlIndex: hall + i }));
    });
    const joined: Watcher[] = new Array(jobs.length);
    await pool(jobs.length, concurrency, async (i) => {
      const j = jobs[i];
      joined[i] = await this.join(urls, j.urlIndex, j.hall, j.role, j.token);
    });
    this.watchers.push(...joined);
    return joined.length;
  }

  /** The ballots about to open (one per hall, not yet open) and the count that means "every vote shown". */
  watch(ballotIds: string[], targets: number[]) {
    this.watched = ballotIds.map((ballotId, h) => ({ ballotId, target: targets[h] }));
    ballotIds.forEach((id, h) => this.ballots[h].add(id));
    for (const w of this.watchers) { w.reachedAt = 0; w.tallyReachedAt = 0; }
  }

  /** Messages received so far by every tablet (in join order). */
  memberMessages(): number[] {
    return this.watchers.filter((w) => w.role === 'member').map((w) => w.messages);
  }

  /** Waits until every presider and screen has seen its hall's final count (or the timeout). */
  async settle(timeoutMs: number): Promise<HallsSettle> {
    const end = now() + timeoutMs;
    const staff = this.watchers.filter((w) => w.role !== 'member');
    const missingNow = () => staff.filter((w) => !w.reachedAt || (w.role === 'presider' && !w.tallyReachedAt)).length;
    while (missingNow() > 0 && now() < end) await sleep(20);
    const per = (role: Watcher['role'], f: (w: Watcher) => number) => {
      const out = new Array<number>(this.halls.length).fill(0);
      for (const w of staff) if (w.role === role) out[w.hall] = f(w);
      return out;
    };
    return {
      missing: missingNow(),
      presider: per('presider', (w) => w.reachedAt), presiderTally: per('presider', (w) => w.tallyReachedAt), screen: per('screen', (w) => w.reachedAt),
      crossed: this.watchers.reduce((a, w) => a + w.crossed, 0),
      disconnected: this.watchers.filter((w) => w.disconnected).length,
    };
  }

  close() {
    for (const w of this.watchers) w.socket.close();
  }
}
