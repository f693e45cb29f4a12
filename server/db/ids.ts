import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** Opaque ids: random, so neither creation order nor count can be read from them. */
export function newId(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += alphabet[bytes[i] & 31];
  return out;
}

export const idPattern = /^[0-9a-z]{1,40}$/;
