import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { readJson, readText } from '../http/json.js';
import { requireStaff } from '../http/auth.js';
import { DomainError, invalid } from '../core/errors.js';
import { bodyInput, membersInput, userInput } from '../../shared/schemas.js';
import { addMembers, createBody, createUser, listBodies, listMembers, regenerateCode } from './service.js';
import { parseMembersCsv } from './csv.js';
import { pathId } from '../http/params.js';

export function bodyRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/bodies', async (c) => c.json(await listBodies(ctx)))
    .post('/bodies', async (c) => {
      const actor = requireStaff(c, ['admin']);
      return c.json(await createBody(ctx, actor, await readJson(c, bodyInput)), 201);
    })
    .post('/users', async (c) => {
      const actor = requireStaff(c, ['admin']);
      return c.json(await createUser(ctx, actor, await readJson(c, userInput)), 201);
    })
    .post('/bodies/:bodyId/members', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const bodyId = pathId(c, 'bodyId');
      const input = await readJson(c, membersInput);
      return c.json(await addMembers(ctx, actor, bodyId, input.members), 201);
    })
    .post('/bodies/:bodyId/members/import', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const bodyId = pathId(c, 'bodyId');
      if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? '')) {
        throw new DomainError(415, 'unsupported_media_type', '需要 text/csv / expected text/csv');
      }
      const text = await readText(c);
      if (text.includes('\u0000')) throw invalid('CSV 含有 NUL 字符 / CSV contains NUL');
      return c.json(await addMembers(ctx, actor, bodyId, parseMembersCsv(text)), 201);
    })
    .post('/members/:memberId/code', async (c) => c.json(await regenerateCode(ctx, requireStaff(c, ['admin']), pathId(c, 'memberId'))))
    .get('/bodies/:bodyId/members', async (c) => {
      const actor = requireStaff(c, ['admin', 'presider']);
      return c.json(await listMembers(ctx, actor, pathId(c, 'bodyId')));
    });
}
