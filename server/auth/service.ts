import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { members, users } from '../db/schema.js';
import { DomainError } from '../core/errors.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { issueToken } from './tokens.js';
import { codeHash } from './codes.js';
import type { Role } from '../../shared/types.js';

const badCredentials = () => new DomainError(401, 'bad_credentials', '用户名或密码错误 / wrong credentials');

export async function login(ctx: AppContext, input: { username: string; password: string }, clientKey: string) {
  // The account counted from this address only: failures from elsewhere never refuse the right password here.
  const account = { kind: 'account', key: `user:${input.username}@${clientKey}` } as const;
  const keys = [{ kind: 'address', key: `login:${clientKey}` } as const, account];
  await ctx.throttle.check(keys);
  const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? dummyHash);
  if (!user || !ok) {
    await ctx.throttle.fail(keys);
    throw badCredentials();
  }
  await ctx.throttle.reset([account]);
  const role = user.role as Role;
  const token = await issueToken(ctx.secrets.tokenKey, { kind: 'staff', userId: user.id, username: user.username, role, bodyId: user.bodyId });
  return { token, user: { id: user.id, username: user.username, role, bodyId: user.bodyId, department: user.department } };
}

export async function memberLogin(ctx: AppContext, input: { code: string }, clientKey: string) {
  const keys = [{ kind: 'address', key: `code:${clientKey}` } as const];
  await ctx.throttle.check(keys);
  const [member] = await ctx.db.select().from(members).where(eq(members.codeHash, codeHash(ctx.secrets.codeKey, input.code)));
  if (!member) {
    await ctx.throttle.fail(keys);
    throw new DomainError(401, 'bad_credentials', '登录码错误 / wrong sign-in code');
  }
  const token = await issueToken(ctx.secrets.tokenKey, { kind: 'member', memberId: member.id, bodyId: member.bodyId, gen: member.tokenGeneration });
  return { token, member: { id: member.id, name: member.name, bodyId: member.bodyId, delegation: member.delegation } };
}
