// The receipt shown to a member and the roll's key check are both keyed hashes of the tablet's
// submission key, under different labels: neither can be computed from the other without that key,
// and the key itself is never stored.
import { createHmac } from 'node:crypto';

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Buffer, chars: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes.subarray(0, Math.ceil((chars * 5) / 8))) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += crockford[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** 16 characters of [0-9A-Z] (80 bits): what the member reads off the tablet and looks up in the published box. */
export function receiptFor(key: Buffer, ballotId: string, submissionKey: string): string {
  return base32(createHmac('sha256', key).update(`receipt\u0000${ballotId}\u0000${submissionKey}`).digest(), 16);
}

/** Lets a retry with the same submission key be recognised, without storing the key. */
export function rollKeyHash(key: Buffer, ballotId: string, memberId: string, submissionKey: string): string {
  return createHmac('sha256', key).update(`roll\u0000${ballotId}\u0000${memberId}\u0000${submissionKey}`).digest('base64url').slice(0, 32);
}
