import { createRemoteJWKSet, importPKCS8, importSPKI, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig } from '../config';
import { UnauthenticatedError } from '../errors';
import type { Viewer } from '../resolvers/context';
import { EMBEDDED_KEY_ALGORITHM, ensureKeyPair } from './keys';

const MAX_CACHED_TOKENS = 1000;

export type TokenVerifier = (authorization: string | undefined) => Promise<Viewer>;

/**
 * Verifies bearer tokens with jose: algorithm allow-list, issuer, audience, exp required,
 * nbf, clock tolerance (issue 2, item 7). The key is `JWT_PUBLIC_KEY`, a JWKS endpoint, or
 * the key pair under the data dir when neither is configured.
 */
export async function createTokenVerifier(jwt: JwtConfig, dataDir: string): Promise<TokenVerifier> {
  const key = await verificationKey(jwt, dataDir);
  // A token verified once stays valid until its exp: skip the signature check on repeat use.
  const verified = new Map<string, { viewer: Viewer; expiresAt: number }>();
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new UnauthenticatedError();
    const cached = verified.get(match[1]!);
    if (cached && cached.expiresAt > Date.now()) return cached.viewer;
    try {
      const { payload } = await jwtVerify(match[1]!, key, {
        algorithms: [...jwt.algorithms],
        issuer: jwt.issuer,
        audience: jwt.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: jwt.clockToleranceSeconds,
      });
      const viewer: Viewer = { sub: payload.sub!, roles: strings(payload.roles), teams: strings(payload.teams), areas: strings(payload.areas) };
      if (verified.size >= MAX_CACHED_TOKENS) verified.delete(verified.keys().next().value!);
      verified.set(match[1]!, { viewer, expiresAt: payload.exp! * 1000 });
      return viewer;
    } catch {
      throw new UnauthenticatedError('The token is invalid or expired');
    }
  };
}

/** A claim that should be a list of strings; anything else counts as empty. */
function strings(claim: unknown): string[] {
  return Array.isArray(claim) ? claim.filter((r): r is string => typeof r === 'string') : [];
}

async function verificationKey(jwt: JwtConfig, dataDir: string): Promise<JWTVerifyGetKey> {
  // A token with an unknown kid refetches the JWKS (key rotation), at most once per cooldown.
  if (jwt.jwksUrl) return createRemoteJWKSet(new URL(jwt.jwksUrl), { cooldownDuration: jwt.jwksCooldownSeconds * 1000 });
  const pem = jwt.publicKey ?? (await ensureKeyPair(dataDir)).publicKey;
  const algorithm = jwt.publicKey ? (jwt.algorithms[0] ?? EMBEDDED_KEY_ALGORITHM) : EMBEDDED_KEY_ALGORITHM;
  const key = await importSPKI(pem, algorithm);
  return async () => key;
}

export interface TokenRequest {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly teams?: readonly string[];
  readonly areas?: readonly string[];
  /** Lifetime in seconds (default 12 hours). */
  readonly expiresInSeconds?: number;
}

/** Signs a token with the data dir's key, for local use (`relata token`). */
export async function mintToken(jwt: JwtConfig, dataDir: string, request: TokenRequest): Promise<string> {
  const pair = await ensureKeyPair(dataDir);
  const key = await importPKCS8(pair.privateKey, EMBEDDED_KEY_ALGORITHM);
  return new SignJWT({ roles: [...request.roles], teams: [...(request.teams ?? [])], areas: [...(request.areas ?? [])] })
    .setProtectedHeader({ alg: EMBEDDED_KEY_ALGORITHM })
    .setSubject(request.sub)
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (request.expiresInSeconds ?? 12 * 3600))
    .sign(key);
}
