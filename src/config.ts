import { resolve } from 'node:path';

/** Everything the server reads from the environment (contract section 1), frozen at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** A PostgreSQL server; without it data lives in PGlite under `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly metadataDir: string;
  /** Load demo records into an empty embedded data dir (`DEMO_DATA=off` skips). */
  readonly demoData: boolean;
  /** Development mode shows stack traces and internal messages; never in production. */
  readonly development: boolean;
  /** Introspection and field suggestions outside development (`INTROSPECTION=on`); off by default. */
  readonly introspection: boolean;
  readonly jwt: JwtConfig;
}

export interface JwtConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly string[];
  /** PEM (SPKI) of the signing key's public half (`JWT_PUBLIC_KEY`). */
  readonly publicKey?: string;
  /** A JWKS endpoint (`JWT_JWKS_URL`). */
  readonly jwksUrl?: string;
  /** Allowed clock difference for exp/nbf, in seconds. */
  readonly clockToleranceSeconds: number;
  /** After fetching the JWKS, no refetch for an unknown `kid` for this long (`JWT_JWKS_COOLDOWN`, seconds). */
  readonly jwksCooldownSeconds: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config: Config = {
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    metadataDir: resolve(env.METADATA_DIR ?? 'metadata-definitions'),
    demoData: !['off', 'false', '0', 'no'].includes((env.DEMO_DATA ?? 'on').toLowerCase()),
    development: env.NODE_ENV === 'development',
    introspection: ['on', 'true', '1', 'yes'].includes((env.INTROSPECTION ?? 'off').toLowerCase()),
    jwt: {
      issuer: env.JWT_ISSUER ?? 'relata',
      audience: env.JWT_AUDIENCE ?? 'relata-api',
      algorithms: (env.JWT_ALGORITHMS ?? 'ES256,RS256,EdDSA').split(',').map((a) => a.trim()).filter(Boolean),
      ...(env.JWT_PUBLIC_KEY ? { publicKey: env.JWT_PUBLIC_KEY.replace(/\\n/g, '\n') } : {}),
      ...(env.JWT_JWKS_URL ? { jwksUrl: env.JWT_JWKS_URL } : {}),
      clockToleranceSeconds: Number(env.JWT_CLOCK_TOLERANCE ?? 30),
      jwksCooldownSeconds: Number(env.JWT_JWKS_COOLDOWN ?? 30),
    },
  };
  return Object.freeze(config);
}
