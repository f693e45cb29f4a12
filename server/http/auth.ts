// Who is calling: the token of a request (`Authorization: Bearer <token>`, any case of the scheme, or the
// httpOnly cookie), read once per request. What they may do is the route's definition's (http/route.ts).
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppContext, AppEnv } from '../context.js';
import { readToken } from '../auth/tokens.js';

export const tokenCookie = 'minsheng_token';

export function principalMiddleware(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const scheme = header ? /^bearer\s+(\S+)\s*$/i.exec(header) : null;
    const token = scheme ? scheme[1] : getCookie(c, tokenCookie);
    c.set('principal', token ? await readToken(ctx.secrets.tokenKey, token) : null);
    await next();
  };
}
