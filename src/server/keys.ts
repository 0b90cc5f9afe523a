import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';

export const EMBEDDED_KEY_ALGORITHM = 'ES256';

export interface KeyPairPem {
  readonly privateKey: string;
  readonly publicKey: string;
}

/**
 * The signing key pair kept under the data dir, made on first start, so that
 * `relata token` mints tokens the local server accepts (contract section 1).
 */
export async function ensureKeyPair(dataDir: string): Promise<KeyPairPem> {
  const dir = join(dataDir, 'keys');
  const privateFile = join(dir, 'jwt-private.pem');
  const publicFile = join(dir, 'jwt-public.pem');
  if (existsSync(privateFile) && existsSync(publicFile)) {
    return { privateKey: readFileSync(privateFile, 'utf8'), publicKey: readFileSync(publicFile, 'utf8') };
  }
  mkdirSync(dir, { recursive: true });
  const pair = await generateKeyPair(EMBEDDED_KEY_ALGORITHM, { extractable: true });
  const pem = { privateKey: await exportPKCS8(pair.privateKey), publicKey: await exportSPKI(pair.publicKey) };
  writeFileSync(privateFile, pem.privateKey, { mode: 0o600 });
  chmodSync(privateFile, 0o600);
  writeFileSync(publicFile, pem.publicKey);
  return pem;
}
