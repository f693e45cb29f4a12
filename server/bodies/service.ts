// Bodies, staff accounts and members (setup): who takes part, and the codes members sign in with.
import { asc, eq } from 'drizzle-orm';
import { ensureDepartment } from '../departments/list.js';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { bodies, members, users } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { command, publicChange } from '../core/command.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody } from './tree.js';
import { inBody } from './scope.js';
import { hashPassword } from '../auth/passwords.js';
import { codeHash, newSignInCode } from '../auth/codes.js';
import type { bodyInput, memberInput, userInput } from '../../shared/schemas.js';

const publicBody = (b: typeof bodies.$inferSelect) => ({ id: b.id, name: b.name, level: b.level, parentId: b.parentId });

/**
 * createBody: a body below one the admin covers; only a deployment-wide admin creates one at the top.
 * Its entry belongs to the parent (where the admin acted); a body at the top has none, so its own.
 */
export const createBody = command<z.infer<typeof bodyInput>>()({
  action: 'body.created', stage: 'setup', roles: ['admin'],
  scope: async (cx, input) => {
    if (input.parentId) return { bodyId: (await findBody(cx.tx, input.parentId)).id };
    if (cx.actor.bodyId !== null) throw forbidden('other_body', '只能在本级人大之下新建 / only below your own body');
    return { bodyId: null };
  },
  run: async (cx, input) => {
    const [body] = await cx.tx.insert(bodies).values({ id: newId(), name: input.name, level: input.level, parentId: input.parentId ?? null }).returning();
    return publicBody(body);
  },
  audit: (b) => ({ bodyId: b.parentId ?? b.id, subject: { kind: 'body', id: b.id, label: b.name }, detail: { level: b.level, parentId: b.parentId } }),
  // the public list of bodies and the stats (how many bodies) show it
  effects: [publicChange],
});

export async function listBodies(ctx: AppContext) {
  const rows = await ctx.db.select().from(bodies).orderBy(asc(bodies.createdAt), asc(bodies.name));
  return rows.map(publicBody);
}

/** createUser: a staff account of a body the admin covers. Never the password in the trail. */
export const createUser = command<z.infer<typeof userInput>>()({
  action: 'user.created', stage: 'setup', roles: ['admin'],
  scope: inBody,
  run: async (cx, input) => {
    if (input.role === 'department' && !input.department) throw invalid('承办单位账号需要填写单位名称 / department users need a department', [{ field: 'department', message: 'required' }]);
    const passwordHash = await hashPassword(input.password);
    const inserted = await cx.tx.insert(users).values({
      id: newId(), username: input.username, passwordHash, role: input.role, bodyId: input.bodyId, department: input.department ?? null, phone: input.phone ?? null,
    }).onConflictDoNothing().returning();
    const user = inserted[0];
    if (!user) throw conflict('username_taken', '用户名已被使用 / username taken');
    // a department user's department joins the body's list (承办单位)
    if (user.role === 'department') await ensureDepartment(cx.tx, input.bodyId, user.department);
    return { id: user.id, username: user.username, role: user.role, bodyId: user.bodyId, department: user.department, phone: user.phone };
  },
  // never the phone: personal data stays out of the trail
  audit: (u) => ({ subject: { kind: 'user', id: u.id, label: u.username }, detail: { role: u.role, department: u.department } }),
});

type MemberInput = z.infer<typeof memberInput>;

/**
 * addMembers: adds members and answers each one's sign-in code: the only time the code is ever shown (the
 * JSON list and the CSV import alike). One trail entry per member, never the code.
 */
export const addMembers = command<{ bodyId: string; members: MemberInput[] }>()({
  action: 'member.added', stage: 'setup', roles: ['admin'],
  scope: inBody,
  run: async (cx, input) => {
    const prepared = input.members.map((m) => ({ m, code: newSignInCode(), id: newId() }));
    const values = prepared.map(({ m, code, id }) => ({
      id, bodyId: input.bodyId, name: m.name, delegation: m.delegation ?? null, kind: m.kind ?? 'rep', codeHash: codeHash(cx.ctx.secrets.codeKey, code),
      phone: m.phone ?? null,
    }));
    for (let i = 0; i < values.length; i += 1000) await cx.tx.insert(members).values(values.slice(i, i + 1000));
    return {
      members: prepared.map(({ m, code, id }) => ({ id, name: m.name, delegation: m.delegation ?? null, kind: m.kind ?? 'rep', code, ...(m.phone ? { phone: m.phone } : {}) })),
    };
  },
  audit: (out) => out.members.map((m) => ({ subject: { kind: 'member', id: m.id, label: m.name }, detail: { delegation: m.delegation, kind: m.kind } })),
});

export async function listMembers(ctx: AppContext, actor: StaffPrincipal, bodyId: string) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const rows = await ctx.db.select().from(members).where(eq(members.bodyId, bodyId)).orderBy(asc(members.delegation), asc(members.name));
  // the phone is personal data: the body's admins see it (to correct it), a presider does not
  const seesPhones = actor.role === 'admin';
  return rows.map((m) => ({ id: m.id, name: m.name, delegation: m.delegation, kind: m.kind, bodyId: m.bodyId, ...(seesPhones ? { phone: m.phone } : {}) }));
}

/** setMemberPhone: the number a member's notices go to (代表码 requests, the dossier), or none. Never the number in the trail. */
export const setMemberPhone = command<{ memberId: string; phone: string | null }>()({
  action: 'member.phone_set', stage: 'setup', roles: ['admin'],
  scope: async (cx, { memberId }) => {
    const [member] = await cx.tx.select().from(members).where(eq(members.id, memberId)).for('update');
    if (!member) throw notFound('代表');
    return { bodyId: member.bodyId, member };
  },
  run: async (cx, { memberId, phone }, { member }) => {
    await cx.tx.update(members).set({ phone }).where(eq(members.id, memberId));
    return { id: member.id, name: member.name, delegation: member.delegation, kind: member.kind, bodyId: member.bodyId, phone };
  },
  audit: (m) => ({ subject: { kind: 'member', id: m.id, label: m.name }, detail: { phone: m.phone ? 'set' : 'removed' } }),
});

/** regenerateCode: a lost card; a new code replaces the old one, which stops working at once. Never the code in the trail. */
export const regenerateCode = command<{ memberId: string }>()({
  action: 'member.code_regenerated', stage: 'setup', roles: ['admin'],
  scope: async (cx, { memberId }) => {
    const [member] = await cx.tx.select().from(members).where(eq(members.id, memberId)).for('update');
    if (!member) throw notFound('代表');
    return { bodyId: member.bodyId, member };
  },
  run: async (cx, { memberId }, { member }) => {
    const code = newSignInCode();
    // A new generation: every token signed in with the old code is refused from now on (http/route.ts, the
    // vote's statement, the live channel), in every server process.
    await cx.tx.update(members).set({ codeHash: codeHash(cx.ctx.secrets.codeKey, code), tokenGeneration: member.tokenGeneration + 1 }).where(eq(members.id, memberId));
    return { id: member.id, name: member.name, delegation: member.delegation, kind: member.kind, code };
  },
  audit: (m) => ({ subject: { kind: 'member', id: m.id, label: m.name } }),
  // Tablets still connected with the old sign-in are disconnected at once (and cannot join again).
  effects: (m) => [{ kind: 'after', name: 'disconnect the old sign-ins', run: async (ctx) => ctx.live.disconnectMember(m.id) }],
});
