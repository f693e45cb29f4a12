// The tablet's durable record of a vote: written to localStorage BEFORE the ballot is sent, so a
// reload, a crash or a lost connection resends the very same submission (same key, same choices)
// and the server answers with the same receipt instead of counting twice.
import type { Choices } from '../../../../shared/types';
import { storageGet, storageSet } from '../../api';

export type Draft = Record<string, string>;

export type VoteRecord =
  | { status: 'draft'; draft: Draft }
  | { status: 'pending'; key: string; choices: Choices; draft: Draft }
  | { status: 'done'; receipt: string | null };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 32 characters of [A-Za-z0-9_-] from crypto.getRandomValues (64 symbols: 6 bits each, unbiased). */
export function newSubmissionKey(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 63];
  return s;
}

function key(memberId: string, ballotId: string) {
  return `minsheng.vote.${memberId}.${ballotId}`;
}

export function loadVote(memberId: string, ballotId: string): VoteRecord | null {
  const raw = storageGet(localStorage, key(memberId, ballotId));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as VoteRecord;
    if (v && (v.status === 'draft' || v.status === 'pending' || v.status === 'done')) return v;
  } catch {
    /* corrupt: ignore */
  }
  return null;
}

export function saveVote(memberId: string, ballotId: string, rec: VoteRecord | null) {
  storageSet(localStorage, key(memberId, ballotId), rec ? JSON.stringify(rec) : null);
}

/** Ballot ids of this member that still have a submission waiting for its answer. */
export function pendingBallots(memberId: string): string[] {
  const prefix = `minsheng.vote.${memberId}.`;
  const out: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k || !k.startsWith(prefix)) continue;
      const rec = loadVote(memberId, k.slice(prefix.length));
      if (rec?.status === 'pending') out.push(k.slice(prefix.length));
    }
  } catch {
    /* storage unavailable */
  }
  return out;
}
