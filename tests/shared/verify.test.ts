import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateChoices, type BallotDefinition } from '../../shared/ballot-definition.js';
import { computeResult, tallyChoices } from '../../shared/counting/index.js';
import { boxDigest, sortEntries } from '../../shared/digest.js';
import type { BallotBox, BallotResult, BoxManifest, Choices } from '../../shared/types.js';
import { formatReport, verifyBox, type VerifyReport } from '../../scripts/verify-lib.js';

const options = [
  { id: 'p1', title: '新增养老床位200张' },
  { id: 'p2', title: '老旧小区改造' },
  { id: 'p3', title: '农村公路提档升级' },
];

function manifestFor(def: BallotDefinition, cast: number, extra: Partial<BoxManifest> = {}): BoxManifest {
  return {
    ballotId: 'B-2026-1', sessionId: 'S-1', title: '2026年民生实事项目票决', kind: def.kind, form: def.form,
    seats: def.seats, question: def.question, options: def.options, baseRule: 'roster', base: 7, eligible: 7, cast,
    openedAt: '2026-01-10T09:00:00+08:00', closedAt: '2026-01-10T09:20:00+08:00', rule: '赞成票超过全体代表半数，按得票多少确定', ...extra,
  };
}

function makeBox(def: BallotDefinition, raw: unknown[]): { box: BallotBox; result: BallotResult } {
  const entries = sortEntries(
    raw.map((r, i) => {
      const check = validateChoices(def, r);
      if (!check.ok) throw new Error(check.message);
      return { receipt: `R${String(1000000000 + i * 7919).padStart(10, '0')}`, choices: check.choices };
    }),
  );
  const manifest = manifestFor(def, entries.length);
  const result = computeResult(def, tallyChoices(def, entries.map((e) => e.choices)), {
    ballotId: manifest.ballotId, base: manifest.base, baseRule: manifest.baseRule, eligible: manifest.eligible, cast: entries.length, question: def.question,
  });
  return { box: { ballot: manifest, entries, digest: boxDigest(entries) }, result };
}

const selection: BallotDefinition = { kind: 'selection', form: 'per_candidate', seats: 2, options };
const ballots: unknown[] = [
  { p1: 'yes', p2: 'yes', p3: 'no' },
  { p1: 'yes', p2: 'no' },
  { p1: 'yes', p2: 'yes', p3: 'yes' },
  { p1: 'yes', p2: 'yes', p3: 'abstain' },
  { p1: 'no', p3: 'yes' },
];

let jwks: { keys: unknown[] };
let sign: (payload: unknown) => Promise<string>;
let otherSign: (payload: unknown) => Promise<string>;

beforeAll(async () => {
  const signer = async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = `k-${Math.random().toString(36).slice(2)}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
    const fn = (payload: unknown) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid }).sign(privateKey);
    return { jwk, fn };
  };
  const a = await signer();
  const b = await signer();
  jwks = { keys: [a.jwk] };
  sign = a.fn;
  otherSign = b.fn;
});

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const failed = (report: VerifyReport) => report.checks.filter((c) => !c.ok).map((c) => c.id);

describe('verifyBox', () => {
  it('a good box with its signed result and published result passes', async () => {
    const { box, result } = makeBox(selection, ballots);
    const report = await verifyBox(clone(box), { jws: await sign(result), jwks, result: clone(result) });
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.recomputed).toEqual(result);
    expect(formatReport(report)).toContain('全部核验通过');
  });

  it('a tampered choice fails the digest', async () => {
    const { box } = makeBox(selection, ballots);
    const tampered = clone(box);
    (tampered.entries[0].choices as Record<string, string>).p3 = 'yes';
    const report = await verifyBox(tampered);
    expect(report.ok).toBe(false);
    expect(failed(report)).toContain('digest');
  });

  it('a tampered choice with a recomputed digest still fails against the signed result', async () => {
    const { box, result } = makeBox(selection, ballots);
    const jws = await sign(result);
    const tampered = clone(box);
    tampered.entries = tampered.entries.map((e) => ({ ...e, choices: { ...(e.choices as Record<string, string>), p3: 'yes' } }));
    tampered.digest = boxDigest(tampered.entries);
    const report = await verifyBox(tampered, { jws, jwks });
    expect(failed(report)).toEqual(['signed-result']);
    expect(report.checks.find((c) => c.id === 'signed-result')?.detail).toMatch(/options\[2\]/);
  });

  it('a dropped entry fails the count and the digest', async () => {
    const { box } = makeBox(selection, ballots);
    const dropped = clone(box);
    dropped.entries.splice(2, 1);
    const report = await verifyBox(dropped);
    expect(failed(report)).toEqual(expect.arrayContaining(['cast', 'digest']));
  });

  it('a wrong digest fails', async () => {
    const { box } = makeBox(selection, ballots);
    const report = await verifyBox({ ...clone(box), digest: '0'.repeat(64) });
    expect(failed(report)).toEqual(['digest']);
  });

  it('a tampered JWS fails the signature check', async () => {
    const { box, result } = makeBox(selection, ballots);
    const jws = await sign(result);
    const [header, , signature] = jws.split('.');
    const forged = { ...result, selected: ['p3'] };
    const payload = Buffer.from(JSON.stringify(forged)).toString('base64url');
    const report = await verifyBox(clone(box), { jws: `${header}.${payload}.${signature}`, jwks });
    expect(failed(report)).toContain('signature');
    // A flipped signature byte fails too.
    const last = signature.at(-2) === 'A' ? 'B' : 'A';
    const flipped = `${jws.slice(0, -2)}${last}${jws.slice(-1)}`;
    expect(failed(await verifyBox(clone(box), { jws: flipped, jwks }))).toContain('signature');
  });

  it('a JWS signed by a key not in the JWKS fails', async () => {
    const { box, result } = makeBox(selection, ballots);
    const report = await verifyBox(clone(box), { jws: await otherSign(result), jwks });
    expect(failed(report)).toContain('signature');
  });

  it('a JWS without keys cannot be accepted', async () => {
    const { box, result } = makeBox(selection, ballots);
    expect(failed(await verifyBox(clone(box), { jws: await sign(result) }))).toContain('signature');
  });

  it('a validly signed but wrong result fails', async () => {
    const { box, result } = makeBox(selection, ballots);
    const wrong = clone(result);
    if (wrong.kind !== 'selection') throw new Error('kind');
    wrong.options[0].yes += 1;
    const report = await verifyBox(clone(box), { jws: await sign(wrong), jwks });
    expect(failed(report)).toEqual(['signed-result']);
  });

  it('a published result that differs from the recount fails', async () => {
    const { box, result } = makeBox(selection, ballots);
    if (result.kind !== 'selection') throw new Error('kind');
    const wrong = { ...clone(result), shortfall: result.shortfall + 1 };
    expect(failed(await verifyBox(clone(box), { result: wrong }))).toEqual(['result']);
  });

  it('does not trust the manifest cast', async () => {
    const { box } = makeBox(selection, ballots);
    const inflated = clone(box);
    inflated.ballot.cast = 6;
    expect(failed(await verifyBox(inflated))).toEqual(['cast']);
  });

  it('refuses unsorted entries, extra fields, bad receipts and invalid choices', async () => {
    const { box } = makeBox(selection, ballots);
    const unsorted = clone(box);
    unsorted.entries.reverse();
    expect(failed(await verifyBox(unsorted))).toEqual(['sorted']);

    const extra = clone(box);
    (extra.entries[0] as unknown as Record<string, unknown>).castAt = '2026-01-10T09:01:00+08:00';
    expect(failed(await verifyBox(extra))).toContain('entry-shape');

    const badReceipt = clone(box);
    badReceipt.entries[0].receipt = 'short';
    badReceipt.digest = boxDigest(badReceipt.entries);
    expect(failed(await verifyBox(badReceipt))).toContain('receipts');

    const invalid = clone(box);
    (invalid.entries[0].choices as Record<string, string>).p9 = 'yes';
    invalid.digest = boxDigest(invalid.entries);
    expect(failed(await verifyBox(invalid))).toEqual(['choices']);
  });

  it('refuses a base inconsistent with its rule', async () => {
    const { box } = makeBox(selection, ballots);
    const lowered = clone(box);
    lowered.ballot.base = 4; // fewer than the 5 ballots cast, and not the roster
    expect(failed(await verifyBox(lowered))).toContain('base');
    const present = clone(box);
    present.ballot.baseRule = 'present';
    present.ballot.base = 4; // rule "present" may be below the roster, but never below the ballots cast
    expect(failed(await verifyBox(present))).toContain('base');
    present.ballot.base = 5;
    expect(failed(await verifyBox(present))).toEqual([]);
  });

  it('rejects something that is not a box', async () => {
    const report = await verifyBox({ entries: 'nope' });
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual(['format']);
  });

  it('verifies choose_n, satisfaction and secret motion boxes', async () => {
    const chooseN: BallotDefinition = { kind: 'selection', form: 'choose_n', seats: 2, options };
    const sat: BallotDefinition = { kind: 'satisfaction', options };
    const motion: BallotDefinition = { kind: 'motion', question: '通过票决办法', options: [] };
    const cases: [BallotDefinition, unknown[]][] = [
      [chooseN, [{ selected: ['p1', 'p2'] }, { selected: ['p2'] }, { selected: ['p3', 'p2'] }, { selected: ['p1'] }]],
      [sat, [{ p1: 'satisfied', p2: 'basic', p3: 'unsatisfied' }, { p1: 'satisfied', p2: 'satisfied', p3: 'basic' }]],
      [motion, [{ vote: 'yes' }, { vote: 'yes' }, { vote: 'no' }, { vote: 'yes' }]],
    ];
    for (const [def, raw] of cases) {
      const { box, result } = makeBox(def, raw);
      const report = await verifyBox(clone(box), { jws: await sign(result), jwks });
      expect(failed(report)).toEqual([]);
      expect(report.named).toBe(false);
    }
  });

  it('a named motion: says the box is empty by design and recounts from the names', async () => {
    const motion: BallotDefinition = { kind: 'motion', question: '通过票决办法', options: [] };
    const named = [
      { memberId: 'm1', name: '王芳', vote: 'yes' as const },
      { memberId: 'm2', name: '李强', vote: 'yes' as const },
      { memberId: 'm3', name: '张伟', vote: 'no' as const },
      { memberId: 'm4', name: '刘洋', vote: 'yes' as const },
    ];
    const manifest = manifestFor(motion, 4, { secret: false });
    const result = computeResult(motion, tallyChoices(motion, named.map((n) => ({ vote: n.vote }) as Choices)), {
      ballotId: manifest.ballotId, base: 7, baseRule: 'roster', eligible: 7, cast: 4, question: motion.question, named,
    });
    const box: BallotBox = { ballot: manifest, entries: [], digest: boxDigest([]) };
    const report = await verifyBox(clone(box), { jws: await sign(result), jwks });
    expect(report.named).toBe(true);
    expect(failed(report)).toEqual([]);
    expect(formatReport(report)).toContain('记名表决');

    const miscounted = { ...clone(result), yes: 2, no: 2 };
    expect(failed(await verifyBox(clone(box), { jws: await sign(miscounted), jwks }))).toEqual(['signed-result']);
    const missingName = { ...clone(result), named: named.slice(1) };
    expect(failed(await verifyBox(clone(box), { result: missingName }))).toEqual(expect.arrayContaining(['named-count']));
  });
});

describe('scripts/verify.ts (command line)', () => {
  it('exits 0 for a good box and 1 for a tampered one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-verify-'));
    const { box, result } = makeBox(selection, ballots);
    writeFileSync(join(dir, 'box.json'), JSON.stringify(box));
    writeFileSync(join(dir, 'result.jws'), `${await sign(result)}\n`);
    writeFileSync(join(dir, 'keys.json'), JSON.stringify(jwks));
    writeFileSync(join(dir, 'result.json'), JSON.stringify(result));
    const bad = clone(box);
    bad.entries.pop();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));

    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
    const good = run(join(dir, 'box.json'), '--jws', join(dir, 'result.jws'), '--jwks', join(dir, 'keys.json'), '--result', join(dir, 'result.json'));
    expect(good.stderr).toBe('');
    expect(good.stdout).toContain('全部核验通过');
    expect(good.status).toBe(0);
    const tampered = run(join(dir, 'bad.json'));
    expect(tampered.stdout).toContain('FAIL');
    expect(tampered.status).toBe(1);
    expect(run().status).toBe(1);
    expect(run(join(dir, 'missing.json')).status).toBe(1);
  }, 30_000);
});
