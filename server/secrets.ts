// Keys a restart must keep: created once, stored in the database, shared by every server process.
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { inArray } from 'drizzle-orm';
import type { Db } from './db/connect.js';
import { serverSecrets } from './db/schema.js';

export interface Secrets {
  tokenKey: Uint8Array;
  receiptKey: Buffer;
  codeKey: Buffer;
  signingKey: CryptoKey;
  publicJwk: JWK;
}

async function candidates(): Promise<Record<string, string>> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const priv = await exportJWK(privateKey);
  const pub = await exportJWK(publicKey);
  const kid = randomBytes(8).toString('hex');
  return {
    token_key: randomBytes(32).toString('base64'),
    receipt_key: randomBytes(32).toString('base64'),
    code_key: randomBytes(32).toString('base64'),
    signing_key: JSON.stringify({ ...priv, kid, alg: 'EdDSA', use: 'sig' }),
    signing_public_key: JSON.stringify({ ...pub, kid, alg: 'EdDSA', use: 'sig' }),
  };
}

export async function loadSecrets(db: Db): Promise<Secrets> {
  const fresh = await candidates();
  // First writer wins; every process then reads the same values.
  await db.insert(serverSecrets).values(Object.entries(fresh).map(([name, value]) => ({ name, value }))).onConflictDoNothing();
  const rows = await db.select().from(serverSecrets).where(inArray(serverSecrets.name, Object.keys(fresh)));
  const byName = Object.fromEntries(rows.map((r) => [r.name, r.value]));
  const privateJwk = JSON.parse(byName.signing_key) as JWK;
  return {
    tokenKey: Buffer.from(byName.token_key, 'base64'),
    receiptKey: Buffer.from(byName.receipt_key, 'base64'),
    codeKey: Buffer.from(byName.code_key, 'base64'),
    signingKey: (await importJWK(privateJwk, 'EdDSA')) as CryptoKey,
    publicJwk: JSON.parse(byName.signing_public_key) as JWK,
  };
}
