// Residents' writes queue behind a few in flight; staff writes and other routes do not wait.
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { publicWriteQueue } from '../../server/http/public-writes.js';
import type { AppEnv } from '../../server/context.js';

function app(inFlight: number, log: string[]) {
  const a = new Hono<AppEnv>();
  a.use('*', async (c, next) => { c.set('principal', c.req.header('x-staff') ? { kind: 'staff', userId: 'u', username: 'u', role: 'admin', bodyId: null } : null); await next(); });
  a.use('/api/*', publicWriteQueue(inFlight));
  const slow = async (name: string) => { log.push(`start ${name}`); await new Promise((r) => setTimeout(r, 30)); log.push(`end ${name}`); };
  a.post('/api/bodies/:id/suggestions', async (c) => { await slow(c.req.header('x-name')!); return c.json({}, 201); });
  a.post('/api/other', async (c) => { await slow(c.req.header('x-name')!); return c.json({}); });
  return a;
}

describe('publicWriteQueue', () => {
  it('runs at most N anonymous writes at once and answers every one', async () => {
    const log: string[] = [];
    const a = app(1, log);
    const replies = await Promise.all(['a', 'b', 'c'].map((n) => a.request('/api/bodies/x/suggestions', { method: 'POST', headers: { 'x-name': n } })));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets staff writes and other routes through at once', async () => {
    const log: string[] = [];
    const a = app(1, log);
    await Promise.all([
      a.request('/api/bodies/x/suggestions', { method: 'POST', headers: { 'x-name': 'resident' } }),
      a.request('/api/bodies/x/suggestions', { method: 'POST', headers: { 'x-name': 'clerk', 'x-staff': '1' } }),
      a.request('/api/other', { method: 'POST', headers: { 'x-name': 'other' } }),
    ]);
    expect(log.slice(0, 3).sort()).toEqual(['start clerk', 'start other', 'start resident']);
  });
});
