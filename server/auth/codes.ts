import { createHmac, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: a code is read off a printed card and typed on a tablet.
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newSignInCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function codeHash(key: Buffer, code: string): string {
  return createHmac('sha256', key).update(normaliseCode(code)).digest('base64url');
}
