// The live API (socket.io): handshakes with bad tokens, and `session:join` with anything at all.
import fc from 'fast-check';
import type { World } from './world.js';
import { badId, unknownId } from './fields.js';
import { garbageToken } from './requests.js';

export interface SocketFuzzReport { handshakes: number; handshakesRefused: number; joins: number; joinsRefused: number; failures: string[] }

export async function fuzzSockets(base: string, world: World, opts: { count: number; seed: number }): Promise<SocketFuzzReport> {
  const { io } = await import('socket.io-client');
  const report: SocketFuzzReport = { handshakes: 0, handshakesRefused: 0, joins: 0, joinsRefused: 0, failures: [] };
  const badAuth = fc.oneof(
    fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }).map((token) => ({ token })), garbageToken.map((token) => ({ token })),
    fc.constantFrom(...world.forged).map((f) => ({ token: f.header.slice(7) })), fc.constantFrom(...world.forged).map((f) => ({ token: f.header })),
  );
  const S = world.ids.sessions;
  const payload = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined),
    fc.oneof(badId, unknownId, fc.constantFrom(...Object.values(world.ids.ballots), world.ids.bodyB, ...world.ids.members), fc.jsonValue({ maxDepth: 1 })).map((sessionId) => ({ sessionId })),
  );
  const connect = (auth: unknown) => new Promise<{ ok: true; socket: ReturnType<typeof io> } | { ok: false; error: Error & { data?: any } }>((resolve) => {
    const socket = io(base, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 10_000 });
    socket.once('connect', () => resolve({ ok: true, socket }));
    socket.once('connect_error', (error: Error & { data?: any }) => { socket.close(); resolve({ ok: false, error }); });
  });
  // 1. Handshakes that must be refused, each with {code, message}.
  for (const auth of fc.sample(badAuth, { numRuns: Math.ceil(opts.count / 4), seed: opts.seed })) {
    report.handshakes++;
    const r = await connect(auth);
    if (r.ok) { report.failures.push(`handshake accepted with ${JSON.stringify(auth)?.slice(0, 120)}`); r.socket.close(); continue; }
    report.handshakesRefused++;
    if (typeof r.error.data?.code !== 'string' || typeof r.error.data?.message !== 'string') report.failures.push(`handshake refused without {code, message}: ${r.error.message}`);
  }
  // 2. Joins that must be refused: malformed payloads from valid sockets, and sessions the caller may not see.
  const sockets = await Promise.all([world.tokens.adminO, world.tokens.members[10], world.tokens.screenS1, world.tokens.presiderB].map((token) => connect({ token })));
  for (const s of sockets) if (!s.ok) throw new Error(`a valid socket was refused: ${s.error.message}`);
  const [adminO, outsider, screen, presider] = sockets.map((s) => (s as { socket: ReturnType<typeof io> }).socket);
  const cases = fc.sample(fc.oneof(
    payload.filter((p) => !(p && typeof p === 'object' && 'sessionId' in p && Object.values(S).includes((p as { sessionId: string }).sessionId))).map((p) => ({ socket: presider, p })),
    fc.constantFrom(...Object.values(S)).map((sessionId) => ({ socket: adminO, p: { sessionId } as unknown })),
    fc.constantFrom(S.S2, S.S3, S.S4, S.S5).map((sessionId) => ({ socket: screen, p: { sessionId } as unknown })),
  ), { numRuns: opts.count - Math.ceil(opts.count / 4), seed: opts.seed + 1 });
  let previous: unknown = null;
  for (const c of cases) {
    report.joins++;
    if (!c.socket.connected) { report.failures.push(`a socket was disconnected after ${JSON.stringify(previous)?.slice(0, 200)}`); break; }
    previous = c.p;
    const ack = await Promise.race([
      c.p === undefined ? c.socket.emitWithAck('session:join') : c.socket.emitWithAck('session:join', c.p),
      sleepMs(5000).then(() => 'timeout'),
    ]).catch((e: Error) => `error ${e.message}`);
    if (ack === 'timeout') {
      report.failures.push(`no answer to session:join ${JSON.stringify(c.p)?.slice(0, 120)}`);
      continue;
    }
    const a = ack as { ok?: boolean; error?: { code?: unknown; message?: unknown } };
    if (a?.ok !== false) report.failures.push(`join accepted: ${JSON.stringify(c.p)?.slice(0, 120)}`);
    else if (typeof a.error?.code !== 'string' || typeof a.error?.message !== 'string' || a.error.code === 'internal_error') report.failures.push(`join refused without a proper code: ${JSON.stringify(a).slice(0, 200)}`);
    else report.joinsRefused++;
  }
  // 3. A frame over the 16 KB limit closes that one connection; the server goes on serving.
  const big = await connect({ token: world.tokens.presiderB });
  if (big.ok) {
    const closed = new Promise<boolean>((resolve) => { big.socket.once('disconnect', () => resolve(true)); setTimeout(() => resolve(false), 5000); });
    big.socket.emit('session:join', { sessionId: S.S1, padding: 'x'.repeat(100_000) });
    report.joins++;
    if (await closed) report.joinsRefused++;
    else report.failures.push('a 100 KB frame was not refused');
    big.socket.close();
  }
  const after = await Promise.race([presider.emitWithAck('session:join', { sessionId: 'zzzz' }), sleepMs(5000).then(() => null)]);
  if (!after || (after as { ok?: boolean }).ok !== false) report.failures.push('the server stopped answering joins');
  for (const s of [adminO, outsider, screen, presider]) s.close();
  return report;
}

const sleepMs = (ms: number) => new Promise((r) => setTimeout(r, ms));
