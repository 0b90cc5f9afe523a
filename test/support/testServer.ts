import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { mintToken } from '../../src/server/auth';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/startServer';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';

export const SAMPLE_DEFINITIONS = resolve(__dirname, '../../metadata-definitions');

export interface GraphQLResponse<Data = any> {
  status: number;
  data?: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestServer {
  readonly kind: DatabaseKind;
  readonly server: RunningServer;
  readonly config: Config;
  /** Mints a token the server accepts. */
  token(sub?: string, roles?: string[], groups?: { teams?: string[]; areas?: string[] }): Promise<string>;
  /** POSTs a GraphQL request over HTTP with a valid token unless `token` is given (null: none). */
  gql<Data = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<Data>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok<Data = any>(query: string, variables?: Record<string, unknown>): Promise<Data>;
  /** Stops the server, keeping the database (for restart tests). */
  stop(): Promise<void>;
  /** Stops the server and removes the database and temporary directories. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly metadataDir?: string;
  /** Reuse a data dir (PGlite restart) or database (PostgreSQL restart). */
  readonly reuse?: { dataDir: string; database?: TestDatabase };
  readonly env?: Record<string, string>;
  /** Receives the server's log lines (default: dropped). */
  readonly log?: (message: string) => void;
  readonly observeExecution?: ServerOptions['observeExecution'];
}

/** Starts the real server on a free port over a fresh database of the given kind. */
export async function startTestServer(kind: DatabaseKind, options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'relata-test-'));
  const database = options.reuse?.database ?? (kind === 'postgres' ? await createTestDatabase('postgres') : undefined);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    METADATA_DIR: options.metadataDir ?? SAMPLE_DEFINITIONS,
    DEMO_DATA: 'off',
    ...(database?.url ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const server = await startServer(config, {
    log: options.log ?? (() => undefined),
    ...(options.observeExecution ? { observeExecution: options.observeExecution } : {}),
  });
  let defaultToken: string | undefined;
  const token = (sub = 'tester', roles = ['admin'], groups: { teams?: string[]; areas?: string[] } = {}) =>
    mintToken(config.jwt, dataDir, { sub, roles, ...groups });
  const gql = async (query: string, variables?: Record<string, unknown>, given?: string | null) => {
    const bearer = given === undefined ? (defaultToken ??= await token()) : given;
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse;
    return { ...body, status: response.status };
  };
  let stopped = false;
  const stop = async () => {
    if (!stopped) await server.close();
    stopped = true;
  };
  return {
    kind,
    server,
    config,
    token,
    gql,
    ok: async (query, variables) => {
      const result = await gql(query, variables);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data;
    },
    stop,
    close: async () => {
      await stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
