import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { readJson } from '../http/json.js';
import { requireMember, requirePrincipal, requireStaff } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { attendanceInput, sessionInput } from '../../shared/schemas.js';
import {
  checkIn, createSession, endSession, getAudit, getRoster, getSession, issueScreenToken, listSessions, setAttendance,
} from './service.js';

export function sessionRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/bodies/:bodyId/sessions', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const bodyId = pathId(c, 'bodyId');
      return c.json(await createSession(ctx, actor, bodyId, await readJson(c, sessionInput)), 201);
    })
    .get('/bodies/:bodyId/sessions', async (c) => c.json(await listSessions(ctx, requireStaff(c, ['admin', 'presider']), pathId(c, 'bodyId'))))
    .get('/sessions/:id', async (c) => c.json(await getSession(ctx, requirePrincipal(c), pathId(c, 'id'))))
    .post('/sessions/:id/checkin', async (c) => c.json(await checkIn(ctx, requireMember(c), pathId(c, 'id'))))
    .put('/sessions/:id/attendance/:memberId', async (c) => {
      const actor = requireStaff(c, ['presider', 'admin']);
      const sessionId = pathId(c, 'id');
      const memberId = pathId(c, 'memberId');
      return c.json(await setAttendance(ctx, actor, sessionId, memberId, await readJson(c, attendanceInput)));
    })
    .post('/sessions/:id/end', async (c) => c.json(await endSession(ctx, requireStaff(c, ['presider', 'admin']), pathId(c, 'id'))))
    .get('/sessions/:id/roster', async (c) => c.json(await getRoster(ctx, requireStaff(c, ['presider', 'admin']), pathId(c, 'id'))))
    .get('/sessions/:id/audit', async (c) => c.json(await getAudit(ctx, requireStaff(c, ['presider', 'admin']), pathId(c, 'id'))))
    .post('/sessions/:id/screen-token', async (c) => c.json(await issueScreenToken(ctx, requireStaff(c, ['presider', 'admin']), pathId(c, 'id'))));
}
