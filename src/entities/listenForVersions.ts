import { Client } from 'pg';
import { VERSION_CHANNEL } from './definitionHistory';

export interface VersionListener {
  close(): Promise<void>;
}

const RECONNECT_MS = 1000;

/**
 * Calls `onVersion` whenever any instance on this PostgreSQL records a new definitions
 * version (issue 4, rule 4: NOTIFY on commit in `recordVersion`). Holds one connection of
 * its own outside the pool, reconnecting after a lost connection; `onReconnect` lets the
 * caller catch up on versions announced while it was away.
 */
export async function listenForVersions(
  url: string,
  onVersion: (version: number) => void,
  onReconnect: () => void,
  log: (message: string) => void,
): Promise<VersionListener> {
  let client: Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === VERSION_CHANNEL && message.payload) onVersion(Number(message.payload));
    });
    next.on('error', (error) => {
      log(`Definitions listener lost its connection (${error.message}); reconnecting`);
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      schedule();
    });
    await next.connect();
    await next.query(`LISTEN ${VERSION_CHANNEL}`);
    if (closed) return void (await next.end());
    client = next;
  };
  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(onReconnect, (error: Error) => {
        log(`Definitions listener cannot connect (${error.message}); retrying`);
        schedule();
      });
    }, RECONNECT_MS);
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
