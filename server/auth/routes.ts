// Signing in (API.md "Auth"). Not commands: they change no row, and their throttle lives in memory.
import { loginInput, memberLoginInput } from '../../shared/schemas.js';
import { clientAddress } from '../http/address.js';
import { route } from '../http/route.js';
import { login, memberLogin } from './service.js';

export const authRoutes = [
  route({
    method: 'POST', path: '/auth/login', summary: 'Staff sign in with username and password; answers a token', roles: ['public'], body: loginInput,
    errors: ['bad_credentials', 'too_many_attempts'],
    handler: (ctx, r) => login(ctx, r.body, clientAddress(r.c, ctx.trustedProxies)),
  }),
  route({
    method: 'POST', path: '/auth/member-login', summary: 'A member signs in with the code on their card; answers a token', roles: ['public'], body: memberLoginInput,
    errors: ['bad_credentials', 'too_many_attempts'],
    handler: (ctx, r) => memberLogin(ctx, r.body, clientAddress(r.c, ctx.trustedProxies)),
  }),
];
