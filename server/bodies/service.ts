import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { bodies, members, users } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody } from './tree.js';
import { hashPassword } from '../auth/passwords.js';
import { codeHash, newSignInCode } from '../auth/codes.js';
import { legacyAudit } from '../audit/legacy.js';
import type { bodyInput, memberInput, userInput } from '../../shared/schemas.js';
import type { DbOrTx } from '../db/connect.js';

const publicBody = (b: typeof bodies.$inferSelect) => ({ id: b.id, name: b.name, level: b.level, parentId: b.parentId });

export async function createBody(ctx: AppContext, actor: StaffPrincipal, input: z.infer<typeof bodyInput>) {
  const parentId = input.parentId ?? null;
  if (parentId) {
    await findBody(ctx.db, parentId);
    await assertStaffOfBody(ctx.db, actor, parentId);
  } else if (actor.bodyId !== null) {
    throw forbidden('other_body', '只能在本级人大之下新建 / only below your own body');
  }
  return ctx.db.transaction(async (tx) => {
    const [body] = await tx.insert(bodies).values({ id: newId(), name: input.name, level: input.level, parentId }).returning();
    await legacyAudit(tx, { actor, action: 'body.created', subject: body.id, detail: { name: body.name } });
    return publicBody(body);
  });
}

export async function listBodies(ctx: AppContext) {
  const rows = await ctx.db.select().from(bodies).orderBy(asc(bodies.createdAt), asc(bodies.name));
  return rows.map(publicBody);
}

export async function createUser(ctx: AppContext, actor: StaffPrincipal, input: z.infer<typeof userInput>) {
  await findBody(ctx.db, input.bodyId);
  await assertStaffOfBody(ctx.db, actor, input.bodyId);
  if (input.role === 'department' && !input.department) throw invalid('承办单位账号需要填写单位名称 / department users need a department', [{ field: 'department', message: 'required' }]);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const inserted = await tx.insert(users).values({
      id: newId(), username: input.username, passwordHash, role: input.role, bodyId: input.bodyId, department: input.department ?? null,
    }).onConflictDoNothing().returning();
    const user = inserted[0];
    if (!user) throw conflict('username_taken', '用户名已被使用 / username taken');
    await legacyAudit(tx, { actor, action: 'user.created', subject: user.id, detail: { username: user.username, role: user.role } });
    return { id: user.id, username: user.username, role: user.role, bodyId: user.bodyId, department: user.department };
  });
}

type MemberInput = z.infer<typeof memberInput>;

/** Adds members and returns each one's sign-in code: the only time the code is ever shown. */
export async function addMembers(ctx: AppContext, actor: StaffPrincipal, bodyId: string, list: MemberInput[]) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const prepared = list.map((m) => ({ m, code: newSignInCode(), id: newId() }));
  return ctx.db.transaction(async (tx) => {
    const values = prepared.map(({ m, code, id }) => ({
      id, bodyId, name: m.name, delegation: m.delegation ?? null, kind: m.kind ?? 'rep', codeHash: codeHash(ctx.secrets.codeKey, code),
    }));
    for (let i = 0; i < values.length; i += 1000) await tx.insert(members).values(values.slice(i, i + 1000));
    await legacyAudit(tx, { actor, action: 'members.added', subject: bodyId, detail: { count: list.length } });
    return {
      members: prepared.map(({ m, code, id }) => ({ id, name: m.name, delegation: m.delegation ?? null, kind: m.kind ?? 'rep', code })),
    };
  });
}

export async function listMembers(ctx: AppContext, actor: StaffPrincipal, bodyId: string) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const rows = await ctx.db.select().from(members).where(eq(members.bodyId, bodyId)).orderBy(asc(members.delegation), asc(members.name));
  return rows.map((m) => ({ id: m.id, name: m.name, delegation: m.delegation, kind: m.kind, bodyId: m.bodyId }));
}

/** A lost card: a new code replaces the old one, which stops working at once. */
export async function regenerateCode(ctx: AppContext, actor: StaffPrincipal, memberId: string) {
  const [member] = await ctx.db.select().from(members).where(eq(members.id, memberId));
  if (!member) throw notFound('代表');
  await assertStaffOfBody(ctx.db, actor, member.bodyId);
  const code = newSignInCode();
  await ctx.db.transaction(async (tx) => {
    await tx.update(members).set({ codeHash: codeHash(ctx.secrets.codeKey, code) }).where(eq(members.id, memberId));
    await legacyAudit(tx, { actor, action: 'member.code_regenerated', subject: memberId });
  });
  return { id: member.id, name: member.name, delegation: member.delegation, kind: member.kind, code };
}
