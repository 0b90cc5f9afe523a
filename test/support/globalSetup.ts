import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs once before the suite. Without DATABASE_URL it starts a throw-away PostgreSQL on
 * 127.0.0.1 (Debian's package), so one `npm test` covers PGlite and a real server.
 * Test files create their own databases from RELATA_TEST_POSTGRES_URL.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.RELATA_TEST_POSTGRES_URL = process.env.DATABASE_URL;
    return;
  }
  const bin = findPostgresBin();
  const root = mkdtempSync(join(tmpdir(), 'relata-pg-'));
  const dataDir = join(root, 'data');
  const asPostgres = process.getuid?.() === 0;
  if (asPostgres) chownSync(root, uidOf('postgres'), gidOf('postgres'));
  const run = (cmd: string, args: string[]) =>
    asPostgres ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args]) : execFileSync(cmd, args);
  run(join(bin, 'initdb'), ['-D', dataDir, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const args = ['-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', root, '-c', 'fsync=off',
    '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
  const child = asPostgres
    ? spawn('runuser', ['-u', 'postgres', '--', join(bin, 'postgres'), ...args], { stdio: 'ignore', detached: true })
    : spawn(join(bin, 'postgres'), args, { stdio: 'ignore', detached: true });
  child.unref();
  writeFileSync(join(root, 'pid'), String(child.pid));
  process.env.RELATA_TEST_POSTGRES_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  process.env.RELATA_TEST_POSTGRES_ROOT = root;
  await waitForServer(port);
}

function findPostgresBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = join(base, version, 'bin');
    if (existsSync(join(bin, 'postgres'))) return bin;
  }
  throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql; install Debian package "postgresql" or set DATABASE_URL');
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user]).toString().trim());
}

function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user]).toString().trim());
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

async function waitForServer(port: number): Promise<void> {
  const { Client } = await import('pg');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
