import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { readJson } from '../http/json.js';
import { loginInput, memberLoginInput } from '../../shared/schemas.js';
import { login, memberLogin } from './service.js';

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function authRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/auth/login', async (c) => c.json(await login(ctx, await readJson(c, loginInput), clientAddress(c, ctx.trustProxy))))
    .post('/auth/member-login', async (c) =>
      c.json(await memberLogin(ctx, await readJson(c, memberLoginInput), clientAddress(c, ctx.trustProxy))));
}
