// Who is calling, and may they do this. Handlers call one guard; guards throw API errors.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppContext, AppEnv } from '../context.js';
import { readToken } from '../auth/tokens.js';
import type { MemberPrincipal, Principal, StaffPrincipal } from '../core/principal.js';
import type { Role } from '../../shared/types.js';
import { DomainError, forbidden } from '../core/errors.js';

export const tokenCookie = 'minsheng_token';

export function principalMiddleware(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : getCookie(c, tokenCookie);
    c.set('principal', token ? await readToken(ctx.secrets.tokenKey, token) : null);
    await next();
  };
}

const unauthorized = () => new DomainError(401, 'unauthorized', '请先登录 / sign in first');

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw unauthorized();
  return p;
}


export function requireStaff(c: Context<AppEnv>, roles: Role[]): StaffPrincipal {
  const p = requirePrincipal(c);
  if (p.kind !== 'staff' || !roles.includes(p.role)) throw forbidden();
  return p;
}

export function requireMember(c: Context<AppEnv>): MemberPrincipal {
  const p = requirePrincipal(c);
  if (p.kind !== 'member') throw forbidden();
  return p;
}
