import { loadConfig } from '../src/config';
import { startServer } from '../src/server/startServer';
import { serveInChild } from './childServer';

/**
 * Entry of the child process that runs the Relata server under test, configured like
 * production through the environment (`DATABASE_URL` or `DATA_DIR`, `JWT_PUBLIC_KEY`,
 * `METADATA_DIR`, `DEMO_DATA=off`); `PORT=0` picks a free port.
 */
if (require.main === module) {
  serveInChild(() => startServer(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }), { log: () => undefined }));
}
