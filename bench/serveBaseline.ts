import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { importSPKI, jwtVerify } from 'jose';
import { Pool } from 'pg';
import { loadConfig } from '../src/config';
import { PGLITE_EXTENSIONS } from '../src/entities/database';
import { createBaselineServer, type RequestAuthenticator } from './baselineServer';
import { serveInChild } from './childServer';

/** Connections of the baseline's pool, as many as Relata's (Database.connect default). */
export const BASELINE_POOL_SIZE = 10;
const MAX_CACHED_TOKENS = 1000;

/**
 * Entry of the child process that runs the baseline server: `DATABASE_URL` (a pg Pool of 10)
 * or `BENCH_PGLITE_DIR` (its own copy of the seeded PGlite data, one connection);
 * `JWT_PUBLIC_KEY` to verify tokens as Relata does, unless `BENCH_BASELINE_AUTH=off`.
 */
async function startBaseline(env: NodeJS.ProcessEnv) {
  const pglite = env.DATABASE_URL ? undefined : await PGlite.create({ dataDir: required(env, 'BENCH_PGLITE_DIR'), extensions: PGLITE_EXTENSIONS });
  const pool = pglite
    ? new Pool({ ...(createPgConfig(pglite) as object), max: 1 })
    : new Pool({ connectionString: env.DATABASE_URL, max: BASELINE_POOL_SIZE });
  const server = createBaselineServer({
    pool,
    ...(env.BENCH_BASELINE_AUTH === 'off' ? {} : { authenticate: await tokenAuthenticator(env) }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await pool.end();
      await pglite?.close();
    },
  };
}

/**
 * The checks Relata's verifier makes (algorithm, issuer, audience, exp, sub), with jose
 * directly, and like Relata a verified token is remembered until its exp (at most 1,000).
 */
async function tokenAuthenticator(env: NodeJS.ProcessEnv): Promise<RequestAuthenticator> {
  const { jwt } = loadConfig(env);
  const key = await importSPKI(required(env, 'JWT_PUBLIC_KEY'), jwt.algorithms[0] ?? 'ES256');
  const verified = new Map<string, number>();
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new Error('no bearer token');
    const token = match[1]!;
    if ((verified.get(token) ?? 0) > Date.now()) return;
    const { payload } = await jwtVerify(token, key, {
      algorithms: [...jwt.algorithms],
      issuer: jwt.issuer,
      audience: jwt.audience,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: jwt.clockToleranceSeconds,
    });
    if (verified.size >= MAX_CACHED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, payload.exp! * 1000);
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value.replace(/\\n/g, '\n');
}

if (require.main === module) serveInChild(() => startBaseline(process.env));
