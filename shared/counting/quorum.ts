import type { Quorum, SessionKind } from '../types.js';

/**
 * Quorum of record for each kind of session.
 * Congress: "有三分之二以上的代表出席" — in Chinese legal usage 以上 includes the number itself,
 * so exactly two thirds is enough (not strict).
 * Standing committee: "全体组成人员过半数出席" — more than half, so exactly half is not enough (strict).
 */
export function defaultQuorum(kind: SessionKind): Quorum {
  return kind === 'congress' ? { num: 2, den: 3, strict: false } : { num: 1, den: 2, strict: true };
}

/**
 * Whether `present` members out of `rosterSize` meet the quorum.
 * Compared by cross-multiplying integers: a fraction such as 2/3 has no exact floating-point value,
 * and a rounding error at the boundary would decide whether a legal session may vote.
 * An empty roster never meets a quorum: a session with nobody on it cannot decide anything.
 */
export function quorumMet(present: number, rosterSize: number, quorum: Quorum): boolean {
  assertCount(present, 'present');
  assertCount(rosterSize, 'rosterSize');
  if (!Number.isSafeInteger(quorum.num) || !Number.isSafeInteger(quorum.den) || quorum.num < 0 || quorum.den <= 0) {
    throw new RangeError(`quorum must be a non-negative integer fraction, got ${quorum.num}/${quorum.den}`);
  }
  if (rosterSize === 0) return false;
  // BigInt keeps the products exact even for absurd configurations (e.g. den = 10^9).
  const lhs = BigInt(present) * BigInt(quorum.den);
  const rhs = BigInt(rosterSize) * BigInt(quorum.num);
  return quorum.strict ? lhs > rhs : lhs >= rhs;
}

function assertCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}
