import { Hono } from 'hono';
import { clientAddress } from '../http/address.js';
import type { AppContext, AppEnv } from '../context.js';
import { readJson } from '../http/json.js';
import { loginInput, memberLoginInput } from '../../shared/schemas.js';
import { login, memberLogin } from './service.js';

export function authRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/auth/login', async (c) => c.json(await login(ctx, await readJson(c, loginInput), clientAddress(c, ctx.trustProxy))))
    .post('/auth/member-login', async (c) =>
      c.json(await memberLogin(ctx, await readJson(c, memberLoginInput), clientAddress(c, ctx.trustProxy))));
}
