// The accuracy soak (`npm run soak`, scripts/soak.ts) run small on PostgreSQL: a few hundred positions over
// every kind it casts — selections (per candidate, choose n) and evaluations (scored with flags, graded) — with
// one server SIGKILL mid-vote (on the scored evaluation), and 0 errors three ways. The full run is by hand.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe.skipIf(!process.env.DATABASE_URL)('the accuracy soak, small (PostgreSQL)', () => {
  it('casts every kind, evaluations included, and finds 0 errors', async () => {
    const args = ['--import', 'tsx', 'scripts/soak.ts', '--positions', '720', '--members', '30', '--candidates', '6', '--concurrency', '8', '--kill-every', '3', '--seed', '7'];
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, env: process.env, timeout: 240_000, maxBuffer: 4 << 20 })
      .catch((e: { stdout?: string; stderr?: string }) => { throw new Error(`soak failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`); });
    const kinds = /ballots by kind: +(.*)/.exec(stdout)?.[1] ?? '';
    for (const k of ['per_candidate', 'score', 'grade', 'choose_n']) expect(kinds).toContain(`${k}×`);
    expect(stdout).toMatch(/ballot 2 \(score\).*SIGKILLed/);
    expect(stdout).toMatch(/errors: +0\n/);
    const [, cast, compared] = /positions cast: +([\d,]+)[\s\S]*positions compared 3 ways: +([\d,]+)/.exec(stdout) ?? [];
    expect(Number(cast.replace(/,/g, ''))).toBeGreaterThanOrEqual(720);
    expect(compared).toBe(cast);
  }, 300_000);
});
