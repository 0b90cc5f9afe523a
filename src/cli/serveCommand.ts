import type { Config } from '../config';
import { startServer } from '../server/startServer';

/** Runs until SIGINT/SIGTERM; returns -1 so the process stays up. */
export async function serveCommand(config: Config): Promise<number> {
  const server = await startServer(config);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}
