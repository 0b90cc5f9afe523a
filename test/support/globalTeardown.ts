import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Stops the throw-away PostgreSQL that globalSetup started, if any. */
export default async function globalTeardown(): Promise<void> {
  const root = process.env.RELATA_TEST_POSTGRES_ROOT;
  if (!root) return;
  const pid = Number(readFileSync(join(root, 'pid'), 'utf8'));
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown
  } catch {
    return;
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
      await new Promise((r) => setTimeout(r, 100));
    } catch {
      break;
    }
  }
  rmSync(root, { recursive: true, force: true });
}
