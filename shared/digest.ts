import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { byCodeUnit } from './code-unit-order.js';
import type { BoxEntry } from './types.js';

/**
 * JSON with every object's keys in ascending code-unit order, no whitespace; arrays keep their order.
 * Strings and numbers are written by JSON.stringify itself, so the text is exactly what
 * "JSON.stringify with sorted keys" gives in any engine, and an outside verifier can reproduce it.
 * Values JSON cannot carry faithfully (NaN, Infinity, undefined in arrays, functions, bigint, symbols)
 * are refused rather than silently turned into null: a digest over a lossy text would vouch for
 * something other than what was stored. `undefined` object properties are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members: string[] = [];
      for (const key of Object.keys(record).sort(byCodeUnit)) {
        const item = record[key];
        if (item === undefined) continue;
        members.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

/**
 * Entries in the published order: ascending by receipt (code unit), each exactly `{receipt, choices}`.
 * Receipts are random, so this order says nothing about who voted when.
 */
export function sortEntries(entries: readonly BoxEntry[]): BoxEntry[] {
  return entries
    .map((e) => ({ receipt: e.receipt, choices: e.choices }))
    .sort((a, b) => byCodeUnit(a.receipt, b.receipt));
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of the canonical JSON of the sorted entries (API.md "Ballot box digest"). */
export function boxDigest(entries: readonly BoxEntry[]): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(sortEntries(entries)))));
}
