// The one command shape (server/core/command.ts): role before anything, the body's staff, the carrying
// department, the audit entries in the same transaction as the change, effects only after a commit, events
// whose subscribers can refuse the whole command. Exercised with small commands over a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { command, publicChange, type CommandContext } from '../../server/core/command.js';
import { conflict } from '../../server/core/errors.js';
import { auditLog, bodies } from '../../server/db/schema.js';
import { newId } from '../../server/db/ids.js';
import { rowsOf } from '../../server/db/connect.js';
import { inBody } from '../../server/bodies/scope.js';
import type { StaffPrincipal } from '../../server/core/principal.js';
import * as pageCache from '../../server/core/page-cache.js';

let server: TestServer;
let B = '';
let C = '';
const admin = (bodyId: string | null): StaffPrincipal => ({ kind: 'staff', userId: 'u1', username: 'clerk', role: 'admin', bodyId });
const dept = (bodyId: string): StaffPrincipal => ({ kind: 'staff', userId: 'u2', username: 'dept', role: 'department', bodyId });

/** Renames a body: one change, one entry; `fail` throws after the change was written. */
const rename = command<{ bodyId: string; name: string; fail?: boolean }>()({
  action: 'body.created', stage: 'setup', roles: ['admin'],
  scope: inBody,
  run: async (cx, input) => {
    await cx.tx.update(bodies).set({ name: input.name }).where(eq(bodies.id, input.bodyId));
    if (input.fail) throw conflict('list_not_draft', 'refused after writing');
    return { name: input.name };
  },
  audit: (out, input) => ({ subject: { kind: 'body', id: input.bodyId, label: out.name } }),
  effects: [publicChange],
});

const auditCount = async () => rowsOf<{ n: number }>(await server.ctx.db.execute(sql`select count(*)::int as n from audit_log`))[0].n;
const nameOf = async (id: string) => (await server.ctx.db.select().from(bodies).where(eq(bodies.id, id)))[0].name;

beforeAll(async () => {
  server = await startTestServer();
  B = newId();
  C = newId();
  await server.ctx.db.insert(bodies).values([{ id: B, name: 'B县', level: 'county' }, { id: C, name: 'C县', level: 'county' }]);
});
afterAll(async () => { await server?.close(); });

describe('a command', () => {
  it('refuses a caller of another role (403) and no caller (401) before it looks at anything', async () => {
    await expect(rename(server.ctx, dept(B) as never, { bodyId: 'nonexistent', name: 'x' })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await expect(rename(server.ctx, null as never, { bodyId: 'nonexistent', name: 'x' })).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('answers 404 for an unknown subject, then 403 other_body for staff of another body', async () => {
    await expect(rename(server.ctx, admin(B), { bodyId: 'nonexistent', name: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(rename(server.ctx, admin(C), { bodyId: B, name: 'x' })).rejects.toMatchObject({ status: 403, code: 'other_body' });
    expect(await nameOf(B)).toBe('B县');
  });

  it('writes its change and its audit entry in one transaction, with stage, body, subject and actor', async () => {
    const before = await auditCount();
    await rename(server.ctx, admin(B), { bodyId: B, name: 'B县人大' });
    expect(await nameOf(B)).toBe('B县人大');
    expect(await auditCount()).toBe(before + 1);
    const [row] = await server.ctx.db.select().from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(row).toMatchObject({ action: 'body.created', stage: 'setup', bodyId: B, subject: B, subjectKind: 'body', subjectLabel: 'B县人大', actorKind: 'user', actorId: 'u1', actor: 'admin:clerk' });
  });

  it('leaves neither the change nor its entry when it refuses midway, and fires no effect', async () => {
    const spy = vi.spyOn(pageCache, 'publicPagesChanged');
    const before = await auditCount();
    await expect(rename(server.ctx, admin(null), { bodyId: B, name: '改坏了', fail: true })).rejects.toMatchObject({ code: 'list_not_draft' });
    expect(await nameOf(B)).toBe('B县人大');
    expect(await auditCount()).toBe(before);
    expect(spy).not.toHaveBeenCalled();
    await rename(server.ctx, admin(null), { bodyId: B, name: 'B县人大常委会' });
    expect(spy).toHaveBeenCalledWith(server.ctx.db, 'staff');
    spy.mockRestore();
  });

  it('checks the carrying department of a project scope (403 not_your_department)', async () => {
    const carried = command<{ bodyId: string }>()({
      action: 'body.created', stage: 'setup', roles: ['admin', 'department'],
      scope: async (cx, input) => ({ ...(await inBody(cx, input)), carrier: { department: '教育局', message: 'not yours' } }),
      run: async () => 'done',
      audit: () => null,
    });
    await expect(carried(server.ctx, dept(B), { bodyId: B })).rejects.toMatchObject({ status: 403, code: 'not_your_department' });
    expect(await carried(server.ctx, admin(B), { bodyId: B })).toBe('done');
  });

  it('lets an event subscriber write its own entries, and refuse the whole command', async () => {
    const { EventBus } = await import('../../server/core/events.js');
    const events = new EventBus<CommandContext>()
      .on('project.withdrawn', async (cx, e) => {
        cx.audit({ action: 'suggestion.released', subject: { kind: 'suggestion', id: 'sx', label: e.project.title } });
        if (e.project.title === 'refuse') throw conflict('project_locked', 'no');
      });
    const ctx = { ...server.ctx, events } as typeof server.ctx;
    const emitting = command<{ bodyId: string; title: string }>()({
      action: 'body.created', stage: 'setup', roles: ['admin'],
      scope: inBody,
      run: async (cx, input) => {
        await cx.tx.update(bodies).set({ name: input.title }).where(eq(bodies.id, input.bodyId));
        await cx.emit('project.withdrawn', { project: { title: input.title } as never });
        return input.title;
      },
      audit: (title, input) => ({ subject: { kind: 'body', id: input.bodyId, label: title } }),
    });
    const before = await auditCount();
    await emitting(ctx, admin(B), { bodyId: B, title: 'B县（改）' });
    expect(await auditCount()).toBe(before + 2);
    const rows = await server.ctx.db.select().from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(2);
    expect(rows.map((r) => [r.action, r.stage])).toEqual([['suggestion.released', 'collection'], ['body.created', 'setup']]);
    await expect(emitting(ctx, admin(B), { bodyId: B, title: 'refuse' })).rejects.toMatchObject({ code: 'project_locked' });
    expect(await nameOf(B)).toBe('B县（改）');
    expect(await auditCount()).toBe(before + 2);
  });

  it('cannot be declared with a stage its action does not have', () => {
    expect(() => command<{ bodyId: string }>()({ action: 'body.created', stage: 'vote', roles: ['admin'], scope: inBody, run: async () => 1, audit: () => null }))
      .toThrow(/stage vote/);
  });
});

describe('the trail', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit_log, whoever asks', async () => {
    expect(await auditCount()).toBeGreaterThan(0);
    for (const statement of ['update audit_log set action = \'x\'', 'delete from audit_log', 'truncate audit_log']) {
      await expect(server.ctx.db.execute(sql.raw(statement)), statement).rejects.toThrow();
    }
    const rows = await server.ctx.db.select().from(auditLog);
    expect(rows.every((r) => r.action !== 'x')).toBe(true);
  });
});
