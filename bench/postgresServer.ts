import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { stopWhenInterrupted } from './interruptions';

/** A PostgreSQL server started for one benchmark run and removed afterwards. */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: the admin database of the cluster. */
  readonly url: string;
  readonly version: string;
  stop(): Promise<void>;
}

/**
 * Settings of the throw-away cluster. Durability is off (it is deleted after the run), so the
 * write workload measures the engine and not the disk; both servers see the same settings.
 */
export const BENCH_POSTGRES_SETTINGS: Readonly<Record<string, string>> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '100',
  shared_buffers: '256MB',
};

/**
 * Starts PostgreSQL from Debian's binaries (`/usr/lib/postgresql/<version>/bin`) on a free
 * port of 127.0.0.1, as the `postgres` user when running as root, like the test suite's
 * globalSetup does.
 */
export async function startPostgresServer(settings = BENCH_POSTGRES_SETTINGS): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const root = mkdtempSync(join(tmpdir(), 'relata-bench-pg-'));
  const dataDir = join(root, 'data');
  // As root, initdb and postgres run as the `postgres` user (they refuse root); spawning with
  // uid/gid (not through runuser) keeps the child's pid the postmaster's, so SIGINT reaches it.
  const user: { uid?: number; gid?: number } = process.getuid?.() === 0 ? { uid: idOf('-u'), gid: idOf('-g') } : {};
  if (user.uid !== undefined && user.gid !== undefined) chownSync(root, user.uid, user.gid);
  execFileSync(join(bin, 'initdb'), ['-D', dataDir, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'], {
    stdio: 'ignore',
    cwd: root,
    ...user,
  });
  const port = await freePort();
  const options = Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  const child: ChildProcess = spawn(join(bin, 'postgres'), ['-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', root, ...options], {
    stdio: 'ignore',
    cwd: root,
    ...user,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    forget();
    if (child.exitCode === null) child.kill('SIGINT'); // fast shutdown
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    rmSync(root, { recursive: true, force: true });
  };
  const forget = stopWhenInterrupted(stop);
  try {
    const version = await waitForServer(url);
    return { url, version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function findPostgresBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = join(base, version, 'bin');
    if (existsSync(join(bin, 'postgres'))) return bin;
  }
  throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql: install the Debian package "postgresql" or set DATABASE_URL');
}

function idOf(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres']).toString().trim());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Waits until the server accepts connections; returns its `server_version`. */
async function waitForServer(url: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
      return rows[0]!.server_version;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** One statement on a cluster's admin database (CREATE/DROP DATABASE), on a connection of its own. */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
