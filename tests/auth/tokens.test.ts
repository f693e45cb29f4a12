// readToken remembers tokens it has verified (server/auth/tokens.ts): the memory must never make a
// token valid that a fresh check would refuse.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { issueToken, readToken } from '../../server/auth/tokens.js';

const member = { kind: 'member', memberId: 'm_1', bodyId: 'b_1', gen: 0 } as const;

afterEach(() => {
  vi.useRealTimers();
});

describe('verified tokens are remembered safely', () => {
  it('answers a second read of the same token with the same principal', async () => {
    const key = randomBytes(32);
    const token = await issueToken(key, member);
    expect(await readToken(key, token)).toEqual(member);
    expect(await readToken(key, token)).toEqual(member);
  });

  it('does not accept a token remembered under one key when checked under another', async () => {
    const key = randomBytes(32);
    const other = randomBytes(32);
    const token = await issueToken(key, member);
    expect(await readToken(key, token)).toEqual(member);
    expect(await readToken(other, token)).toBeNull();
  });

  it('refuses a remembered token once it has expired', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T08:00:00Z'), toFake: ['Date'] });
    const key = randomBytes(32);
    const token = await issueToken(key, member);
    expect(await readToken(key, token)).toEqual(member);
    vi.setSystemTime(new Date('2026-11-24T08:00:01Z')); // member tokens last 24 h
    expect(await readToken(key, token)).toBeNull();
  });

  it('hands out principals that cannot be altered for the next caller', async () => {
    const key = randomBytes(32);
    const token = await issueToken(key, member);
    const first = await readToken(key, token);
    expect(() => { (first as { memberId: string }).memberId = 'm_2'; }).toThrow(TypeError);
    expect(await readToken(key, token)).toEqual(member);
  });
});
