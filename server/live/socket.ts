// socket.io on the HTTP server's port: the same token as the API, and one event from clients.
import { Server, type Socket } from 'socket.io';
import type { Server as HttpServer } from 'node:http';
import type { AppContext } from '../context.js';
import type { LiveHub } from './hub.js';
import { readToken } from '../auth/tokens.js';
import { memberSignInRoom, memberTokenCurrent } from '../auth/member-tokens.js';
import type { Principal } from '../core/principal.js';
import { idPattern } from '../db/ids.js';
import { DomainError } from '../core/errors.js';
import { mapDatabaseError } from '../db/errors.js';
import { findSession } from '../sessions/queries.js';
import { assertCanSeeSession } from '../sessions/service.js';
import { memberBucketOf, memberRoomOf, roomOf, staffRoomOf, watchRoomOf } from './hub.js';

type Ack = (answer: unknown) => void;

function refusal(err: unknown) {
  const e = err instanceof DomainError ? err : mapDatabaseError(err) ?? new DomainError(500, 'internal_error', 'internal error');
  return { ok: false, error: { code: e.code, message: e.message } };
}

export function createSocketServer(ctx: AppContext, hub: LiveHub, http: HttpServer, opts: { adapter?: Parameters<Server['adapter']>[0] } = {}) {
  const io = new Server(http, { serveClient: false, cors: { origin: false }, maxHttpBufferSize: 16 * 1024 });
  if (opts.adapter) io.adapter(opts.adapter);
  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const principal = typeof token === 'string' ? await readToken(ctx.secrets.tokenKey, token) : null;
    if (!principal || (principal.kind === 'member' && !(await memberTokenCurrent(ctx.query, principal).catch(() => false)))) {
      const err = new Error('unauthorized') as Error & { data?: unknown };
      err.data = { code: 'unauthorized', message: '请先登录 / sign in first' };
      return next(err);
    }
    socket.data.principal = principal;
    next();
  });
  io.on('connection', (socket: Socket) => {
    const who = socket.data.principal as Principal;
    if (who.kind === 'member') void socket.join(memberSignInRoom(who.memberId));
    socket.on('session:join', async (...args: unknown[]) => {
      // The ack is always the last argument; a join sent with no payload has the ack first.
      const last = args[args.length - 1];
      const reply: Ack = typeof last === 'function' ? (last as Ack) : () => {};
      const payload = typeof args[0] === 'function' ? undefined : args[0];
      try {
        const sessionId = (payload as { sessionId?: unknown } | null)?.sessionId;
        if (typeof sessionId !== 'string' || !idPattern.test(sessionId)) throw new DomainError(404, 'not_found', '会议不存在 / not found');
        const principal = socket.data.principal as Principal;
        const session = await findSession(ctx.db, sessionId);
        await assertCanSeeSession(ctx, principal, session);
        const staff = principal.kind === 'staff' && (principal.role === 'admin' || principal.role === 'presider');
        const rooms = [roomOf(sessionId), principal.kind === 'member' ? memberRoomOf(sessionId, memberBucketOf(socket.id)) : watchRoomOf(sessionId)];
        if (staff) rooms.push(staffRoomOf(sessionId));
        await socket.join(rooms);
        reply(await hub.snapshot(sessionId, staff));
      } catch (err) {
        reply(refusal(err));
      }
    });
    socket.on('session:leave', async (payload: unknown) => {
      const sessionId = (payload as { sessionId?: unknown } | null)?.sessionId;
      if (typeof sessionId === 'string') {
        for (const room of [roomOf(sessionId), memberRoomOf(sessionId, memberBucketOf(socket.id)), watchRoomOf(sessionId), staffRoomOf(sessionId)]) {
          await socket.leave(room);
        }
      }
    });
  });
  return io;
}
